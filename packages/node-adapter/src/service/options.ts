import type { KysoError, RevocationOptions, TimestampOptions } from '@kyso/core';
import type { PadesLevel } from '@kyso/pdf';
import type { AuditSink } from '../audit/audit-event.js';
import type { OtpPolicy } from '../auth/otp.js';
import type { AccessRule, AuthorizeHook } from '../auth/principal.js';
import type { SigningCredential } from '../backends/credential.js';
import type { ConcurrencyLimit } from '../limits/concurrency.js';
import type { RateLimit } from '../limits/rate-limit.js';
import type { RevocationFetcherOptions } from '../revocation-fetcher/options.js';
import type { StateStore } from '../store/state-store.js';
import type { TsaProxyOptions } from '../tsa-proxy/options.js';

export interface SigningServiceOptions {
  /** Where the service is mounted, e.g. `/kyso`; routes live below it. */
  basePath?: string;
  /** Reported by /health. */
  version?: string;
  credentials?: readonly SigningCredential[];
  /**
   * Who is calling (the host's session, a bearer token…). Without it every route but /health and
   * /csc/v2/info answers 401: the service fails closed.
   */
  authorize?: AuthorizeHook;
  /** Which principal may use which credential. Without it no credential is usable by anyone. */
  access?: AccessRule;
  /** One-time passwords at credentials/authorize, verified by the host. */
  otp?: OtpPolicy;
  /** SADs and rate counters; in memory by default (one instance). */
  store?: StateStore;
  /** The JSON-lines audit, e.g. `jsonLinesAudit((l) => process.stdout.write(l))`; none by default. */
  audit?: AuditSink;
  /** Errors that are the service's fault (INTERNAL), with their cause; to stderr by default. */
  onError?: (error: KysoError, context: { requestId: string }) => void;
  sad?: {
    /** Lifetime of a SAD, 300 s by default. */
    ttlSeconds?: number;
    /** `'2'`: credentials/authorize must bind the SAD to the hashes. `'1'` (default): hashes or a count. */
    scal?: '1' | '2';
    /** Most signatures one authorization allows (CSC `multisign`), 100 by default. */
    multisign?: number;
  };
  limits?: {
    /** JSON request bodies, 64 KiB by default. */
    jsonBytes?: number;
    /** PDF uploads to /sign-pdf, 100 MiB by default. */
    pdfBytes?: number;
    /** Requests worked on at once and waiting; 8 and 64 by default. Beyond: 429. */
    concurrency?: ConcurrencyLimit;
    /** Per principal, in the store; none by default. */
    rate?: RateLimit;
  };
  /** What CSC `info` says of the service. */
  info?: { name?: string; description?: string; logo?: string; region?: string; lang?: string };
  /** Whole-document signing (POST /sign-pdf). */
  pdf?: {
    /** B-B by default, B-T when a TSA is set; a request may ask for another level. */
    level?: PadesLevel;
    tsa?: TimestampOptions;
    /** The pre-signing check of the signer's certificate (and LTV); online by default. */
    revocation?: RevocationOptions;
  };
  /** `POST {basePath}/tsa[/{name}]`: an RFC 3161 proxy to the TSAs named here, for browsers. */
  tsaProxy?: TsaProxyOptions;
  /**
   * `POST {basePath}/revocation`: OCSP and CRL fetched for browsers, from URLs trusted certificates
   * name or the operator allows, guarded against server-side request forgery.
   */
  revocationFetcher?: RevocationFetcherOptions;
}
