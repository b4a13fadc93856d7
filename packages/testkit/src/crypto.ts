import * as pkijs from 'pkijs';

/**
 * pkijs takes its crypto per call; we never install a global engine. One engine per Crypto object,
 * so a caller's provider (e.g. @peculiar/webcrypto, or a browser's) is used end to end.
 */
const engines = new WeakMap<Crypto, pkijs.ICryptoEngine>();

export function defaultCrypto(): Crypto {
  const c = globalThis.crypto;
  if (!c?.subtle) throw new Error('No WebCrypto available: pass a Crypto implementation in the options.');
  return c;
}

export function engineFor(crypto: Crypto = defaultCrypto()): pkijs.ICryptoEngine {
  let engine = engines.get(crypto);
  if (!engine) {
    engine = new pkijs.CryptoEngine({ name: 'kyso-testkit', crypto });
    engines.set(crypto, engine);
  }
  return engine;
}
