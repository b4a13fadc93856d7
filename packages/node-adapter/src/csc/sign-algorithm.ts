import { asn1, type HashAlg, KysoError, type SigScheme, signatureAlgorithm } from '@kyso/core';
import { DIGEST_LENGTH_BY_HASH } from '../keys/hash-length.js';
import { hashOfOid } from './authorize.js';
import { decodeBase64, invalidParameter } from './params.js';

export interface ResolvedSignAlgorithm {
  hash: HashAlg;
  scheme: SigScheme;
  /** BSI plain ECDSA OIDs want r‖s rather than DER. */
  ecdsaPlain: boolean;
}

/**
 * What `signAlgo` (+ `hashAlgorithmOID`, `signAlgoParams`) asks for, resolved with core's table of
 * signature algorithms. A signAlgo naming a hash must agree with hashAlgorithmOID when both are given;
 * PSS must use MGF1 with the same hash and a salt as long as the hash (what kyso and CMS verifiers use).
 */
export function resolveSignAlgorithm(
  signAlgo: string,
  hashAlgorithmOid: string | undefined,
  signAlgoParams: string | undefined,
): ResolvedSignAlgorithm {
  let parameters: ReturnType<typeof asn1.decode> | undefined;
  if (signAlgoParams !== undefined) {
    try {
      parameters = asn1.decode(decodeBase64(signAlgoParams, 'signAlgoParams'));
    } catch (error) {
      if (error instanceof KysoError) throw error;
      throw invalidParameter('Invalid parameter signAlgoParams');
    }
  }
  let resolved: ReturnType<typeof signatureAlgorithm>;
  try {
    resolved = signatureAlgorithm({
      oid: signAlgo,
      ...(parameters ? { parameters } : {}),
      der: new Uint8Array(),
    });
  } catch {
    resolved = undefined;
  }
  if (
    !resolved ||
    (resolved.scheme !== 'RSASSA-PKCS1-v1_5' &&
      resolved.scheme !== 'RSASSA-PSS' &&
      resolved.scheme !== 'ECDSA')
  )
    throw invalidParameter('Invalid parameter signAlgo');
  const named = resolved.hash;
  const given = hashAlgorithmOid === undefined ? undefined : hashOfOid(hashAlgorithmOid);
  if (named !== undefined && given !== undefined && named !== given)
    throw invalidParameter('String parameter hashAlgorithmOID contradicts with signAlgo parameter');
  const hash = named ?? given;
  if (hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512')
    throw invalidParameter(
      named === undefined
        ? 'Missing (or invalid type) string parameter hashAlgorithmOID'
        : 'Invalid parameter signAlgo',
    );
  if (resolved.scheme === 'RSASSA-PSS') {
    const pss = resolved.pss;
    if (!pss || pss.mgfHash !== hash || pss.saltLength !== DIGEST_LENGTH_BY_HASH[hash])
      throw new KysoError('UNSUPPORTED_ALGORITHM', {
        params: { algorithm: 'RSASSA-PSS other than MGF1 with the same hash and a salt of the hash length' },
      });
  }
  return { hash, scheme: resolved.scheme, ecdsaPlain: resolved.ecdsaEncoding === 'plain' };
}
