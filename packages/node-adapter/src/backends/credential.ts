import type { HashAlg, SignOptions, SignRequest, SigScheme } from '@kyso/core';

/** What credentials/authorize collected and a backend may need again to sign (a token's PIN). */
export interface AuthFactors {
  pin?: string;
}

/**
 * One signing key as the service offers it: the interface every backend implements (PKCS#11,
 * PKCS#12, a remote CSC service) and a vendor's own can too. The service handles authentication,
 * SADs, limits and the audit; a credential only describes its key, checks a PIN and signs digests.
 */
export interface SigningCredential {
  /** The CSC credentialID: stable, URL-safe, unique within the service. */
  readonly id: string;
  readonly description?: string;
  /**
   * `required`: credentials/authorize must be given the key's PIN, which reaches `verifyPin` and then
   * `signDigests` (kept meanwhile only encrypted under the SAD). `none`: the key is unlocked by the
   * service's own configuration; the caller's identity and the access rule are the authorization.
   */
  readonly pin: 'required' | 'none';
  /** DER, the signer's first, then the chain. */
  certificates(options?: SignOptions): Promise<Uint8Array[]>;
  /** What the key can do, preferred first. */
  algorithms(options?: SignOptions): Promise<{ hash: HashAlg; scheme: SigScheme }[]>;
  /**
   * Checks a PIN at credentials/authorize (PIN_INCORRECT, PIN_LOCKED). Absent when only signing can
   * tell, as with a remote service: a wrong PIN then shows at signHash.
   */
  verifyPin?(pin: string, options?: SignOptions): Promise<void>;
  /** Signs digests under one authorization (one PIN, one login). ECDSA values as DER. */
  signDigests(requests: SignRequest[], factors: AuthFactors, options?: SignOptions): Promise<Uint8Array[]>;
  /** Releases what the credential holds (a library, a connection). */
  close?(): Promise<void>;
}
