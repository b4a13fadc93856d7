import { type HashAlg, KysoError } from '@kyso/core';
import { DIGEST_LENGTH_BY_HASH } from './hash-length.js';

// DER DigestInfo prefixes up to the digest (RFC 8017 §9.2, note 1)
const PREFIX: Record<HashAlg, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

/** DigestInfo ::= SEQUENCE { digestAlgorithm, digest OCTET STRING }: what RSASSA-PKCS1-v1_5 pads and signs. */
export function digestInfo(hash: HashAlg, digest: Uint8Array): Uint8Array {
  const prefix = Buffer.from(PREFIX[hash], 'hex');
  if (digest.length !== DIGEST_LENGTH_BY_HASH[hash])
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `a ${hash} digest is ${DIGEST_LENGTH_BY_HASH[hash]} bytes, not ${digest.length}` },
    });
  return Buffer.concat([prefix, digest]);
}
