import {
  type Certificate,
  type CryptoProvider,
  KysoError,
  parseCertificate,
  resolveProvider,
} from '@kyso/core';
import { type NetworkPolicy, networkPolicy } from '../net/network-policy.js';
import { type HostResolver, systemResolver } from '../net/resolve-host.js';
import { positive } from '../service/positive.js';
import type { RevocationFetcherOptions } from './options.js';
import { urlAllowlist } from './url-allowlist.js';

/** The fetcher's configuration, checked once when the service is made. */
export interface RevocationFetcher {
  anchors: readonly Certificate[];
  allowlisted: (url: string) => boolean;
  policy: NetworkPolicy;
  resolve: HostResolver;
  provider: CryptoProvider;
  maxResponseBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  maxCertificates: number;
}

export function resolveRevocationFetcher(options: RevocationFetcherOptions): RevocationFetcher {
  const anchors = (options.anchors ?? []).map((der) => parseCertificate(der));
  if (anchors.length === 0 && (options.allowUrls ?? []).length === 0)
    throw new KysoError('USAGE', {
      params: { detail: 'revocationFetcher: give anchors or allowUrls, or nothing can ever be fetched' },
    });
  const maxRedirects = options.maxRedirects ?? 3;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0 || maxRedirects > 10)
    throw new KysoError('USAGE', { params: { detail: 'revocationFetcher.maxRedirects: 0 to 10' } });
  return {
    anchors,
    allowlisted: urlAllowlist(options.allowUrls ?? []),
    policy: networkPolicy(options),
    resolve: options.resolve ?? systemResolver,
    provider: resolveProvider(options.provider),
    maxResponseBytes: positive(
      options.maxResponseBytes,
      10 * 1024 * 1024,
      'revocationFetcher.maxResponseBytes',
    ),
    timeoutMs: positive(options.timeoutMs, 15_000, 'revocationFetcher.timeoutMs'),
    maxRedirects,
    maxCertificates: Math.floor(positive(options.maxCertificates, 10, 'revocationFetcher.maxCertificates')),
  };
}
