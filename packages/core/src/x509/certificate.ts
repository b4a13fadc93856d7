import {
  type Asn1,
  bytesOf,
  Cursor,
  decode,
  readBitString,
  readIntegerBytes,
  readSmallInteger,
  readTime,
  TAG,
} from '../asn1/index.js';
import { equalBytes, toHex } from '../bytes/bytes.js';
import { type AlgorithmIdentifier, readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { digestSync } from '../crypto/digest.js';
import { type PublicKey, readPublicKey } from '../crypto/public-key.js';
import { KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import {
  type Extension,
  type KeyUsage,
  parseAuthorityInfoAccess,
  parseAuthorityKeyIdentifier,
  parseBasicConstraints,
  parseCrlDistributionPoints,
  parseExtKeyUsage,
  parseKeyUsage,
  parseSubjectKeyIdentifier,
  readExtensions,
} from './extensions.js';
import { formatName, type Name, readName } from './name.js';

/** An X.509 certificate (RFC 5280) as kyso needs it, with the bytes that were signed. */
export interface Certificate {
  der: Uint8Array;
  /** tbsCertificate exactly as encoded: what the issuer's signature covers. */
  tbs: Uint8Array;
  version: number;
  /** INTEGER content octets as written (compared as bytes, never re-encoded). */
  serialNumber: Uint8Array;
  /** Uppercase hex without a sign-padding zero, as reports show it. */
  serialHex: string;
  signatureAlgorithm: AlgorithmIdentifier;
  /** The algorithm inside tbsCertificate (RFC 5280 §4.1.1.2: must equal the outer one). */
  tbsSignatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  issuer: Name;
  subject: Name;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  /** Undefined for key types kyso does not handle. */
  publicKey: PublicKey | undefined;
  extensions: Extension[];
  basicConstraints?: { ca: boolean; pathLength?: number };
  keyUsage?: Set<KeyUsage>;
  extKeyUsage?: string[];
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
  ocspUrls: string[];
  caIssuerUrls: string[];
  crlUrls: string[];
  ocspNoCheck: boolean;
  selfIssued: boolean;
}

/** Extensions kyso understands; any other critical extension makes a path invalid (RFC 5280 §4.2). */
export const PROCESSED_EXTENSIONS = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.authorityInfoAccess,
  OID.crlDistributionPoints,
  OID.certificatePolicies,
  OID.subjectAltName,
  OID.ocspNoCheck,
  OID.qcStatements,
]);

function serialHex(serial: Uint8Array): string {
  const s = serial[0] === 0 && serial.length > 1 ? serial.subarray(1) : serial;
  return toHex(s).toUpperCase();
}

function parse(der: Uint8Array, node: Asn1): Certificate {
  const outer = new Cursor(node, 'Certificate');
  const tbsNode = outer.next(TAG.SEQUENCE);
  const signatureAlgorithm = readAlgorithmIdentifier(outer.next(TAG.SEQUENCE), 'signatureAlgorithm');
  const sig = readBitString(outer.next(TAG.BIT_STRING), 'signatureValue');
  outer.end();
  if (sig.unusedBits !== 0) throw new TypeError('signatureValue has unused bits');

  const t = new Cursor(tbsNode, 'TBSCertificate');
  const versionNode = t.context(0);
  const version = versionNode
    ? readSmallInteger(
        decode(versionNode.source.subarray(versionNode.contentStart, versionNode.contentEnd)),
        'version',
      ) + 1
    : 1;
  const serialNumber = readIntegerBytes(t.next(TAG.INTEGER), 'serialNumber');
  const tbsSignatureAlgorithm = readAlgorithmIdentifier(t.next(TAG.SEQUENCE), 'signature');
  const issuer = readName(t.next(TAG.SEQUENCE), 'issuer');
  const validity = new Cursor(t.next(TAG.SEQUENCE), 'Validity');
  const notBefore = readTime(validity.next(), 'notBefore');
  const notAfter = readTime(validity.next(), 'notAfter');
  validity.end();
  const subject = readName(t.next(TAG.SEQUENCE), 'subject');
  const spkiNode = t.next(TAG.SEQUENCE);
  t.context(1); // issuerUniqueID
  t.context(2); // subjectUniqueID
  const extNode = t.context(3);
  t.end();

  const extensions = extNode
    ? readExtensions(decode(extNode.source.subarray(extNode.contentStart, extNode.contentEnd)))
    : [];
  const seen = new Set<string>();
  for (const e of extensions) {
    if (seen.has(e.oid)) throw new TypeError(`extension ${e.oid} appears twice`);
    seen.add(e.oid);
  }
  const ext = (oid: string) => extensions.find((e) => e.oid === oid)?.value;
  const bc = ext(OID.basicConstraints);
  const ku = ext(OID.keyUsage);
  const eku = ext(OID.extKeyUsage);
  const ski = ext(OID.subjectKeyIdentifier);
  const akiValue = ext(OID.authorityKeyIdentifier);
  const aki = akiValue ? parseAuthorityKeyIdentifier(akiValue) : undefined;
  const aia = ext(OID.authorityInfoAccess);
  const access = aia ? parseAuthorityInfoAccess(aia) : { ocsp: [], caIssuers: [] };
  const cdp = ext(OID.crlDistributionPoints);

  return {
    der,
    tbs: bytesOf(tbsNode),
    version,
    serialNumber,
    serialHex: serialHex(serialNumber),
    signatureAlgorithm,
    tbsSignatureAlgorithm,
    signature: sig.bytes,
    issuer,
    subject,
    notBefore,
    notAfter,
    spki: bytesOf(spkiNode),
    publicKey: readPublicKey(spkiNode),
    extensions,
    ...(bc ? { basicConstraints: parseBasicConstraints(bc) } : {}),
    ...(ku ? { keyUsage: parseKeyUsage(ku) } : {}),
    ...(eku ? { extKeyUsage: parseExtKeyUsage(eku) } : {}),
    ...(ski ? { subjectKeyId: parseSubjectKeyIdentifier(ski) } : {}),
    ...(aki ? { authorityKeyId: aki } : {}),
    ocspUrls: access.ocsp,
    caIssuerUrls: access.caIssuers,
    crlUrls: cdp ? parseCrlDistributionPoints(cdp) : [],
    ocspNoCheck: seen.has(OID.ocspNoCheck),
    selfIssued: equalBytes(issuer.der, subject.der),
  };
}

const cache = new WeakMap<Uint8Array, Certificate>();

/** Parses a DER certificate; malformed input is INVALID_INPUT. */
export function parseCertificate(der: Uint8Array): Certificate {
  const cached = cache.get(der);
  if (cached) return cached;
  try {
    const cert = parse(der, decode(der));
    cache.set(der, cert);
    return cert;
  } catch (error) {
    if (error instanceof KysoError) throw error;
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `certificate: ${(error as Error).message}` },
      cause: error,
    });
  }
}

/** SHA-256 of the DER, uppercase hex (how trust anchors are pinned and reported). */
export function certificateSha256(cert: Certificate | Uint8Array): string {
  return toHex(digestSync('SHA-256', cert instanceof Uint8Array ? cert : cert.der)).toUpperCase();
}

export function describeCertificate(cert: Certificate): string {
  return `${formatName(cert.subject)} (serial ${cert.serialHex})`;
}
