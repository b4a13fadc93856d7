import type { AlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { PublicKey } from '../crypto/public-key.js';
import { signatureAlgorithm } from '../crypto/signature-algorithm.js';
import { verifySignature } from '../crypto/verify.js';
import { isKysoError } from '../errors/kyso-error.js';

/**
 * Checks a signature over bytes exactly as they were encoded (tbsResponseData, tbsCertList,
 * tbsCertificate). Undefined when it verifies, else why not, in English: revocation evidence that
 * cannot be checked is simply not usable, so nothing is thrown.
 */
export async function signatureProblem(
  data: Uint8Array,
  algorithm: AlgorithmIdentifier,
  signature: Uint8Array,
  key: PublicKey | undefined,
  provider: CryptoProvider,
): Promise<string | undefined> {
  if (!key) return 'the signer key is of a type kyso does not handle';
  const alg = signatureAlgorithm(algorithm);
  // A bare key-type identifier (rsaEncryption) names no hash: outside CMS that is not a signature algorithm.
  if (!alg?.hash && alg?.scheme !== 'Ed25519' && alg?.scheme !== 'Ed448')
    return `unsupported signature algorithm ${algorithm.oid}`;
  try {
    const ok = await verifySignature(
      // EdDSA hashes inside the scheme; the hash field is then unused.
      { key, algorithm: alg, hash: alg.hash ?? 'SHA-512', signature, data },
      provider,
    );
    return ok ? undefined : `the signature (${alg.name}) does not verify`;
  } catch (error) {
    if (isKysoError(error)) return error.message;
    throw error;
  }
}
