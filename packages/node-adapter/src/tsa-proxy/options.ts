import type { TimestampOptions } from '@kyso/core';

/** The RFC 3161 proxy: browsers time-stamp through the service, which alone talks to the TSAs. */
export interface TsaProxyOptions {
  /**
   * The TSAs clients may use, by name (letters, digits, `.`, `_`, `-`): `POST {basePath}/tsa/{name}`.
   * Only these are ever contacted; credentials in `headers` stay on the server.
   */
  tsas: Readonly<Record<string, TimestampOptions>>;
  /** The TSA behind `POST {basePath}/tsa`; the first named by default. */
  default?: string;
  /** The time-stamp query, 8 KiB by default (a TimeStampReq is a few hundred bytes). */
  maxRequestBytes?: number;
  /** The TSA's reply, 1 MiB by default. */
  maxResponseBytes?: number;
  /** The whole exchange with the TSA, reply included, 10 s by default (a TSA's own `timeoutMs` wins). */
  timeoutMs?: number;
}
