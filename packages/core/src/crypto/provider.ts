import type { HasherFactory } from './digest.js';
import { webCryptoHasher } from './webcrypto-hasher.js';

/**
 * What differs between runtimes, injected per call (never a global engine): WebCrypto, and an
 * incremental hasher (Node passes one built on createHash; browsers default to WebCrypto's native
 * digest over held input, pure JS past its limit).
 */
export interface CryptoProvider {
  crypto: Crypto;
  hasher: HasherFactory;
}

export function resolveProvider(provider?: Partial<CryptoProvider>): CryptoProvider {
  const crypto = provider?.crypto ?? globalThis.crypto;
  if (!crypto?.subtle) throw new TypeError('No WebCrypto available: pass { crypto } in the options');
  return { crypto, hasher: provider?.hasher ?? webCryptoHasher(crypto) };
}
