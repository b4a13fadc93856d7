import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openssl, type PkiServer, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTimestampRequest,
  checkTimestampToken,
  digest,
  isKysoError,
  parseSignedData,
  parseTimestampResponse,
  parseTstInfo,
  requestTimestamp,
  resolveProvider,
  toHex,
} from '../src/index.js';

let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const provider = resolveProvider();
const file = (n: string) => join(dir.path, n);
const data = new TextEncoder().encode('Công văn cần dấu thời gian');

beforeAll(async () => {
  server = await startTestPki({ include: ['tsa'] });
  dir = await tempDir();
  const pki = server.pki;
  await writeFile(file('root.pem'), pki.get('root').certificatePem);
  await writeFile(file('ca.pem'), pki.get('ca').certificatePem);
  await writeFile(file('tsa.pem'), pki.get('tsa').certificatePem);
  await writeFile(file('tsa.key'), pki.get('tsa').privateKeyPem);
  await writeFile(file('data.txt'), data);
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('RFC 3161 client', () => {
  it('gets a token from testkit TSA that openssl ts -verify accepts for the same data', async () => {
    const imprint = await digest('SHA-256', data);
    const { token, check } = await requestTimestamp('SHA-256', imprint, { url: server.urls.tsa, provider });
    expect(check.indication).toBe('TOTAL_PASSED');
    expect(check.nonceMatches).toBe(true);
    expect(check.imprintMatches).toBe(true);
    expect(check.tsaCertificate?.serialHex).toBe(server.pki.get('tsa').serialNumberHex);
    await writeFile(file('token.der'), token);
    const v = await openssl([
      'ts',
      '-verify',
      '-token_in',
      '-in',
      file('token.der'),
      '-data',
      file('data.txt'),
      '-CAfile',
      file('root.pem'),
      '-untrusted',
      file('ca.pem'),
    ]);
    expect(v.stdout + v.stderr).toContain('Verification: OK');
  });

  it('refuses a TSA that fails, typed', async () => {
    server.outage.tsa = 'unavailable';
    const down = await requestTimestamp('SHA-256', new Uint8Array(32), {
      url: server.urls.tsa,
      provider,
    }).catch((e: unknown) => e);
    server.outage.tsa = 'none';
    expect(isKysoError(down, 'NETWORK_ERROR')).toBe(true);
    const refused = await requestTimestamp('SHA-256', new Uint8Array(31), {
      url: server.urls.tsa,
      provider,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError); // a wrong-length digest never leaves the client
  });

  it('verifies tokens made by openssl ts -reply, and catches a wrong imprint or nonce', async () => {
    await writeFile(
      file('tsa.cnf'),
      `[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\nserial = ${file('serial')}\nsigner_cert = ${file('tsa.pem')}\nsigner_key = ${file('tsa.key')}\ncerts = ${file('ca.pem')}\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256, sha384, sha512\naccuracy = secs:1\ness_cert_id_alg = sha256\n`,
    );
    await writeFile(file('serial'), '01\n');
    const q = await openssl([
      'ts',
      '-query',
      '-data',
      file('data.txt'),
      '-sha384',
      '-cert',
      '-out',
      file('req.tsq'),
    ]);
    expect(q.code).toBe(0);
    const r = await openssl([
      'ts',
      '-reply',
      '-config',
      file('tsa.cnf'),
      '-queryfile',
      file('req.tsq'),
      '-out',
      file('resp.tsr'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const response = parseTimestampResponse(new Uint8Array(await readFile(file('resp.tsr'))));
    expect(response.status).toBe(0);
    const token = response.token!;
    const tst = parseTstInfo(parseSignedData(token).content!);
    expect(tst.policy).toBe('1.2.3.4.1');
    expect(tst.hash).toBe('SHA-384');
    const good = await checkTimestampToken(token, { messageImprint: (alg) => digest(alg, data), provider });
    expect(good.indication, JSON.stringify(good.errors)).toBe('TOTAL_PASSED');
    const wrong = await checkTimestampToken(token, {
      messageImprint: (alg) => digest(alg, new Uint8Array([9])),
      provider,
    });
    expect(wrong.indication).toBe('TOTAL_FAILED');
    expect(wrong.errors.map((e) => e.code)).toContain('TIMESTAMP_IMPRINT_MISMATCH');
    const nonce = await checkTimestampToken(token, {
      messageImprint: (alg) => digest(alg, data),
      nonce: new Uint8Array([1, 2, 3, 4]),
      provider,
    });
    expect(nonce.errors.map((e) => e.code)).toContain('TIMESTAMP_NONCE_MISMATCH');
  });

  it('writes requests openssl reads', async () => {
    const req = buildTimestampRequest({ hash: 'SHA-512', digest: await digest('SHA-512', data) });
    await writeFile(file('kyso.tsq'), req.der);
    const text = await openssl(['ts', '-query', '-in', file('kyso.tsq'), '-text']);
    expect(text.stdout).toContain('Hash Algorithm: sha512');
    expect(text.stdout).toContain('Certificate required: yes');
    // openssl prints the nonce as hex with or without a leading zero nibble: compare the numbers
    const printed = /Nonce: *0x([0-9A-F]+)\s*$/im.exec(text.stdout)?.[1];
    expect(printed && BigInt(`0x${printed}`)).toBe(BigInt(`0x${toHex(req.nonce!)}`));
  });
});
