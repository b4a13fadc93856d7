import type { DigestAlgorithm } from '../crypto/digest.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { KysoError } from '../errors/kyso-error.js';
import { fetchBinary } from '../net/fetch.js';
import { buildTimestampRequest } from './request.js';
import { parseTimestampResponse } from './response.js';
import { checkTimestampToken, type TimestampCheck } from './token.js';

export interface TimestampClientOptions {
  url: string;
  /** The injected fetch (browsers may route through the node-adapter's TSA proxy). */
  fetch?: typeof globalThis.fetch;
  /** Extra request headers (e.g. TSA credentials). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  signal?: AbortSignal;
  provider: CryptoProvider;
}

export interface Timestamp {
  /** The token: a CMS ContentInfo, ready for a signature-time-stamp attribute or a document time-stamp. */
  token: Uint8Array;
  check: TimestampCheck;
}

/**
 * Asks a TSA to time-stamp a digest (RFC 3161 over HTTP): a nonce and certReq are sent, and the answer
 * is refused unless granted, signed correctly, of this imprint and with this nonce.
 */
export async function requestTimestamp(
  hash: DigestAlgorithm,
  messageDigest: Uint8Array,
  options: TimestampClientOptions,
): Promise<Timestamp> {
  const request = buildTimestampRequest({ hash, digest: messageDigest, crypto: options.provider.crypto });
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (!fetchFn)
    throw new KysoError('NETWORK_ERROR', { params: { url: options.url, detail: 'no fetch available' } });
  const body = await fetchBinary(
    fetchFn,
    options.url,
    {
      method: 'POST',
      body: request.der,
      contentType: 'application/timestamp-query',
      accept: ['application/timestamp-reply', 'application/timestamp-response', 'application/octet-stream'],
      ...(options.headers ? { headers: options.headers } : {}),
    },
    { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: 1024 * 1024 },
    options.signal,
  );
  const response = parseTimestampResponse(body);
  if (response.status > 1 || !response.token) {
    const why = [...response.failures, ...response.statusText].join(', ') || `status ${response.status}`;
    throw new KysoError('TIMESTAMP_REFUSED', { params: { url: options.url, detail: why } });
  }
  const check = await checkTimestampToken(response.token, {
    // a TSA that answers with another hash than asked fails the comparison (lengths differ)
    messageImprint: async () => messageDigest,
    ...(request.nonce ? { nonce: request.nonce } : {}),
    provider: options.provider,
  });
  if (check.indication !== 'TOTAL_PASSED' || check.tstInfo?.hash !== hash) {
    const detail = check.errors.map((e) => e.detail).join('; ') || 'the token does not match the request';
    throw new KysoError('TIMESTAMP_REFUSED', { params: { url: options.url, detail } });
  }
  return { token: response.token, check };
}
