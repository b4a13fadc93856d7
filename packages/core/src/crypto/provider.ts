import { type HasherFactory, nobleHasher } from './digest.js';

/**
 * What differs between runtimes, injected per call (never a global engine): WebCrypto, and an
 * incremental hasher (Node passes one built on createHash; browsers use the pure-JS default).
 */
export interface CryptoProvider {
  crypto: Crypto;
  hasher: HasherFactory;
}

export function resolveProvider(provider?: Partial<CryptoProvider>): CryptoProvider {
  const crypto = provider?.crypto ?? globalThis.crypto;
  if (!crypto?.subtle) throw new TypeError('No WebCrypto available: pass { crypto } in the options');
  return { crypto, hasher: provider?.hasher ?? nobleHasher };
}
