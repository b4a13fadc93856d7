import type { CryptoProvider } from '@kyso/core';
import type { NetworkPolicyOptions } from '../net/network-policy.js';
import type { HostResolver } from '../net/resolve-host.js';

/**
 * The revocation fetcher: browsers, which cannot reach most OCSP responders and CRL servers (no CORS),
 * ask the service to fetch for them — but only URLs a trusted CA wrote into a certificate, or that the
 * operator listed, and only on addresses the network policy allows (see NetworkPolicyOptions).
 */
export interface RevocationFetcherOptions extends NetworkPolicyOptions {
  /**
   * Trust anchors (DER). A URL is fetched when a certificate the client sends names it (AIA OCSP, CRL
   * distribution points) and chains to one of these (path validation: signatures, CA constraints;
   * validity periods are not required to hold today, since old signatures need revocation data too).
   */
  anchors?: readonly Uint8Array[];
  /**
   * URLs fetched whatever certificate comes: exact, or every URL below one that ends in `/` (an origin
   * alone, `https://ca.example`, counts as `https://ca.example/`). Addresses are still checked.
   */
  allowUrls?: readonly string[];
  /** The answer, 10 MiB by default (CRLs of large CAs are big). */
  maxResponseBytes?: number;
  /** The whole fetch, redirects and body included, 15 s by default. */
  timeoutMs?: number;
  /** Redirects followed (each hop re-checked), 3 by default; 0 follows none. */
  maxRedirects?: number;
  /** Certificates a request may carry, 10 by default. */
  maxCertificates?: number;
  /** Resolves host names; node:dns `lookup` by default. */
  resolve?: HostResolver;
  /** WebCrypto for path validation; globalThis.crypto by default. */
  provider?: Partial<CryptoProvider>;
}
