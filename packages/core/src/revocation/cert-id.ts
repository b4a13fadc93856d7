import {
  type Asn1,
  Cursor,
  children,
  decode,
  der,
  readBitString,
  readIntegerBytes,
  readOctets,
  TAG,
} from '../asn1/index.js';
import { equalBytes } from '../bytes/bytes.js';
import { hasNoParameters, readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { type DigestAlgorithm, digestFromOid, digestOid, digestSync } from '../crypto/digest.js';
import type { Certificate } from '../x509/certificate.js';
import { sameSerial } from './serial.js';

/** The hashes an OCSP CertID may be built with: SHA-1 as RFC 5019 clients do, or SHA-256. */
export type CertIdHash = 'SHA-1' | 'SHA-256';

/** Hashes accepted in a CertID read from a response (the responder may echo any of these). */
const READABLE = new Set<DigestAlgorithm>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/**
 * CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
 *   issuerKeyHash OCTET STRING, serialNumber CertificateSerialNumber }   (RFC 6960 §4.1.1)
 */
export interface CertId {
  hashOid: string;
  /** Undefined when the responder used a hash kyso does not compute (the CertID then matches nothing). */
  hash: DigestAlgorithm | undefined;
  issuerNameHash: Uint8Array;
  issuerKeyHash: Uint8Array;
  /** INTEGER content octets as written. */
  serialNumber: Uint8Array;
}

/** The subjectPublicKey bits of a certificate (without tag, length and unused-bits octet). */
export function subjectPublicKeyBits(cert: Certificate): Uint8Array {
  const [, key] = children(decode(cert.spki));
  if (!key) throw new TypeError('SubjectPublicKeyInfo without a key');
  return readBitString(key, 'subjectPublicKey').bytes;
}

/** The CertID naming `cert`, issued by `issuer`, under `hash`. */
export function certIdFor(cert: Certificate, issuer: Certificate, hash: CertIdHash = 'SHA-1'): CertId {
  return {
    hashOid: digestOid(hash),
    hash,
    // The issuer's DN as the certificate carries it, hashed as written.
    issuerNameHash: digestSync(hash, cert.issuer.der),
    issuerKeyHash: digestSync(hash, subjectPublicKeyBits(issuer)),
    serialNumber: cert.serialNumber,
  };
}

export function encodeCertId(id: CertId): Uint8Array {
  return der.seq(
    // NULL parameters, as OpenSSL and RFC 5019 clients write them.
    der.seq(der.oid(id.hashOid), der.nul()),
    der.octets(id.issuerNameHash),
    der.octets(id.issuerKeyHash),
    der.intRaw(id.serialNumber),
  );
}

export function readCertId(node: Asn1): CertId {
  const c = new Cursor(node, 'CertID');
  const alg = readAlgorithmIdentifier(c.next(TAG.SEQUENCE), 'CertID hashAlgorithm');
  const issuerNameHash = readOctets(c.next(TAG.OCTET_STRING), 'issuerNameHash');
  const issuerKeyHash = readOctets(c.next(TAG.OCTET_STRING), 'issuerKeyHash');
  const serialNumber = readIntegerBytes(c.next(TAG.INTEGER), 'CertID serialNumber');
  c.end();
  const hash = digestFromOid(alg.oid);
  return {
    hashOid: alg.oid,
    hash: hash && READABLE.has(hash) && hasNoParameters(alg) ? hash : undefined,
    issuerNameHash,
    issuerKeyHash,
    serialNumber,
  };
}

/**
 * Does the CertID name `cert` as issued by `issuer`? Recomputed with the CertID's own hash: name
 * hash, key hash (so a same-named impostor CA does not match) and serial.
 */
export function certIdMatches(id: CertId, cert: Certificate, issuer: Certificate): boolean {
  if (!id.hash || !sameSerial(id.serialNumber, cert.serialNumber)) return false;
  return (
    equalBytes(id.issuerNameHash, digestSync(id.hash, cert.issuer.der)) &&
    equalBytes(id.issuerKeyHash, digestSync(id.hash, subjectPublicKeyBits(issuer)))
  );
}
