import { der } from '../asn1/index.js';
import { OID } from '../oids.js';
import type { Certificate } from '../x509/certificate.js';
import { type CertId, type CertIdHash, certIdFor, encodeCertId } from './cert-id.js';

export interface OcspRequestOptions {
  /** CertID hash: SHA-1 by default (RFC 5019; every responder knows it), or SHA-256. */
  hash?: CertIdHash;
  /** Send a nonce (RFC 8954), 32 random bytes by default; false for none. */
  nonce?: boolean | Uint8Array;
  /** Where the random nonce comes from (WebCrypto). */
  crypto?: Crypto;
}

export interface OcspRequest {
  der: Uint8Array;
  certId: CertId;
  /** The nonce extension's value as sent (DER of the inner OCTET STRING), to compare with the answer. */
  nonce?: Uint8Array;
}

/**
 * OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }
 * TBSRequest ::= SEQUENCE { version [0] EXPLICIT Version DEFAULT v1, requestorName [1] EXPLICIT
 *   GeneralName OPTIONAL, requestList SEQUENCE OF Request, requestExtensions [2] EXPLICIT Extensions OPTIONAL }
 * Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
 * One certificate per request, unsigned (as every public responder expects).
 */
export function buildOcspRequest(
  cert: Certificate,
  issuer: Certificate,
  options: OcspRequestOptions = {},
): OcspRequest {
  const certId = certIdFor(cert, issuer, options.hash ?? 'SHA-1');
  const requestList = der.seq(der.seq(encodeCertId(certId)));
  let nonce: Uint8Array | undefined;
  if (options.nonce !== false) {
    const raw =
      options.nonce instanceof Uint8Array
        ? options.nonce
        : (options.crypto ?? globalThis.crypto).getRandomValues(new Uint8Array(32));
    // RFC 8954: the extension value is an OCTET STRING of 1 to 32 octets.
    if (raw.length < 1 || raw.length > 32) throw new RangeError('An OCSP nonce has 1 to 32 octets');
    nonce = der.octets(raw);
  }
  const extensions = nonce
    ? [der.explicit(2, der.seq(der.seq(der.oid(OID.ocspNonce), der.octets(nonce))))]
    : [];
  return {
    der: der.seq(der.seq(requestList, ...extensions)),
    certId,
    ...(nonce ? { nonce } : {}),
  };
}
