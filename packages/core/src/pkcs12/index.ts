/** PKCS#12 (.p12, .pfx) and encrypted PKCS#8 reading. */
export type { BagAttributes } from './attributes.js';
export { type Pkcs12Options, readPkcs12, readPkcs12Bags } from './pfx.js';
export { decryptPrivateKey } from './private-key.js';
export { type PrivateKeyInfo, readPrivateKeyInfo } from './private-key-info.js';
export type { Pkcs12Bags } from './safe-contents.js';
export type { Pkcs12Contents } from './select.js';
