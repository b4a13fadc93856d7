import { own } from '../bytes/bytes.js';
import { KysoError } from '../errors/kyso-error.js';
import { type DigestAlgorithm, digest } from './digest.js';
import { curveBytes, derToRaw } from './ecdsa-encoding.js';
import type { CryptoProvider } from './provider.js';
import type { EcCurve, PublicKey } from './public-key.js';
import { verifyPkcs1, verifyPss } from './rsa.js';
import type { SignatureAlgorithm } from './signature-algorithm.js';

export interface VerifyInput {
  key: PublicKey;
  algorithm: SignatureAlgorithm;
  /** The hash the signature applies (the algorithm's own, or the CMS digest algorithm). */
  hash: DigestAlgorithm;
  signature: Uint8Array;
  /** The signed message, when at hand (required for EdDSA). */
  data?: Uint8Array;
  /** Its digest under `hash`, when the message is too large to keep (a PDF's byte ranges). */
  digest?: Uint8Array;
}

/** Pure-JS curves load only when WebCrypto cannot do the job (their tables cost start-up time). */
async function nobleCurve(curve: EcCurve) {
  switch (curve) {
    case 'P-256':
      return (await import('@noble/curves/nist.js')).p256;
    case 'P-384':
      return (await import('@noble/curves/nist.js')).p384;
    case 'P-521':
      return (await import('@noble/curves/nist.js')).p521;
    case 'secp256k1':
      return (await import('@noble/curves/secp256k1.js')).secp256k1;
    default:
      return (await import('@noble/curves/misc.js'))[curve];
  }
}
const WEBCRYPTO_CURVES = new Set<EcCurve>(['P-256', 'P-384', 'P-521']);
const WEBCRYPTO_HASHES = new Set<DigestAlgorithm>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

function unsupported(what: string): KysoError {
  return new KysoError('UNSUPPORTED_ALGORITHM', { params: { algorithm: what } });
}

async function messageDigest(input: VerifyInput, provider: CryptoProvider): Promise<Uint8Array> {
  if (input.digest) return input.digest;
  if (!input.data) throw new TypeError('verifySignature needs data or digest');
  return digest(input.hash, input.data, provider.crypto);
}

/**
 * Verifies a signature value: false when it does not verify, a KysoError (UNSUPPORTED_ALGORITHM)
 * when the key and algorithm cannot be checked at all. WebCrypto where it applies; pure JS for SHA-3,
 * brainpool, EdDSA, precomputed digests and RSA.
 */
export async function verifySignature(input: VerifyInput, provider: CryptoProvider): Promise<boolean> {
  const { key, algorithm } = input;
  switch (algorithm.scheme) {
    case 'RSASSA-PKCS1-v1_5':
    case 'RSASSA-PSS': {
      if (key.kind !== 'RSA') return false;
      const d = await messageDigest(input, provider);
      if (algorithm.scheme === 'RSASSA-PKCS1-v1_5')
        return verifyPkcs1(key.n, key.e, input.hash, d, input.signature);
      const pss = algorithm.pss ?? { hash: input.hash, mgfHash: input.hash, saltLength: 20 };
      return verifyPss(key.n, key.e, pss, d, input.signature);
    }
    case 'ECDSA': {
      if (key.kind !== 'EC') return false;
      const size = curveBytes(key.bits);
      const raw =
        algorithm.ecdsaEncoding === 'plain'
          ? input.signature.length === size * 2
            ? input.signature
            : undefined
          : derToRaw(input.signature, size);
      if (!raw) return false;
      if (input.data && WEBCRYPTO_CURVES.has(key.curve) && WEBCRYPTO_HASHES.has(input.hash)) {
        const k = await provider.crypto.subtle.importKey(
          'spki',
          own(key.spki),
          { name: 'ECDSA', namedCurve: key.curve },
          false,
          ['verify'],
        );
        return provider.crypto.subtle.verify(
          { name: 'ECDSA', hash: input.hash },
          k,
          own(raw),
          own(input.data),
        );
      }
      const d = await messageDigest(input, provider);
      try {
        return (await nobleCurve(key.curve)).verify(raw, d, key.point, {
          prehash: false,
          lowS: false,
          format: 'compact',
        });
      } catch {
        return false;
      }
    }
    case 'Ed25519':
    case 'Ed448': {
      if (key.kind !== algorithm.scheme) return false;
      if (!input.data) throw unsupported(`${algorithm.scheme} over a precomputed digest`);
      try {
        return algorithm.scheme === 'Ed25519'
          ? (await import('@noble/curves/ed25519.js')).ed25519.verify(input.signature, input.data, key.key, {
              zip215: false,
            })
          : (await import('@noble/curves/ed448.js')).ed448.verify(input.signature, input.data, key.key, {
              zip215: false,
            });
      } catch {
        return false;
      }
    }
  }
}
