import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, oneSignerSpec, type TestPki, TestPki as TestPkiClass, toHex } from '../src/index.js';
import { openssl, tempDir } from '../src/node/index.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };

const pem = (id: string) => join(dir.path, `${id}.pem`);

beforeAll(async () => {
  pki = await createTestPki({ baseUrl: 'http://127.0.0.1:1' });
  dir = await tempDir();
  for (const i of pki.identities) await writeFile(pem(i.id), i.certificatePem);
});
afterAll(() => dir.remove());

async function verify(id: string, root = 'root', untrusted = 'ca') {
  return openssl(['verify', '-CAfile', pem(root), '-untrusted', pem(untrusted), pem(id)]);
}

describe('the test PKI, judged by openssl verify', () => {
  const valid = [
    'chuyen-vien',
    'lanh-dao-phong',
    'lanh-dao-van-phong',
    'lanh-dao-co-quan',
    'van-thu',
    'to-chuc',
    'ocsp',
    'tsa',
    'signer-rsa2048',
    'signer-rsa3072',
    'signer-rsa4096',
    'signer-p256',
    'signer-p384',
    'signer-p521',
    'revoked', // revocation is not openssl verify's business without a CRL
    'wrong-key-usage',
  ];
  it.each(valid)('accepts the chain of %s', async (id) => {
    const r = await verify(id);
    expect(r.stdout + r.stderr).toContain(`${pem(id)}: OK`);
    expect(r.code).toBe(0);
  });

  it('refuses the expired and the not-yet-valid certificates', async () => {
    const expired = await verify('expired');
    expect(expired.code).not.toBe(0);
    expect(expired.stderr + expired.stdout).toMatch(/certificate has expired/);
    const early = await verify('not-yet-valid');
    expect(early.code).not.toBe(0);
    expect(early.stderr + early.stdout).toMatch(/certificate is not yet valid/);
  });

  it('refuses the look-alike: same names, different keys', async () => {
    expect(pki.get('look-alike').subject).toBe(pki.get('lanh-dao-phong').subject);
    expect(pki.get('look-alike-ca').subject).toBe(pki.get('ca').subject);
    expect(pki.get('look-alike-root').subject).toBe(pki.get('root').subject);
    const r = await verify('look-alike');
    expect(r.code).not.toBe(0);
    // and it is fine under its own (untrusted) hierarchy: the impostor is well-formed
    expect((await verify('look-alike', 'look-alike-root', 'look-alike-ca')).code).toBe(0);
  });

  it('accepts legacy SHA-1 and RSA-1024 certificates at the default security level 0', async () => {
    const r = await openssl([
      'verify',
      '-auth_level',
      '0',
      '-CAfile',
      pem('root'),
      '-untrusted',
      pem('ca'),
      pem('legacy-sha1'),
      pem('legacy-rsa1024'),
    ]);
    expect(r.code).toBe(0);
    const text = await openssl(['x509', '-in', pem('legacy-sha1'), '-noout', '-text']);
    expect(text.stdout).toContain('Signature Algorithm: sha1WithRSAEncryption');
  });
});

describe('certificate contents', () => {
  const text = async (id: string) =>
    (await openssl(['x509', '-in', pem(id), '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space']))
      .stdout;

  it('keeps Vietnamese names in UTF8String and copies the issuer name byte for byte', async () => {
    const leaf = pki.get('lanh-dao-phong').parsed;
    const ca = pki.get('ca').parsed;
    const issuerDer = toHex(new Uint8Array(leaf.issuer.toSchema().toBER(false)));
    const caSubjectDer = toHex(new Uint8Array(ca.subject.toSchema().toBER(false)));
    expect(issuerDer).toBe(caSubjectDer);
    // "Ban Cơ yếu Chính phủ" as UTF-8 inside a UTF8String (tag 0x0c)
    const utf8 = toHex(new TextEncoder().encode('Ban Cơ yếu Chính phủ'));
    expect(issuerDer).toContain(`0c${(utf8.length / 2).toString(16).padStart(2, '0')}${utf8}`);
    const t = await text('lanh-dao-phong');
    expect(t).toContain(
      'Subject: C=VN, ST=Thử Nghiệm, O=Ủy ban nhân dân tỉnh Thử Nghiệm, OU=Phòng Tổng hợp, title=Trưởng phòng, CN=Nguyễn Thị Hồng Hạnh, UID=CCCD:034190000002',
    );
    expect(t).toContain(
      'Issuer: C=VN, O=Ban Cơ yếu Chính phủ, CN=CA phục vụ các cơ quan Nhà nước thử nghiệm',
    );
  });

  it('gives the organisation an MST identifier and officials a CCCD one', async () => {
    expect(await text('to-chuc')).toContain('UID=MST:0100000001');
    expect(pki.get('to-chuc').kind).toBe('organization');
    expect(await text('van-thu')).toMatch(/UID=CCCD:\d{12}/);
  });

  it.each([
    ['signer-rsa2048', 'Public-Key: (2048 bit)'],
    ['signer-rsa3072', 'Public-Key: (3072 bit)'],
    ['signer-rsa4096', 'Public-Key: (4096 bit)'],
    ['signer-p256', 'NIST CURVE: P-256'],
    ['signer-p384', 'NIST CURVE: P-384'],
    ['signer-p521', 'NIST CURVE: P-521'],
    ['legacy-rsa1024', 'Public-Key: (1024 bit)'],
  ])('%s has %s', async (id, expected) => {
    expect(await text(id)).toContain(expected);
  });

  it('marks CAs, signers, the OCSP responder and the TSA as their profiles require', async () => {
    const root = await text('root');
    expect(root).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(root).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(await text('ca')).toMatch(/CA:TRUE, pathlen:0/);

    const signer = await text('lanh-dao-phong');
    expect(signer).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(signer).toContain('OCSP - URI:http://127.0.0.1:1/ocsp/ca');
    expect(signer).toContain('CA Issuers - URI:http://127.0.0.1:1/ca/ca.cer');
    expect(signer).toContain('URI:http://127.0.0.1:1/crl/ca.crl');

    const ocsp = await text('ocsp');
    expect(ocsp).toMatch(/Extended Key Usage: \s*OCSP Signing/);
    expect(ocsp).toContain('OCSP No Check');

    const tsa = await text('tsa');
    expect(tsa).toMatch(/Extended Key Usage: critical\s+Time Stamping\n/);

    expect(await text('wrong-key-usage')).toMatch(
      /Key Usage: critical\s+Key Encipherment, Data Encipherment/,
    );
  });

  it('dates the edge cases around the reference time', () => {
    const now = pki.now.getTime();
    expect(pki.get('expired').notAfter.getTime()).toBeLessThan(now);
    expect(pki.get('not-yet-valid').notBefore.getTime()).toBeGreaterThan(now);
    const revoked = pki.get('revoked');
    expect(revoked.revocation?.reason).toBe('keyCompromise');
    expect(revoked.revocation!.at.getTime()).toBeLessThan(now);
    expect(pki.anchors.map((a) => a.id)).toEqual(['root']);
  });

  it('verifies every certificate signature with pkijs too', async () => {
    for (const i of pki.identities) {
      const issuer = i.issuer ?? i;
      expect(
        await i.parsed.verify(issuer.parsed, new pkijs.CryptoEngine({ crypto: globalThis.crypto })),
      ).toBe(true);
    }
  });
});

