import { type Asn1, Cursor, children, contentOf, der, readIntegerBytes, TAG } from '../asn1/index.js';
import { equalBytes } from '../bytes/bytes.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { type DigestAlgorithm, digestFromOid, digestOid, digestSync } from '../crypto/digest.js';
import { OID } from '../oids.js';
import type { Certificate } from '../x509/certificate.js';
import { readName, sameName } from '../x509/name.js';

/**
 * ESS signing-certificate (RFC 2634) and signing-certificate-v2 (RFC 5035): the signed attribute that
 * binds the signature to its certificate, so a certificate with the same key (or the same issuer and
 * serial) cannot be swapped in.
 *   ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }
 *   ESSCertID   ::= SEQUENCE { certHash OCTET STRING (SHA-1), issuerSerial OPTIONAL }
 *   IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
 */
export interface EssCertId {
  hash: DigestAlgorithm;
  certHash: Uint8Array;
  issuerSerial?: { issuer: Asn1; serialNumber: Uint8Array };
}

export function readSigningCertificate(value: Asn1, v2: boolean): EssCertId[] {
  const c = new Cursor(value, v2 ? 'SigningCertificateV2' : 'SigningCertificate');
  const certs = c.next(TAG.SEQUENCE);
  return children(certs).map((id) => {
    const e = new Cursor(id, 'ESSCertID');
    let hash: DigestAlgorithm = v2 ? 'SHA-256' : 'SHA-1';
    if (v2) {
      const alg = e.optional(TAG.SEQUENCE);
      if (alg) {
        const h = digestFromOid(readAlgorithmIdentifier(alg).oid);
        if (!h) throw new TypeError('ESSCertIDv2: unknown hash algorithm');
        hash = h;
      }
    }
    const certHash = contentOf(e.next(TAG.OCTET_STRING));
    const serial = e.optional(TAG.SEQUENCE);
    let issuerSerial: EssCertId['issuerSerial'];
    if (serial) {
      const s = new Cursor(serial, 'IssuerSerial');
      const issuer = s.next(TAG.SEQUENCE);
      issuerSerial = { issuer, serialNumber: readIntegerBytes(s.next(TAG.INTEGER)) };
    }
    return { hash, certHash, ...(issuerSerial ? { issuerSerial } : {}) };
  });
}

/** Whether the first ESSCertID names this certificate (hash, and issuer and serial when present). */
export function essMatches(id: EssCertId, cert: Certificate): boolean {
  if (!equalBytes(id.certHash, digestSync(id.hash, cert.der))) return false;
  if (!id.issuerSerial) return true;
  if (!equalBytes(id.issuerSerial.serialNumber, cert.serialNumber)) return false;
  // GeneralNames holding the issuer as a directoryName [4]
  return children(id.issuerSerial.issuer).some((g) => {
    if (g.cls !== 2 || g.tag !== 4) return false;
    const [inner] = children(g);
    return inner !== undefined && sameName(readName(inner), cert.issuer);
  });
}

/** signing-certificate-v2 for the certificate, with issuerSerial; SHA-256 leaves the default out (DER). */
export function buildSigningCertificateV2(cert: Certificate, hash: DigestAlgorithm = 'SHA-256'): Uint8Array {
  const issuerSerial = der.seq(der.seq(der.explicit(4, cert.issuer.der)), der.intRaw(cert.serialNumber));
  const id = der.seq(
    ...(hash === 'SHA-256' ? [] : [der.seq(der.oid(digestOid(hash)))]),
    der.octets(digestSync(hash, cert.der)),
    issuerSerial,
  );
  return der.seq(der.seq(id));
}

export const SIGNING_CERTIFICATE_OIDS = { v1: OID.signingCertificate, v2: OID.signingCertificateV2 };
