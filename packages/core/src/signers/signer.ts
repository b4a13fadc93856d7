import type { HashAlg } from '../crypto/digest.js';

export type SigScheme = 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA';

/**
 * What a signer is asked to sign: the digest of the DER signed attributes. Tokens, HSMs and remote
 * services sign digests, and only the digest leaves the browser. `data` (the signed attributes
 * themselves) is given too whenever it is at hand, because a WebCrypto key cannot sign a digest.
 */
export interface SignRequest {
  digest: Uint8Array;
  hash: HashAlg;
  scheme: SigScheme;
  data?: Uint8Array;
}

export interface SignOptions {
  signal?: AbortSignal;
}

/** DESIGN.md's Signer: where the key lives is the implementation's business. */
export interface Signer {
  /** DER certificates, the signer's first, then the chain it knows. */
  certificates(options?: SignOptions): Promise<Uint8Array[]>;
  /** Hash and scheme pairs the key can do, preferred first. */
  algorithms(options?: SignOptions): Promise<{ hash: HashAlg; scheme: SigScheme }[]>;
  /** The CMS signature value: PKCS#1 or PSS bytes, ECDSA as DER. */
  sign(request: SignRequest, options?: SignOptions): Promise<Uint8Array>;
  /** Several signatures for one PIN or approval. */
  signMany?(requests: SignRequest[], options?: SignOptions): Promise<Uint8Array[]>;
}
