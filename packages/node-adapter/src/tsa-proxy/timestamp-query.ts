import { asn1, digestFromOid, KysoError } from '@kyso/core';

const { Cursor, TAG } = asn1;

function invalid(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail: `time-stamp query: ${detail}` } });
}

/**
 * Checks that a body is a DER TimeStampReq before it goes to a TSA, so the proxy carries time-stamp
 * queries and nothing else (no arbitrary payload reaches a TSA, or its credentials, through kyso):
 *
 * TimeStampReq ::= SEQUENCE { version INTEGER { v1(1) }, messageImprint MessageImprint,
 *   reqPolicy TSAPolicyId OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE,
 *   extensions [0] IMPLICIT Extensions OPTIONAL }
 * MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
 *
 * Returns the imprint's digest algorithm (for the audit line).
 */
export function checkTimestampQuery(bytes: Uint8Array): string {
  try {
    const root = asn1.decode(bytes);
    const violation = asn1.derViolation(root);
    if (violation) throw invalid(`not DER (${violation})`);
    const c = new Cursor(root, 'TimeStampReq');
    if (asn1.readSmallInteger(c.next(TAG.INTEGER), 'version') !== 1) throw invalid('version is not 1');
    const imprint = new Cursor(c.next(TAG.SEQUENCE), 'MessageImprint');
    const algorithm = new Cursor(imprint.next(TAG.SEQUENCE), 'hashAlgorithm');
    const hash = digestFromOid(asn1.readOid(algorithm.next(TAG.OID)));
    if (!algorithm.done) algorithm.next(TAG.NULL);
    algorithm.end();
    const digest = asn1.readOctets(imprint.next(TAG.OCTET_STRING), 'hashedMessage');
    imprint.end();
    if (!hash) throw invalid('the imprint uses an unknown digest algorithm');
    if (digest.length < 20 || digest.length > 64) throw invalid(`a ${digest.length}-byte digest`);
    c.optional(TAG.OID);
    c.optional(TAG.INTEGER);
    c.optional(TAG.BOOLEAN);
    c.context(0);
    c.end();
    return hash;
  } catch (error) {
    if (error instanceof KysoError) throw error;
    throw invalid(error instanceof Error ? error.message : String(error));
  }
}
