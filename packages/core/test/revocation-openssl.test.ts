import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPem } from '../src/bytes/pem.js';
import { resolveProvider } from '../src/crypto/provider.js';
import { createRevocationChecker } from '../src/revocation/checker.js';
import { parseCrl } from '../src/revocation/crl.js';
import { evaluateOcsp } from '../src/revocation/ocsp-evaluate.js';
import { buildOcspRequest } from '../src/revocation/ocsp-request.js';
import { parseOcspResponse } from '../src/revocation/ocsp-response.js';
import type { RevocationQuery } from '../src/revocation/types.js';
import { parseCertificate } from '../src/x509/certificate.js';
import { tamperProducedAt } from './revocation-helpers.js';

/**
 * The independent judge: OpenSSL's own OCSP responder and CRL generator, working from an index.txt
 * in the `openssl ca` format, produce what kyso must parse and verify.
 */

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
const REVOKED_AT = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
const STRANGER = '0123456789ABCDEF';

const cert = (id: string) => parseCertificate(pki.get(id).certificate);
const query = (id: string, time = new Date()): RevocationQuery => ({
  certificate: cert(id),
  issuer: cert('ca'),
  time,
});
const file = (name: string) => join(dir.path, name);

/** YYMMDDHHMMSSZ, as index.txt writes times. */
function indexTime(d: Date): string {
  return d.toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d).*$/, '$1$2$3$4$5$6Z');
}

