import { der } from '../asn1/index.js';
import { DIGEST_LENGTH, type DigestAlgorithm, digestOid } from '../crypto/digest.js';

export interface TimestampRequestOptions {
  hash: DigestAlgorithm;
  /** The digest to time-stamp (of a signature value, a document…). */
  digest: Uint8Array;
  /** A nonce to bind the answer to this request; 16 random bytes unless given (false: none). */
  nonce?: Uint8Array | false;
  /** Ask for the TSA's certificate in the token (default true: the verifier needs it). */
  certReq?: boolean;
  policy?: string;
  crypto?: Crypto;
}

/**
 * TimeStampReq ::= SEQUENCE { version INTEGER { v1(1) }, messageImprint MessageImprint,
 *   reqPolicy TSAPolicyId OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE, … }
 */
export function buildTimestampRequest(options: TimestampRequestOptions): {
  der: Uint8Array;
  nonce?: Uint8Array;
} {
  if (options.digest.length !== DIGEST_LENGTH[options.hash])
    throw new TypeError(`a ${options.hash} digest has ${DIGEST_LENGTH[options.hash]} bytes`);
  let nonce: Uint8Array | undefined;
  if (options.nonce !== false) {
    nonce = options.nonce ?? (options.crypto ?? globalThis.crypto).getRandomValues(new Uint8Array(16));
    // a positive INTEGER with no sign padding games: clear the top bit, keep the first byte non-zero
    nonce = nonce.slice();
    nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  }
  const request = der.seq(
    der.int(1),
    der.seq(der.seq(der.oid(digestOid(options.hash))), der.octets(options.digest)),
    ...(options.policy ? [der.oid(options.policy)] : []),
    ...(nonce ? [der.intRaw(nonce)] : []),
    ...(options.certReq === false ? [] : [der.bool(true)]),
  );
  return { der: request, ...(nonce ? { nonce } : {}) };
}
