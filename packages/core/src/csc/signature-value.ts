import { DIGEST_LENGTH } from '../crypto/digest.js';
import { curveBytes, derToRaw, rawToDer } from '../crypto/ecdsa-encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { PublicKey } from '../crypto/public-key.js';
import type { SignatureAlgorithm } from '../crypto/signature-algorithm.js';
import { verifySignature } from '../crypto/verify.js';
import { KysoError } from '../errors/kyso-error.js';
import type { SignRequest } from '../signers/signer.js';

function refused(index: number, why: string): KysoError {
  return new KysoError('REMOTE_SIGNER_ERROR', {
    params: { detail: `signatures/signHash: signature #${index + 1} ${why}` },
  });
}

/**
 * ECDSA as DER whatever the service returned: strict DER is kept, r‖s of twice the curve size is
 * encoded (services differ, and the BSI plain OIDs mandate r‖s). Anything else is refused.
 */
function ecdsaDer(value: Uint8Array, key: PublicKey & { kind: 'EC' }, index: number): Uint8Array {
  const size = curveBytes(key.bits);
  if (derToRaw(value, size)) return value;
  if (value.length === 2 * size) return rawToDer(value);
  throw refused(index, `is ${value.length} bytes, neither DER nor r‖s for a ${key.bits}-bit curve`);
}

/** PKCS#1 wants the signature as long as the modulus; some services drop leading zero bytes. */
function rsaFullLength(value: Uint8Array, key: PublicKey & { kind: 'RSA' }): Uint8Array {
  const k = Math.ceil(key.bits / 8);
  if (value.length >= k) return value;
  const out = new Uint8Array(k);
  out.set(value, k - value.length);
  return out;
}

/**
 * Normalises a signature value from signHash and checks it against the certificate's key before it
 * reaches a CMS: a service signing with another key, over another hash or with broken padding is
 * REMOTE_SIGNER_ERROR here rather than an invalid signature in a document.
 */
export async function checkedSignatureValue(
  value: Uint8Array,
  request: SignRequest,
  key: PublicKey,
  provider: CryptoProvider,
  index: number,
): Promise<Uint8Array> {
  let signature: Uint8Array;
  let algorithm: SignatureAlgorithm;
  if (request.scheme === 'ECDSA' && key.kind === 'EC') {
    signature = ecdsaDer(value, key, index);
    algorithm = { scheme: 'ECDSA', hash: request.hash, ecdsaEncoding: 'der', name: 'ECDSA' };
  } else if (request.scheme !== 'ECDSA' && key.kind === 'RSA') {
    signature = rsaFullLength(value, key);
    algorithm =
      request.scheme === 'RSASSA-PSS'
        ? {
            scheme: 'RSASSA-PSS',
            hash: request.hash,
            pss: { hash: request.hash, mgfHash: request.hash, saltLength: DIGEST_LENGTH[request.hash] },
            name: 'RSA-PSS',
          }
        : { scheme: 'RSASSA-PKCS1-v1_5', hash: request.hash, name: 'RSA' };
  } else {
    throw new KysoError('UNSUPPORTED_ALGORITHM', {
      params: { algorithm: `${request.scheme} with a ${key.kind} key` },
    });
  }
  const ok = await verifySignature(
    { key, algorithm, hash: request.hash, signature, digest: request.digest },
    provider,
  );
  if (!ok) throw refused(index, "does not verify against the credential's certificate");
  return signature;
}
