import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openssl, type PkiServer, startTestPki, tempDir } from '../src/node/index.js';

let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const file = (name: string) => join(dir.path, name);
const FIXED = new Date('2026-03-04T05:06:07Z');
/** The responders' injectable clock: real time unless a test pins it. */
let pinned: Date | undefined;

beforeAll(async () => {
  server = await startTestPki({
    include: ['lanh-dao-phong', 'revoked', 'tsa', 'look-alike'],
    clock: () => pinned ?? new Date(),
  });
  dir = await tempDir();
  for (const i of server.pki.identities) await writeFile(file(`${i.id}.pem`), i.certificatePem);
  await writeFile(
    file('chain.pem'),
    server.pki.get('root').certificatePem + server.pki.get('ca').certificatePem,
  );
  await writeFile(file('data.txt'), 'Văn bản cần đóng dấu thời gian\n');
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

async function post(url: string, type: string, body: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

describe('the TSA, judged by openssl ts', () => {
  it('grants a time-stamp that openssl ts -verify accepts, with the nonce and the fixed time', async () => {
    const q = await openssl([
      'ts',
      '-query',
      '-data',
      file('data.txt'),
      '-sha256',
      '-cert',
      '-out',
      file('req.tsq'),
    ]);
    expect(q.code).toBe(0);
    pinned = FIXED;
    const reply = await post(
      server.urls.tsa,
      'application/timestamp-query',
      await readFile(file('req.tsq')),
    ).finally(() => {
      pinned = undefined;
    });
    await writeFile(file('resp.tsr'), reply);
    const v = await openssl([
      'ts',
      '-verify',
      '-in',
      file('resp.tsr'),
      '-queryfile',
      file('req.tsq'),
      '-CAfile',
      file('root.pem'),
      '-untrusted',
      file('ca.pem'),
    ]);
    expect(v.stdout + v.stderr).toContain('Verification: OK');
    const text = await openssl(['ts', '-reply', '-in', file('resp.tsr'), '-text']);
    expect(text.stdout).toContain('Status: Granted.');
    expect(text.stdout).toContain('Time stamp: Mar  4 05:06:07 2026 GMT');
    expect(text.stdout).toContain('Policy OID: 2.999.5955.1.2');
    expect(text.stdout).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(text.stdout).toContain('Accuracy: 0x01 seconds');
  });

  it('is caught by openssl when the data does not match the imprint', async () => {
    await writeFile(file('other.txt'), 'a different document\n');
    const v = await openssl([
      'ts',
      '-verify',
      '-in',
      file('resp.tsr'),
      '-data',
      file('other.txt'),
      '-CAfile',
      file('root.pem'),
      '-untrusted',
      file('ca.pem'),
    ]);
    expect(v.code).not.toBe(0);
    expect(v.stdout + v.stderr).toMatch(/message imprint mismatch/);
  });

  it('leaves the certificates out without certReq, so the verifier must bring the TSA certificate', async () => {
    const q = await openssl([
      'ts',
      '-query',
      '-data',
      file('data.txt'),
      '-sha512',
      '-no_nonce',
      '-out',
      file('req2.tsq'),
    ]);
    expect(q.code).toBe(0);
    await writeFile(
      file('resp2.tsr'),
      await post(server.urls.tsa, 'application/timestamp-query', await readFile(file('req2.tsq'))),
    );
    const verify = (untrusted: string) =>
      openssl([
        'ts',
        '-verify',
        '-in',
        file('resp2.tsr'),
        '-data',
        file('data.txt'),
        '-CAfile',
        file('root.pem'),
        '-untrusted',
        untrusted,
      ]);
    expect((await verify(file('ca.pem'))).code).not.toBe(0);
    await writeFile(
      file('bundle.pem'),
      server.pki.get('ca').certificatePem + server.pki.get('tsa').certificatePem,
    );
    const ok = await verify(file('bundle.pem'));
    expect(ok.stdout + ok.stderr).toContain('Verification: OK');
  });

  it('rejects an unknown hash algorithm with a PKIStatus, not an HTTP error', async () => {
    const q = await openssl(['ts', '-query', '-data', file('data.txt'), '-md5', '-out', file('md5.tsq')]);
    expect(q.code).toBe(0);
    await writeFile(
      file('md5.tsr'),
      await post(server.urls.tsa, 'application/timestamp-query', await readFile(file('md5.tsq'))),
    );
    const text = await openssl(['ts', '-reply', '-in', file('md5.tsr'), '-text']);
    expect(text.stdout).toContain('Status: Rejected');
    expect(text.stdout).toContain('unrecognized or unsupported algorithm');
  });
});

describe('the OCSP responder, judged by openssl ocsp', () => {
  const ask = (id: string, extra: string[] = []) =>
    openssl([
      'ocsp',
      '-issuer',
      file('ca.pem'),
      '-cert',
      file(`${id}.pem`),
      '-url',
      server.urls.ocsp('ca'),
      '-CAfile',
      file('root.pem'),
      '-respout',
      file(`${id}.ocsp`),
      '-resp_text',
      ...extra,
    ]);

  it('answers good for a valid certificate, signed by the delegated responder, nonce echoed', async () => {
    const r = await ask('lanh-dao-phong');
    expect(r.stdout).toContain(`${file('lanh-dao-phong.pem')}: good`);
    expect(r.stderr + r.stdout).toContain('Response verify OK');
    expect(r.stdout).toContain('OCSP Nonce');
    expect(r.stdout).toContain('Responder Id: ');
    // and the saved response verifies on its own (openssl ocsp -respin … -verify)
    const again = await openssl([
      'ocsp',
      '-respin',
      file('lanh-dao-phong.ocsp'),
      '-CAfile',
      file('root.pem'),
      '-issuer',
      file('ca.pem'),
      '-cert',
      file('lanh-dao-phong.pem'),
      '-no_nonce',
    ]);
    expect(again.stderr + again.stdout).toContain('Response verify OK');
    expect(again.stdout).toContain(': good');
  });

  it('answers revoked with the time and the reason', async () => {
    const r = await ask('revoked');
    expect(r.stdout).toContain(`${file('revoked.pem')}: revoked`);
    expect(r.stdout).toContain('Reason: keyCompromise');
    expect(r.stderr + r.stdout).toContain('Response verify OK');
  });

  it('answers unknown for a serial the CA never issued', async () => {
    const r = await openssl([
      'ocsp',
      '-issuer',
      file('ca.pem'),
      '-serial',
      '0x0123456789',
      '-url',
      server.urls.ocsp('ca'),
      '-CAfile',
      file('root.pem'),
      '-resp_text',
    ]);
    expect(r.stdout).toContain('0x0123456789: unknown');
    expect(r.stderr + r.stdout).toContain('Response verify OK');
  });

  it('answers for the root CA itself, signed by the root (no delegated responder there)', async () => {
    const r = await openssl([
      'ocsp',
      '-issuer',
      file('root.pem'),
      '-cert',
      file('ca.pem'),
      '-url',
      server.urls.ocsp('root'),
      '-CAfile',
      file('root.pem'),
      '-resp_text',
    ]);
    expect(r.stdout).toContain(`${file('ca.pem')}: good`);
    expect(r.stderr + r.stdout).toContain('Response verify OK');
  });

  it('tells the look-alike CA apart from the real one by its key', async () => {
    // asking the real CA about the impostor: the CertID's key hash names look-alike-ca
    const r = await openssl([
      'ocsp',
      '-issuer',
      file('look-alike-ca.pem'),
      '-cert',
      file('look-alike.pem'),
      '-url',
      server.urls.ocsp('ca'),
      '-CAfile',
      file('look-alike-root.pem'),
      '-resp_text',
    ]);
    expect(r.stdout).toContain(`${file('look-alike.pem')}: good`);
    expect(r.stdout).not.toContain('OCSP No Check'); // signed by look-alike-ca itself, not by the real responder
  });

  it('supports the GET form of RFC 6960 Appendix A', async () => {
    const q = await openssl([
      'ocsp',
      '-issuer',
      file('ca.pem'),
      '-cert',
      file('lanh-dao-phong.pem'),
      '-no_nonce',
      '-reqout',
      file('get.req'),
    ]);
    expect(q.code).toBe(0);
    const b64 = (await readFile(file('get.req'))).toString('base64');
    const res = await fetch(`${server.urls.ocsp('ca')}/${encodeURIComponent(b64)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ocsp-response');
    await writeFile(file('get.ocsp'), new Uint8Array(await res.arrayBuffer()));
    const v = await openssl([
      'ocsp',
      '-respin',
      file('get.ocsp'),
      '-CAfile',
      file('root.pem'),
      '-issuer',
      file('ca.pem'),
      '-cert',
      file('lanh-dao-phong.pem'),
      '-no_nonce',
    ]);
    expect(v.stderr + v.stdout).toContain('Response verify OK');
  });
});

describe('the CRL and CA-certificate endpoints, judged by openssl crl', () => {
  it('serves a signed CRL listing the revoked serial with its reason', async () => {
    const res = await fetch(server.urls.crl('ca'));
    expect(res.headers.get('content-type')).toBe('application/pkix-crl');
    await writeFile(file('ca.crl'), new Uint8Array(await res.arrayBuffer()));
    const text = await openssl(['crl', '-inform', 'DER', '-in', file('ca.crl'), '-noout', '-text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Serial Number: ${server.pki.get('revoked').serialNumberHex}`);
    expect(text.stdout).not.toContain(`Serial Number: ${server.pki.get('lanh-dao-phong').serialNumberHex}`);
    expect(text.stdout).toContain('Key Compromise');
    const signature = await openssl([
      'crl',
      '-inform',
      'DER',
      '-in',
      file('ca.crl'),
      '-noout',
      '-CAfile',
      file('chain.pem'),
    ]);
    expect(signature.stderr + signature.stdout).toContain('verify OK');
  });

  it('makes openssl verify -crl_check reject the revoked certificate and accept the others', async () => {
    await openssl(['crl', '-inform', 'DER', '-in', file('ca.crl'), '-out', file('ca.crl.pem')]);
    const rootCrl = new Uint8Array(await (await fetch(server.urls.crl('root'))).arrayBuffer());
    await writeFile(file('root.crl'), rootCrl);
    await openssl(['crl', '-inform', 'DER', '-in', file('root.crl'), '-out', file('root.crl.pem')]);
    const args = [
      'verify',
      '-crl_check_all',
      '-CAfile',
      file('root.pem'),
      '-untrusted',
      file('ca.pem'),
      '-CRLfile',
      file('ca.crl.pem'),
      '-CRLfile',
      file('root.crl.pem'),
    ];
    const bad = await openssl([...args, file('revoked.pem')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr + bad.stdout).toContain('certificate revoked');
    const good = await openssl([...args, file('lanh-dao-phong.pem')]);
    expect(good.code).toBe(0);
  });

  it('serves CA certificates for AIA caIssuers', async () => {
    const res = await fetch(server.urls.caIssuers('ca'));
    expect(res.headers.get('content-type')).toBe('application/pkix-cert');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(server.pki.get('ca').certificate);
  });

  it('answers 404 for unknown paths and CAs, 405 for wrong methods', async () => {
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
    expect((await fetch(server.urls.crl('nobody'))).status).toBe(404);
    expect((await fetch(server.urls.tsa)).status).toBe(405);
  });
});

describe('outages and shutdown', () => {
  it('simulates a service that is down, resets, or hangs', async () => {
    server.outage.ocsp = 'unavailable';
    expect(
      (await fetch(server.urls.ocsp('ca'), { method: 'POST', body: new Uint8Array([0x30, 0]) })).status,
    ).toBe(503);
    server.outage.crl = 'reset';
    await expect(fetch(server.urls.crl('ca'))).rejects.toThrow();
    server.outage.tsa = 'hang';
    await expect(
      fetch(server.urls.tsa, { method: 'POST', body: new Uint8Array(1), signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    server.outage.ocsp = server.outage.crl = server.outage.tsa = 'none';
    expect(server.requests.ocsp).toBeGreaterThan(0);
    expect((await fetch(server.urls.crl('ca'))).status).toBe(200);
  });

  it('closes cleanly with a request still hanging, and leaves no server handle', async () => {
    const other = await startTestPki({ include: ['tsa'] });
    const before = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    other.outage.tsa = 'hang';
    const pending = fetch(other.urls.tsa, { method: 'POST', body: new Uint8Array(1) }).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 100));
    await other.close();
    expect(await pending).toBe('closed');
    const after = process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
    expect(after).toBe(before - 1);
    await expect(fetch(other.urls.crl('ca'))).rejects.toThrow();
  });
});
