import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest, validateSignature } from '../src/index.js';

/**
 * Verification of algorithms WebCrypto lacks (brainpool, SHA-3) and of RSA-PSS, on CMS written by
 * OpenSSL with keys certified by the test CA through openssl itself. (OpenSSL 3.0's cms cannot sign
 * with EdDSA or ECDSA with SHA-3; the corpus's pyHanko files cover those in @kyso/pdf's tests.)
 */
let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const data = new TextEncoder().encode('Tờ trình về thuật toán ký');

beforeAll(async () => {
  pki = await createTestPki({ include: ['signer-p256'] });
  dir = await tempDir();
  await writeFile(file('ca.pem'), pki.get('ca').certificatePem);
  await writeFile(file('ca.key'), pki.get('ca').privateKeyPem);
  await writeFile(file('root.pem'), pki.get('root').certificatePem);
  await writeFile(file('data.txt'), data);
  await writeFile(
    file('ext.cnf'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
});
afterAll(() => dir.remove());

async function issue(name: string, keygen: string[]) {
  expect((await openssl(['genpkey', ...keygen, '-out', file(`${name}.key`)])).code).toBe(0);
  expect(
    (
      await openssl([
        'req',
        '-new',
        '-key',
        file(`${name}.key`),
        '-subj',
        `/C=VN/CN=Thử nghiệm ${name}`,
        '-utf8',
        '-out',
        file(`${name}.csr`),
      ])
    ).code,
  ).toBe(0);
  const x = await openssl([
    'x509',
    '-req',
    '-in',
    file(`${name}.csr`),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '30',
    '-sha256',
    '-extfile',
    file('ext.cnf'),
    '-out',
    file(`${name}.pem`),
  ]);
  expect(x.code, x.stderr).toBe(0);
}

const CASES: [string, string[], string[]][] = [
  ['brainpool', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP256r1'], ['-md', 'sha256']],
  [
    'rsa-pss',
    ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    ['-md', 'sha256', '-keyopt', 'rsa_padding_mode:pss'],
  ],
  ['rsa-sha3', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], ['-md', 'sha3-512']],
];

describe('kyso verifies openssl CMS in algorithms beyond WebCrypto', () => {
  it.each(CASES)('%s', async (name, keygen, sign) => {
    await issue(name, keygen);
    const s = await openssl([
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-signer',
      file(`${name}.pem`),
      '-inkey',
      file(`${name}.key`),
      '-in',
      file('data.txt'),
      '-out',
      file(`${name}.p7s`),
      ...sign,
    ]);
    expect(s.code, s.stderr).toBe(0);
    const cms = new Uint8Array(await readFile(file(`${name}.p7s`)));
    const run = (content: Uint8Array) =>
      validateSignature({
        cms,
        detached: true,
        contentDigest: (a) => digest(a, content),
        anchors: [pki.get('root').certificate],
        intermediates: [pki.get('ca').certificate],
        revocation: { mode: 'off' },
      });
    const ok = await run(data);
    expect(ok.indication, JSON.stringify(ok.errors)).toBe('TOTAL_PASSED');
    const bad = await run(new TextEncoder().encode('khác'));
    expect(bad.indication).toBe('TOTAL_FAILED');
  });
});