async function run(args: string[]) {
  const r = await openssl(args, { cwd: dir.path });
  expect(r.code, `openssl ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
}

beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong', 'revoked'], baseUrl: 'http://127.0.0.1:1' });
  dir = await tempDir('kyso-ocsp-judge-');
  const line = (status: 'V' | 'R', id: string, revoked = '') =>
    [
      status,
      indexTime(pki.get(id).notAfter),
      revoked,
      pki.get(id).serialNumberHex,
      'unknown',
      `/CN=${id}`,
    ].join('\t');
  await writeFile(
    file('index.txt'),
    `${line('V', 'lanh-dao-phong')}\n${line('R', 'revoked', `${indexTime(REVOKED_AT)},keyCompromise`)}\n`,
  );
  await writeFile(file('index.txt.attr'), 'unique_subject = no\n');
  await writeFile(file('crlnumber'), '2A\n');
  await writeFile(file('ca.pem'), pki.get('ca').certificatePem);
  await writeFile(file('ca.key'), pki.get('ca').privateKeyPem, { mode: 0o600 });
  await writeFile(file('ocsp.pem'), pki.get('ocsp').certificatePem);
  await writeFile(file('ocsp.key'), pki.get('ocsp').privateKeyPem, { mode: 0o600 });
  await writeFile(
    file('ca.cnf'),
    [
      '[ ca ]',
      'default_ca = kyso',
      '[ kyso ]',
      'database = index.txt',
      'crlnumber = crlnumber',
      'default_md = sha256',
      'default_crl_days = 1',
      'crl_extensions = crl_ext',
      '[ crl_ext ]',
      'authorityKeyIdentifier = keyid:always',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await dir?.remove();
});

/** Has `openssl ocsp` answer a request kyso built. */
async function askOpenssl(q: RevocationQuery, options: { hash?: 'SHA-1' | 'SHA-256'; byKey?: boolean } = {}) {
  const request = buildOcspRequest(q.certificate, q.issuer, {
    ...(options.hash ? { hash: options.hash } : {}),
  });
  const name = `req-${Math.random().toString(36).slice(2)}`;
  await writeFile(file(`${name}.der`), request.der);
  await run([
    'ocsp',
    '-index',
    'index.txt',
    '-rsigner',
    'ocsp.pem',
    '-rkey',
    'ocsp.key',
    '-CA',
    'ca.pem',
    '-reqin',
    `${name}.der`,
    '-respout',
    `${name}.resp`,
    '-ndays',
    '1',
    ...(options.byKey ? ['-resp_key_id'] : []),
  ]);
  return { request, response: new Uint8Array(await readFile(file(`${name}.resp`))) };
}

const context = (q: RevocationQuery) => ({
  query: q,
  now: new Date(),
  provider: resolveProvider(),
  pool: [],
});

describe('OCSP responses written by openssl', () => {
  it('reads and verifies "good", with the nonce echoed', async () => {
    const q = query('lanh-dao-phong');
    const { request, response } = await askOpenssl(q);
    const parsed = parseOcspResponse(response);
    expect(parsed.status).toBe('successful');
    expect(parsed.basic?.nonce).toEqual(request.nonce);
    expect('byName' in parsed.basic!.responderId).toBe(true);
    const e = await evaluateOcsp(response, context(q), request.nonce);
    expect(e.usable && e.answer).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(e.usable && e.answer.detail).not.toContain('no nonce');
    // and the same bytes through the checker, as embedded evidence
    const r = await createRevocationChecker({
      mode: 'embedded',
      embedded: { ocspResponses: [response] },
    }).check(q);
    expect(r).toMatchObject({ status: 'good', source: 'ocsp', embedded: true });
  });

  it('reads "revoked" with the time and reason from index.txt (SHA-256 CertID, byKey responder ID)', async () => {
    const q = query('revoked');
    const { request, response } = await askOpenssl(q, { hash: 'SHA-256', byKey: true });
    expect('byKey' in parseOcspResponse(response).basic!.responderId).toBe(true);
    const e = await evaluateOcsp(response, context(q), request.nonce);
    expect(e.usable && e.answer).toMatchObject({
      status: 'revoked',
      reason: 'keyCompromise',
      revocationTime: REVOKED_AT,
    });
  });

  it('reads "unknown" for a serial not in the index', async () => {
    const q = query('lanh-dao-phong');
    const stranger = {
      ...q,
      certificate: { ...q.certificate, serialNumber: Uint8Array.from(Buffer.from(STRANGER, 'hex')) },
    };
    const { request, response } = await askOpenssl(stranger);
    const e = await evaluateOcsp(response, context(stranger), request.nonce);
    expect(e.usable && e.answer.status).toBe('unknown');
    // and it is an answer about that serial only
    const other = await evaluateOcsp(response, context(q), request.nonce);
    expect(other).toMatchObject({ usable: false, concerns: false });
  });

  it('refuses the openssl answer once a byte of tbsResponseData changes', async () => {
    const q = query('lanh-dao-phong');
    const { request, response } = await askOpenssl(q);
    const tampered = tamperProducedAt(response);
    const e = await evaluateOcsp(tampered, context(q), request.nonce);
    expect(e).toMatchObject({ usable: false, problem: expect.stringMatching(/does not verify/) });
  });
});

describe('CRLs written by openssl ca -gencrl', () => {
  let crlDer: Uint8Array;
  beforeAll(async () => {
    await run([
      'ca',
      '-gencrl',
      '-config',
      'ca.cnf',
      '-keyfile',
      'ca.key',
      '-cert',
      'ca.pem',
      '-out',
      'crl.pem',
    ]);
    crlDer = fromPem(await readFile(file('crl.pem'), 'utf8'), 'X509 CRL')[0]!;
  });

  it('parses the CRL as openssl prints it', async () => {
    const crl = parseCrl(crlDer);
    const text = (await run(['crl', '-in', 'crl.pem', '-noout', '-text'])).stdout;
    expect(crl.version).toBe(2);
    expect(crl.crlNumber).toBe(0x2an);
    expect(text).toMatch(/CRL Number:\s*\n\s*(42|0x2A|2A)/i);
    expect(crl.entries).toHaveLength(1);
    expect(crl.entries[0]!.reason).toBe('keyCompromise');
    expect(crl.entries[0]!.revocationDate).toEqual(REVOKED_AT);
    expect(text).toContain(`Serial Number: ${pki.get('revoked').serialNumberHex}`);
  });

  it('verifies it and finds the revoked entry', async () => {
    const checker = createRevocationChecker({ mode: 'embedded', embedded: { crls: [crlDer] } });
    expect(await checker.check(query('revoked'))).toMatchObject({
      status: 'revoked',
      source: 'crl',
      reason: 'keyCompromise',
      revocationTime: REVOKED_AT,
    });
    expect(await checker.check(query('lanh-dao-phong'))).toMatchObject({ status: 'good', source: 'crl' });
    // before the revocation date the certificate was good
    const before = await checker.check(query('revoked', new Date(REVOKED_AT.getTime() - 60_000)));
    expect(before.status).toBe('good');
  });

  it('refuses it for a certificate of another CA', async () => {
    const checker = createRevocationChecker({ mode: 'embedded', embedded: { crls: [crlDer] } });
    const r = await checker.check({ certificate: cert('ca'), issuer: cert('root'), time: new Date() });
    expect(r).toMatchObject({ status: 'unknown', unavailable: true });
  });
});
