import type {
  CryptoProvider,
  Lang,
  RevocationMode,
  RevocationTransport,
  WeakAlgorithmPolicy,
} from '@kyso/core';
import type { PdfRecipient } from '../encryption/options.js';

export interface VerifyPdfOptions {
  /** Trust anchors (DER); known intermediates help build paths when a signature omits them. */
  anchors?: readonly Uint8Array[];
  intermediates?: readonly Uint8Array[];
  /** Reported in the policy (e.g. `vn-gov`). */
  trustProfile?: string;
  /** online (default: embedded evidence first, then the network), embedded, or off. */
  revocation?: RevocationMode;
  /** The injected fetch for online revocation (globalThis.fetch by default). */
  fetch?: typeof globalThis.fetch;
  /**
   * How online OCSP requests and CRL downloads travel over `fetch`: straight to the responders by
   * default; core's `revocationService(url)` goes through kyso's signing service (browsers).
   */
  revocationTransport?: RevocationTransport;
  /** The time the verdict holds at; now by default. */
  validationTime?: Date;
  weakAlgorithms?: WeakAlgorithmPolicy;
  lang?: Lang;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
  /** generator.version in the report. */
  version?: string;
  /**
   * Opens an encrypted PDF (user or owner password); without it the empty password is tried. A
   * password or recipient that does not open the file throws BAD_PASSWORD / NOT_A_RECIPIENT.
   */
  password?: string;
  /** Opens a public-key encrypted PDF. */
  recipient?: PdfRecipient;
}
