import {
  type Asn1,
  bytesOf,
  Cursor,
  decode,
  isContext,
  readBitString,
  readOctets,
  readOid,
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
import { type CertId, readCertId } from './cert-id.js';
import { explicitInner } from './explicit.js';
import { crlReasonName } from './reason.js';

/** OCSPResponseStatus (RFC 6960 §4.2.1); 4 is unused. */
export type OcspResponseStatus =
  | 'successful'
  | 'malformedRequest'
  | 'internalError'
  | 'tryLater'
  | 'sigRequired'
  | 'unauthorized';

const STATUSES: Readonly<Record<number, OcspResponseStatus>> = {
  0: 'successful',
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
};

/**
 * SingleResponse ::= SEQUENCE { certID CertID, certStatus CertStatus, thisUpdate GeneralizedTime,
 *   nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL, singleExtensions [1] EXPLICIT Extensions OPTIONAL }
 * CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT UnknownInfo }
 * RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
 */
export interface OcspSingleResponse {
  certId: CertId;
  status: 'good' | 'revoked' | 'unknown';
  revocationTime?: Date;
  /** CRLReason name, when given. */
  reason?: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  extensions: Extension[];
}

/** ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }: KeyHash is SHA-1 of the key bits. */
export type ResponderId = { byName: Name } | { byKey: Uint8Array };

/**
 * BasicOCSPResponse ::= SEQUENCE { tbsResponseData ResponseData, signatureAlgorithm AlgorithmIdentifier,
 *   signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
 * ResponseData ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, responderID ResponderID,
 *   producedAt GeneralizedTime, responses SEQUENCE OF SingleResponse,
 *   responseExtensions [1] EXPLICIT Extensions OPTIONAL }
 */
export interface BasicOcspResponse {
  /** The BasicOCSPResponse DER. */
  der: Uint8Array;
  /** tbsResponseData exactly as encoded: what the signature covers. */
  tbs: Uint8Array;
  responderId: ResponderId;
  producedAt: Date;
  responses: OcspSingleResponse[];
  extensions: Extension[];
  /** The nonce extension's value (DER of its inner OCTET STRING), if any. */
  nonce?: Uint8Array;
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  /** Certificates the responder sent (DER), to find a delegated responder among. */
  certificates: Uint8Array[];
}

/** OCSPResponse ::= SEQUENCE { responseStatus OCSPResponseStatus, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL } */
export interface OcspResponse {
  /** The input as given (an OCSPResponse, or a bare BasicOCSPResponse as some CMS carry). */
  der: Uint8Array;
  status: OcspResponseStatus | `status(${number})`;
  /** Present when the status is successful. */
  basic?: BasicOcspResponse;
}

function readSingle(node: Asn1): OcspSingleResponse {
  const c = new Cursor(node, 'SingleResponse');
  const certId = readCertId(c.next(TAG.SEQUENCE));
  const choice = c.next();
  let single: Pick<OcspSingleResponse, 'status' | 'revocationTime' | 'reason'>;
  if (isContext(choice, 0) && !choice.constructed && choice.contentEnd === choice.contentStart) {
    single = { status: 'good' };
  } else if (isContext(choice, 1) && choice.constructed) {
    const r = new Cursor({ ...choice, cls: 0, tag: TAG.SEQUENCE }, 'RevokedInfo');
    const revocationTime = readTime(r.next(TAG.GENERALIZED_TIME), 'revocationTime');
    const reasonNode = r.context(0);
    r.end();
    const reason = reasonNode
      ? crlReasonName(readSmallInteger(explicitInner(reasonNode, 'revocationReason'), 'CRLReason'))
      : undefined;
    single = { status: 'revoked', revocationTime, ...(reason ? { reason } : {}) };
  } else if (isContext(choice, 2) && !choice.constructed) {
    single = { status: 'unknown' };
  } else {
    throw new TypeError('CertStatus is not good [0], revoked [1] or unknown [2]');
  }
  const thisUpdate = readTime(c.next(TAG.GENERALIZED_TIME), 'thisUpdate');
  const next = c.context(0);
  const exts = c.context(1);
  c.end();
  return {
    certId,
    ...single,
    thisUpdate,
    ...(next ? { nextUpdate: readTime(explicitInner(next, 'nextUpdate'), 'nextUpdate') } : {}),
    extensions: exts ? readExtensions(explicitInner(exts, 'singleExtensions')) : [],
  };
}

function readResponderId(node: Asn1): ResponderId {
  if (isContext(node, 1)) return { byName: readName(explicitInner(node, 'byName'), 'responderID') };
  if (isContext(node, 2)) return { byKey: readOctets(explicitInner(node, 'byKey'), 'KeyHash') };
  throw new TypeError('ResponderID is neither byName [1] nor byKey [2]');
}

function readBasic(node: Asn1): BasicOcspResponse {
  const outer = new Cursor(node, 'BasicOCSPResponse');
  const tbsNode = outer.next(TAG.SEQUENCE);
  const signatureAlgorithm = readAlgorithmIdentifier(outer.next(TAG.SEQUENCE), 'signatureAlgorithm');
  const sig = readBitString(outer.next(TAG.BIT_STRING), 'signature');
  const certsNode = outer.context(0);
  outer.end();
  if (sig.unusedBits !== 0) throw new TypeError('signature has unused bits');

  const t = new Cursor(tbsNode, 'ResponseData');
  const version = t.context(0);
  if (version && readSmallInteger(explicitInner(version, 'version'), 'version') !== 0)
    throw new TypeError('ResponseData version is not v1');
  const responderId = readResponderId(t.next());
  const producedAt = readTime(t.next(TAG.GENERALIZED_TIME), 'producedAt');
  const responses = sequence(t.next(TAG.SEQUENCE), 'responses').map(readSingle);
  const exts = t.context(1);
  t.end();
  const extensions = exts ? readExtensions(explicitInner(exts, 'responseExtensions')) : [];
  const nonce = extensions.find((e) => e.oid === OID.ocspNonce)?.value;
  return {
    der: bytesOf(node),
    tbs: bytesOf(tbsNode),
    responderId,
    producedAt,
    responses,
    extensions,
    ...(nonce ? { nonce } : {}),
    signatureAlgorithm,
    signature: sig.bytes,
    certificates: certsNode ? sequence(explicitInner(certsNode, 'certs'), 'certs').map(bytesOf) : [],
  };
}

function parse(der: Uint8Array): OcspResponse {
  const node = decode(der);
  const c = new Cursor(node, 'OCSPResponse');
  const first = c.next();
  // A bare BasicOCSPResponse starts with tbsResponseData (a SEQUENCE), an OCSPResponse with its status.
  if (first.cls === 0 && first.tag === TAG.SEQUENCE)
    return { der, status: 'successful', basic: readBasic(node) };
  if (first.cls !== 0 || first.tag !== TAG.ENUMERATED)
    throw new TypeError('responseStatus is not ENUMERATED');
  const code = readSmallInteger(first, 'responseStatus');
  const bytesNode = c.context(0);
  c.end();
  const status = STATUSES[code] ?? (`status(${code})` as const);
  if (status !== 'successful') return { der, status };
  if (!bytesNode) throw new TypeError('a successful OCSPResponse without responseBytes');
  // ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }
  const rb = new Cursor(explicitInner(bytesNode, 'responseBytes'), 'ResponseBytes');
  const type = readOid(rb.next(TAG.OID), 'responseType');
  const inner = readOctets(rb.next(TAG.OCTET_STRING), 'response');
  rb.end();
  if (type !== OID.ocspBasic) throw new TypeError(`responseType ${type} is not id-pkix-ocsp-basic`);
  return { der, status, basic: readBasic(decode(inner)) };
}

/** Parses an OCSPResponse or a bare BasicOCSPResponse; malformed input is INVALID_INPUT. */
export function parseOcspResponse(der: Uint8Array): OcspResponse {
  try {
    return parse(der);
  } catch (error) {
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `OCSP response: ${(error as Error).message}` },
      cause: error,
    });
  }
}
