import { type HashName, isRsa, type KeySpec, namedCurve, rsaBits } from './key-spec.js';

export interface KeyMaterial {
  spec: KeySpec;
  publicKey: CryptoKey;
  /** PKCS#8 DER: the key itself, independent of the WebCrypto algorithm it is imported under. */
  pkcs8: Uint8Array;
}

const F4 = new Uint8Array([1, 0, 1]);

function algorithm(spec: KeySpec, hash: HashName): RsaHashedImportParams | EcKeyImportParams {
  return isRsa(spec) ? { name: 'RSASSA-PKCS1-v1_5', hash } : { name: 'ECDSA', namedCurve: namedCurve(spec) };
}

export async function generateKey(spec: KeySpec, crypto: Crypto): Promise<KeyMaterial> {
  const params: RsaHashedKeyGenParams | EcKeyGenParams = isRsa(spec)
    ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: rsaBits(spec), publicExponent: F4, hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: namedCurve(spec) };
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { spec, publicKey: pair.publicKey, pkcs8 };
}

/**
 * Imports the private key for signing with `hash`. WebCrypto binds an RSA key to one hash at import,
 * and a signature algorithm identifier that names another hash than the one used is a forgery
 * waiting to happen, so the key is imported for the hash that will be written.
 */
export async function importSigningKey(
  pkcs8: Uint8Array,
  spec: KeySpec,
  hash: HashName,
  crypto: Crypto,
): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8.slice(), algorithm(spec, hash), true, ['sign']);
}

export async function importPublicKey(spki: Uint8Array, spec: KeySpec, crypto: Crypto): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', spki.slice(), algorithm(spec, 'SHA-256'), true, ['verify']);
}
