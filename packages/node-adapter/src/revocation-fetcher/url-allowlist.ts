import { KysoError } from '@kyso/core';

/** A URL in the WHATWG normal form (`..` resolved, host lower-cased, default port dropped), or undefined. */
export function normalUrl(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/**
 * The operator's list of URLs fetched for any client: entries ending in `/` cover everything below
 * them, others only themselves. Both sides are compared in normal form, so `http://CA.example:80/a/../crl`
 * is `http://ca.example/crl`, and a prefix cannot be escaped with dot segments.
 */
export function urlAllowlist(entries: readonly string[]): (url: string) => boolean {
  const normal = entries.map((entry) => {
    const href = normalUrl(entry);
    if (!href || !/^https?:$/.test(new URL(href).protocol) || new URL(href).username)
      throw new KysoError('USAGE', {
        params: { detail: `revocationFetcher.allowUrls: "${entry}" is not an http(s) URL` },
      });
    return href;
  });
  return (url) => normal.some((entry) => url === entry || (entry.endsWith('/') && url.startsWith(entry)));
}
