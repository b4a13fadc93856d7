import { resolveProvider } from '../../src/crypto/provider.js';
import type { SignatureAlgorithm } from '../../src/crypto/signature-algorithm.js';
import { verifySignature } from '../../src/crypto/verify.js';
import type { SignRequest } from '../../src/signers/signer.js';
import { parseCertificate } from '../../src/x509/certificate.js';

const SALT = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 } as const;

/** core's verifySignature over the digest, with the algorithm spelled out by the test. */
export async function coreVerifies(certificate: Uint8Array, request: SignRequest, signature: Uint8Array) {
  const key = parseCertificate(certificate).publicKey;
  if (!key) throw new Error('no key');
  const algorithm: SignatureAlgorithm =
    request.scheme === 'ECDSA'
      ? { scheme: 'ECDSA', hash: request.hash, ecdsaEncoding: 'der', name: 'ECDSA' }
      : request.scheme === 'RSASSA-PSS'
        ? {
            scheme: 'RSASSA-PSS',
            hash: request.hash,
            pss: { hash: request.hash, mgfHash: request.hash, saltLength: SALT[request.hash] },
            name: 'PSS',
          }
        : { scheme: 'RSASSA-PKCS1-v1_5', hash: request.hash, name: 'RSA' };
  return verifySignature(
    { key, algorithm, hash: request.hash, signature, digest: request.digest },
    resolveProvider(),
  );
}