describe('building part of a PKI', () => {
  it('includes the issuers, the OCSP responder and nothing else', async () => {
    const small = await createTestPki({ include: ['signer-p256'] });
    expect(small.identities.map((i) => i.id).sort()).toEqual(['ca', 'ocsp', 'root', 'signer-p256']);
    expect(small.urls).toBeUndefined();
  });

  it('rejects unknown identities with the list of known ones', async () => {
    await expect(createTestPki({ include: ['nobody'] })).rejects.toThrow(
      /Unknown identity "nobody".*lanh-dao-phong/,
    );
  });

  it('round-trips through JSON with keys, revocation state and CRL numbers', async () => {
    const small = await createTestPki({ include: ['revoked', 'tsa'], baseUrl: 'http://127.0.0.1:2' });
    await small.crl('ca');
    const again = TestPkiClass.fromJSON(JSON.parse(JSON.stringify(small.toJSON())));
    expect(again.identities.map((i) => i.id)).toEqual(small.identities.map((i) => i.id));
    expect(again.get('revoked').revocation).toEqual(small.get('revoked').revocation);
    expect(again.get('tsa').serialNumberHex).toBe(small.get('tsa').serialNumberHex);
    expect(again.crlNumbers.get('ca')).toBe(2);
    expect(again.urls?.tsa).toBe('http://127.0.0.1:2/tsa');
    // the private key still signs
    const key = await again.get('tsa').signingKey();
    const sig = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new Uint8Array([1, 2, 3]));
    expect(sig.byteLength).toBe(256);
  });
});

describe('oneSignerSpec', () => {
  it('is an EC P-256 root and one personal RSA-2048 signer under it, with the names given', async () => {
    const pki = await createTestPki({
      spec: oneSignerSpec({ root: { C: 'VN', CN: 'Gốc thử' }, signer: { C: 'VN', CN: 'Người ký thử' } }),
    });
    const root = pki.get('root');
    const signer = pki.get('signer');
    expect(root.keySpec).toBe('ec-p256');
    expect(signer.keySpec).toBe('rsa-2048');
    expect(signer.kind).toBe('personal');
    expect(signer.subject).toContain('Người ký thử');
    expect(signer.chain.at(-1)).toEqual(root.certificate);
  });

  it('adds a time-stamping unit under the same root when one is named, and none otherwise', async () => {
    const names = { root: { C: 'VN', CN: 'Gốc thử' }, signer: { C: 'VN', CN: 'Người ký thử' } };
    const withTsa = await createTestPki({
      spec: oneSignerSpec({ ...names, tsa: { C: 'VN', CN: 'Dịch vụ cấp dấu thời gian thử' } }),
    });
    const tsa = withTsa.tsa();
    expect(tsa.id).toBe('tsa');
    expect(tsa.keySpec).toBe('ec-p256');
    expect(tsa.chain.at(-1)).toEqual(withTsa.get('root').certificate);
    expect(tsa.kind).toBe('tsa');
    const without = await createTestPki({ spec: oneSignerSpec(names) });
    expect(without.identities.map((i) => i.id)).toEqual(['root', 'signer']);
  });
});
