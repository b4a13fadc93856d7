import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asn1,
  assertPreparedCms,
  digest,
  finishCms,
  type HashAlg,
  isKysoError,
  parseCertificate,
  parseSignedData,
  prepareCms,
  resolveProvider,
  type SigScheme,
  toHex,
  validateSignature,
} from '../src/index.js';
import { signWithIdentity } from './support/sign-with-identity.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
const provider = resolveProvider();
const file = (n: string) => join(dir.path, n);
const content = new TextEncoder().encode('Quyết định số 12/QĐ-UBND về việc ký số văn bản\n');

beforeAll(async () => {
  pki = await createTestPki({
    include: [
      'lanh-dao-phong',
      'signer-rsa3072',
      'signer-rsa4096',
      'signer-p256',
      'signer-p384',
      'signer-p521',
      'to-chuc',
    ],
  });
  dir = await tempDir();
  await writeFile(file('root.pem'), pki.get('root').certificatePem);
  await writeFile(file('content.txt'), content);
});
afterAll(() => dir.remove());

async function kysoSign(
  id: string,
  hash: HashAlg,
  scheme: SigScheme,
  options: { signingTime?: Date; ecdsaRaw?: boolean } = {},
) {
  const identity = pki.get(id);
  const prepared = await prepareCms({
    signerCertificate: identity.certificate,
    contentDigest: await digest(hash, content),
    hash,
    scheme,
    ...(options.signingTime ? { signingTime: options.signingTime } : {}),
    provider,
  });
  // the state crosses a JSON boundary, as between a browser and a signing service
  const state = assertPreparedCms(JSON.parse(JSON.stringify(prepared.state)));
  const value = await signWithIdentity(identity, prepared.data, hash, scheme, options.ecdsaRaw);
  return finishCms(state, value, { certificates: identity.chain.slice(0, -1), provider });
}

async function kysoVerify(cms: Uint8Array, data = content) {
  return validateSignature({
    cms,
    detached: true,
    contentDigest: (alg) => digest(alg, data),
    anchors: [pki.get('root').certificate],
    revocation: { mode: 'off' },
  });
}

const CASES: [string, HashAlg, SigScheme][] = [
  ['lanh-dao-phong', 'SHA-256', 'RSASSA-PKCS1-v1_5'],
  ['lanh-dao-phong', 'SHA-384', 'RSASSA-PKCS1-v1_5'],
  ['lanh-dao-phong', 'SHA-512', 'RSASSA-PSS'],
  ['signer-rsa3072', 'SHA-256', 'RSASSA-PSS'],
  ['signer-rsa4096', 'SHA-512', 'RSASSA-PKCS1-v1_5'],
  ['signer-p256', 'SHA-256', 'ECDSA'],
  ['signer-p384', 'SHA-384', 'ECDSA'],
  ['signer-p521', 'SHA-512', 'ECDSA'],
];

describe('kyso CMS, judged by openssl cms -verify', () => {
  it.each(CASES)('%s with %s %s', async (id, hash, scheme) => {
    const cms = await kysoSign(id, hash, scheme, { signingTime: new Date('2025-01-02T09:29:02Z') });
    await writeFile(file(`${id}-${hash}-${scheme}.p7s`), cms);
    const r = await openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-content',
      file('content.txt'),
      '-in',
      file(`${id}-${hash}-${scheme}.p7s`),
      '-CAfile',
      file('root.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(r.stderr).toContain('Verification successful');
    const v = await kysoVerify(cms);
    expect(v.indication, JSON.stringify(v.errors)).toBe('TOTAL_PASSED');
    expect(v.cms?.signingCertificateReference).toBe('v2');
    expect(v.claimedSigningTime?.toISOString()).toBe('2025-01-02T09:29:02.000Z');
  });

  it('accepts an ECDSA value in r‖s form (as tokens return it) and writes DER', async () => {
    const cms = await kysoSign('signer-p256', 'SHA-256', 'ECDSA', { ecdsaRaw: true });
    expect((await kysoVerify(cms)).indication).toBe('TOTAL_PASSED');
  });

  it('copies the Vietnamese issuer name byte for byte into issuerAndSerialNumber', async () => {
    const cms = await kysoSign('to-chuc', 'SHA-256', 'RSASSA-PKCS1-v1_5');
    const sd = parseSignedData(cms);
    const sid = sd.signerInfos[0]!.sid;
    const cert = parseCertificate(pki.get('to-chuc').certificate);
    expect(sid.kind).toBe('issuerSerial');
    if (sid.kind !== 'issuerSerial') return;
    expect(toHex(sid.issuer.der)).toBe(toHex(cert.issuer.der));
    expect(toHex(sid.issuer.der)).toContain(toHex(new TextEncoder().encode('Ban Cơ yếu Chính phủ')));
    expect(toHex(sid.serialNumber)).toBe(toHex(cert.serialNumber));
    // openssl prints the same issuer
    await writeFile(file('org.p7s'), cms);
    const printed = await openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file('org.p7s')]);
    expect(printed.stdout).toContain('issuer: C=VN, O=Ban C');
  });
});

