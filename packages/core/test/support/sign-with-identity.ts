import type { TestIdentity } from '@kyso/testkit';
import { ecdsaRawToDer, type HashAlg, type SigScheme } from '../../src/index.js';

/**
 * Signs DER signed attributes with a testkit identity's key through WebCrypto, as an external signer
 * would between prepare and finish (returns ECDSA as r‖s when asked, as tokens do).
 */
export async function signWithIdentity(
  identity: TestIdentity,
  data: Uint8Array,
  hash: HashAlg,
  scheme: SigScheme,
  ecdsaRaw = false,
): Promise<Uint8Array> {
  const pkcs8 = new Uint8Array(identity.pkcs8);
  if (scheme === 'ECDSA') {
    const curve = { 'ec-p256': 'P-256', 'ec-p384': 'P-384', 'ec-p521': 'P-521' }[
      identity.keySpec as 'ec-p256'
    ];
    const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: curve }, false, [
      'sign',
    ]);
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash }, key, new Uint8Array(data)));
    return ecdsaRaw ? raw : ecdsaRawToDer(raw);
  }
  const name = scheme === 'RSASSA-PSS' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name, hash }, false, ['sign']);
  const saltLength = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[hash];
  return new Uint8Array(await crypto.subtle.sign({ name, saltLength }, key, new Uint8Array(data)));
}
