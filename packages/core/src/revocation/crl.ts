import {
  type Asn1,
  bytesOf,
  Cursor,
  decode,
  readBitString,
  readInteger,
  readIntegerBytes,
  readSmallInteger,
  readTime,
  sequence,
  TAG,
} from '../asn1/index.js';
import { type AlgorithmIdentifier, readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import { type Extension, readExtensions } from '../x509/extensions.js';
import { type Name, readName } from '../x509/name.js';
import { explicitInner } from './explicit.js';
import { crlReasonName } from './reason.js';

/** One revokedCertificates entry: SEQUENCE { userCertificate, revocationDate Time, crlEntryExtensions OPTIONAL } */
export interface CrlEntry {
  /** INTEGER content octets as written. */
  serialNumber: Uint8Array;
  revocationDate: Date;
  /** CRLReason name from the reasonCode entry extension, when present. */
  reason?: string;
  extensions: Extension[];
}

/**
 * CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm AlgorithmIdentifier,
 *   signatureValue BIT STRING }
 * TBSCertList ::= SEQUENCE { version Version OPTIONAL, signature AlgorithmIdentifier, issuer Name,
 *   thisUpdate Time, nextUpdate Time OPTIONAL, revokedCertificates SEQUENCE OF … OPTIONAL,
 *   crlExtensions [0] EXPLICIT Extensions OPTIONAL }   (RFC 5280 §5.1)
 */
export interface Crl {
  der: Uint8Array;
  /** tbsCertList exactly as encoded: what the signature covers. */
  tbs: Uint8Array;
  version: 1 | 2;
  signatureAlgorithm: AlgorithmIdentifier;
  tbsSignatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  issuer: Name;
  thisUpdate: Date;
  nextUpdate?: Date;
  entries: CrlEntry[];
  extensions: Extension[];
  crlNumber?: bigint;
  /** ExpiredCertsOnCRL (X.509 §9.3.3): revoked certificates that expired since then stay listed. */
  expiredCertsOnCrl?: Date;
}

function readEntry(node: Asn1): CrlEntry {
  const c = new Cursor(node, 'revokedCertificates entry');
  const serialNumber = readIntegerBytes(c.next(TAG.INTEGER), 'userCertificate');
  const revocationDate = readTime(c.next(), 'revocationDate');
  const exts = c.optional(TAG.SEQUENCE);
  c.end();
  const extensions = exts ? readExtensions(exts) : [];
  const reasonCode = extensions.find((e) => e.oid === OID.cRLReason);
  const reason = reasonCode
    ? crlReasonName(readSmallInteger(decode(reasonCode.value), 'CRLReason'))
    : undefined;
  return { serialNumber, revocationDate, ...(reason ? { reason } : {}), extensions };
}

function parse(der: Uint8Array): Crl {
  const outer = new Cursor(decode(der), 'CertificateList');
  const tbsNode = outer.next(TAG.SEQUENCE);
  const signatureAlgorithm = readAlgorithmIdentifier(outer.next(TAG.SEQUENCE), 'signatureAlgorithm');
  const sig = readBitString(outer.next(TAG.BIT_STRING), 'signatureValue');
  outer.end();
  if (sig.unusedBits !== 0) throw new TypeError('signatureValue has unused bits');

  const t = new Cursor(tbsNode, 'TBSCertList');
  const versionNode = t.optional(TAG.INTEGER);
  const v = versionNode ? readSmallInteger(versionNode, 'version') : 0;
  if (v !== 0 && v !== 1) throw new TypeError(`CRL version ${v + 1} is not v1 or v2`);
  const tbsSignatureAlgorithm = readAlgorithmIdentifier(t.next(TAG.SEQUENCE), 'signature');
  const issuer = readName(t.next(TAG.SEQUENCE), 'issuer');
  const thisUpdate = readTime(t.next(), 'thisUpdate');
  const nextNode = t.optional(TAG.UTC_TIME) ?? t.optional(TAG.GENERALIZED_TIME);
  const list = t.optional(TAG.SEQUENCE);
  const extNode = t.context(0);
  t.end();

  const extensions = extNode ? readExtensions(explicitInner(extNode, 'crlExtensions')) : [];
  const ext = (oid: string) => extensions.find((e) => e.oid === oid)?.value;
  const number = ext(OID.cRLNumber);
  const expired = ext(OID.expiredCertsOnCRL);
  return {
    der,
    tbs: bytesOf(tbsNode),
    version: v === 1 ? 2 : 1,
    signatureAlgorithm,
    tbsSignatureAlgorithm,
    signature: sig.bytes,
    issuer,
    thisUpdate,
    ...(nextNode ? { nextUpdate: readTime(nextNode, 'nextUpdate') } : {}),
    entries: list ? sequence(list, 'revokedCertificates').map(readEntry) : [],
    extensions,
    ...(number ? { crlNumber: readInteger(decode(number), 'CRLNumber') } : {}),
    ...(expired ? { expiredCertsOnCrl: readTime(decode(expired), 'ExpiredCertsOnCRL') } : {}),
  };
}

/** Parses a DER CRL; malformed input is INVALID_INPUT. */
export function parseCrl(der: Uint8Array): Crl {
  try {
    return parse(der);
  } catch (error) {
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `CRL: ${(error as Error).message}` },
      cause: error,
    });
  }
}
