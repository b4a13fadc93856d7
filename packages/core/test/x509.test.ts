import { createTestPki, type TestPki } from '@kyso/testkit';
import { openssl } from '@kyso/testkit/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../src/asn1/index.js';
import { equalBytes, toHex } from '../src/bytes/bytes.js';
import { resolveProvider } from '../src/crypto/provider.js';
import { signatureAlgorithm } from '../src/crypto/signature-algorithm.js';
import { verifySignature } from '../src/crypto/verify.js';
import { certificateSha256, parseCertificate } from '../src/x509/certificate.js';
import { commonName, formatName, identifiers } from '../src/x509/name.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki({ baseUrl: 'http://127.0.0.1:1' });
});

describe('certificates', () => {
  it('read as openssl reads them', async () => {
    for (const id of ['lanh-dao-phong', 'to-chuc', 'ocsp', 'tsa', 'signer-p384', 'legacy-sha1', 'root']) {
      const identity = pki.get(id);
      const cert = parseCertificate(identity.certificate);
      const text = (
        await openssl(['x509', '-noout', '-serial', '-dates', '-fingerprint', '-sha256'], {
          input: identity.certificatePem,
        })
      ).stdout;
      expect(text).toContain(`serial=${cert.serialHex}`);
      expect(text).toContain(`Fingerprint=${certificateSha256(cert).replace(/(..)(?!$)/g, '$1:')}`);
      expect(cert.notBefore).toEqual(identity.notBefore);
      expect(cert.notAfter).toEqual(identity.notAfter);
      expect(cert.version).toBe(3);
      expect(equalBytes(cert.tbs, new Uint8Array(identity.parsed.tbsView))).toBe(true);
    }
  });

  it('keeps names as UTF-8 RFC 4514 strings with Vietnamese identifiers', () => {
    const cert = parseCertificate(pki.get('lanh-dao-phong').certificate);
    expect(formatName(cert.subject)).toBe(pki.get('lanh-dao-phong').subject);
    expect(formatName(cert.issuer)).toBe(
      'CN=CA phục vụ các cơ quan Nhà nước thử nghiệm,O=Ban Cơ yếu Chính phủ,C=VN',
    );
    expect(commonName(cert.subject)).toBe('Nguyễn Thị Hồng Hạnh');
    expect(identifiers(cert.subject)).toEqual({ CCCD: '034190000002' });
    expect(identifiers(parseCertificate(pki.get('to-chuc').certificate).subject)).toEqual({
      MST: '0100000001',
    });
    // the issuer bytes are the CA's subject bytes
    expect(toHex(cert.issuer.der)).toBe(toHex(parseCertificate(pki.get('ca').certificate).subject.der));
  });

  it('reads extensions', () => {
    const signer = parseCertificate(pki.get('lanh-dao-phong').certificate);
    expect([...(signer.keyUsage ?? [])].sort()).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(signer.basicConstraints).toEqual({ ca: false });
    expect(signer.ocspUrls).toEqual(['http://127.0.0.1:1/ocsp/ca']);
    expect(signer.caIssuerUrls).toEqual(['http://127.0.0.1:1/ca/ca.cer']);
    expect(signer.crlUrls).toEqual(['http://127.0.0.1:1/crl/ca.crl']);
    const ca = parseCertificate(pki.get('ca').certificate);
    expect(ca.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(toHex(signer.authorityKeyId!)).toBe(toHex(ca.subjectKeyId!));
    const ocsp = parseCertificate(pki.get('ocsp').certificate);
    expect(ocsp.ocspNoCheck).toBe(true);
    expect(ocsp.extKeyUsage).toEqual(['1.3.6.1.5.5.7.3.9']);
    const tsa = parseCertificate(pki.get('tsa').certificate);
    expect(tsa.extensions.find((e) => e.oid === '2.5.29.37')?.critical).toBe(true);
    expect(parseCertificate(pki.get('root').certificate).selfIssued).toBe(true);
  });

  it('verifies every certificate signature: RSA 1024–4096, ECDSA P-256–P-521, SHA-1', async () => {
    const provider = resolveProvider();
    for (const identity of pki.identities) {
      const cert = parseCertificate(identity.certificate);
      const issuer = parseCertificate((identity.issuer ?? identity).certificate);
      const alg = signatureAlgorithm(cert.signatureAlgorithm)!;
      const input = {
        key: issuer.publicKey!,
        algorithm: alg,
        hash: alg.hash!,
        signature: cert.signature,
        data: cert.tbs,
      };
      expect(await verifySignature(input, provider), identity.id).toBe(true);
      const tampered = cert.tbs.slice();
      tampered[tampered.length - 5]! ^= 1;
      expect(await verifySignature({ ...input, data: tampered }, provider), `${identity.id} tampered`).toBe(
        false,
      );
    }
  });

  it('refuses garbage as INVALID_INPUT', () => {
    expect(() => parseCertificate(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow(/certificate/);
    expect(() => decode(new Uint8Array([]))).toThrow();
  });
});