describe('kyso verifies CMS made by openssl cms -sign', () => {
  it.each([
    ['lanh-dao-phong', []],
    ['lanh-dao-phong', ['-noattr']],
    ['signer-p256', []],
    ['signer-p384', ['-noattr']],
  ] as const)('%s %s', async (id, extra) => {
    const identity = pki.get(id);
    await writeFile(file(`${id}.pem`), identity.certificatePem);
    await writeFile(file(`${id}.key`), identity.privateKeyPem);
    await writeFile(file('ca.pem'), pki.get('ca').certificatePem);
    const out = file(`${id}${extra.join('')}-openssl.p7s`);
    const r = await openssl([
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-md',
      'sha256',
      '-signer',
      file(`${id}.pem`),
      '-inkey',
      file(`${id}.key`),
      '-certfile',
      file('ca.pem'),
      '-in',
      file('content.txt'),
      '-out',
      out,
      ...extra,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const cms = new Uint8Array(await readFile(out));
    const v = await kysoVerify(cms);
    expect(v.indication, JSON.stringify(v.errors)).toBe('TOTAL_PASSED');
    if (extra.length === 0) expect(v.claimedSigningTime).toBeInstanceOf(Date);
    else expect(v.claimedSigningTime).toBeUndefined();
    const tampered = await kysoVerify(cms, new TextEncoder().encode('một văn bản khác'));
    expect(tampered.indication).toBe('TOTAL_FAILED');
    expect(tampered.subIndication).toBe('HASH_FAILURE');
  });
});

describe('two-phase signing refuses mismatches before anything is assembled', () => {
  it('STATE_MISMATCH for another certificate or a damaged state; BAD_SIGNATURE_VALUE for a wrong value', async () => {
    const id = pki.get('lanh-dao-phong');
    const prepared = await prepareCms({
      signerCertificate: id.certificate,
      contentDigest: await digest('SHA-256', content),
      hash: 'SHA-256',
      scheme: 'RSASSA-PKCS1-v1_5',
      provider,
    });
    const value = await signWithIdentity(id, prepared.data, 'SHA-256', 'RSASSA-PKCS1-v1_5');
    const other = await finishCms(prepared.state, value, {
      certificates: [pki.get('to-chuc').certificate],
      provider,
    }).catch((e: unknown) => e);
    expect(isKysoError(other, 'STATE_MISMATCH')).toBe(true);
    expect(
      isKysoError(
        (() => {
          try {
            return assertPreparedCms({ ...prepared.state, version: 2 });
          } catch (e) {
            return e;
          }
        })(),
        'STATE_MISMATCH',
      ),
    ).toBe(true);
    const wrong = value.slice();
    wrong[10]! ^= 0xff;
    const bad = await finishCms(prepared.state, wrong, { certificates: [id.certificate], provider }).catch(
      (e: unknown) => e,
    );
    expect(isKysoError(bad, 'BAD_SIGNATURE_VALUE')).toBe(true);
    // a value for other signed attributes (another document) is refused too
    const elsewhere = await prepareCms({
      signerCertificate: id.certificate,
      contentDigest: await digest('SHA-256', new Uint8Array([1])),
      hash: 'SHA-256',
      scheme: 'RSASSA-PKCS1-v1_5',
      provider,
    });
    const stolen = await signWithIdentity(id, elsewhere.data, 'SHA-256', 'RSASSA-PKCS1-v1_5');
    expect(
      isKysoError(
        await finishCms(prepared.state, stolen, { certificates: [id.certificate], provider }).catch(
          (e: unknown) => e,
        ),
        'BAD_SIGNATURE_VALUE',
      ),
    ).toBe(true);
  });
});

describe('CMS that breaks the DER rules its signature depends on is FORMAT_FAILURE', () => {
  it('signed attributes not in DER order', async () => {
    const id = pki.get('lanh-dao-phong');
    const prepared = await prepareCms({
      signerCertificate: id.certificate,
      contentDigest: await digest('SHA-256', content),
      hash: 'SHA-256',
      scheme: 'RSASSA-PKCS1-v1_5',
      provider,
    });
    // re-encode the SET OF with its elements reversed, and sign those exact bytes (as a sloppy signer would)
    const set = asn1.decode(prepared.data);
    const reversed = asn1.children(set).map(asn1.bytesOf).reverse();
    const body = new Uint8Array(reversed.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of reversed) {
      body.set(b, at);
      at += b.length;
    }
    const unsorted = asn1.der.tlv(0x31, body);
    expect(asn1.derViolation(asn1.decode(unsorted))).toMatch(/DER order/);
    const state = { ...prepared.state, signedAttributes: Buffer.from(unsorted).toString('base64') };
    const value = await signWithIdentity(id, unsorted, 'SHA-256', 'RSASSA-PKCS1-v1_5');
    const cms = await finishCms(state, value, { certificates: id.chain.slice(0, -1), provider });
    const v = await kysoVerify(cms);
    expect(v.indication).toBe('TOTAL_FAILED');
    expect(v.subIndication).toBe('FORMAT_FAILURE');
    expect(v.errors[0]?.detail).toMatch(/not DER/);
    // openssl, like Acrobat, accepts it: the reason kyso says so in its message
    await writeFile(file('unsorted.p7s'), cms);
    const r = await openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-content',
      file('content.txt'),
      '-in',
      file('unsorted.p7s'),
      '-CAfile',
      file('root.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(r.stderr).toContain('Verification successful');
  });

  it('a flipped signature byte is SIG_CRYPTO_FAILURE', async () => {
    const cms = await kysoSign('signer-p384', 'SHA-384', 'ECDSA');
    const sd = parseSignedData(cms);
    const sig = sd.signerInfos[0]!.signature;
    const at = cms.findIndex((_, i) => cms.subarray(i, i + sig.length).every((b, j) => b === sig[j]));
    const broken = cms.slice();
    broken[at + sig.length - 3]! ^= 1;
    const v = await kysoVerify(broken);
    expect(v.indication).toBe('TOTAL_FAILED');
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
});
