import { toBase64 } from '../bytes/bytes.js';
import { KysoError } from '../errors/kyso-error.js';
import { fetchableUrl, fetchBinary } from '../net/fetch.js';
import { CRL_TYPES, OCSP_RESPONSE_TYPES, type RevocationTransport } from './transport.js';

export interface RevocationServiceOptions {
  /** More request headers (the service's bearer token, say); the checker's `fetch` may add them too. */
  headers?: Record<string, string>;
  /** OCSP by POST (default) or by GET (RFC 6960 A.1, cacheable: the service builds the URL). */
  ocspMethod?: 'GET' | 'POST';
  /** Certificates sent per download (the service refuses more than its `maxCertificates`, 10 by default). */
  maxCertificates?: number;
  /**
   * `same-origin` (default): a service of the page's own origin gets the session cookie it may know
   * the user by, a service elsewhere none; `omit` sends none.
   */
  credentials?: 'omit' | 'same-origin';
  /**
   * How long one request may take, the service's own fetch (15 s by default) and path validation
   * included: 20 s by default, or the checker's limit when that is longer. Shorter than the
   * service's, and the page would give up before it hears the service's explanation (a 504).
   */
  timeoutMs?: number;
}

/**
 * A transport through kyso's signing service (`POST {base}/revocation` of @kyso/node-adapter): each
 * OCSP request or CRL download becomes `{ url, certificates, ocspRequest?, method? }`, and the service
 * fetches it — only when a certificate it is given chains to one of its anchors and names the URL,
 * or the URL is on its allowlist. `url` is the route itself, absolute, e.g.
 * `https://app.example/kyso/revocation`.
 */
export function revocationService(url: string, options: RevocationServiceOptions = {}): RevocationTransport {
  if (!fetchableUrl(url))
    throw new KysoError('USAGE', {
      params: { detail: 'revocationService: an absolute http(s) URL is needed' },
    });
  const max = options.maxCertificates ?? 10;
  return (download, { fetch, limits, signal }) => {
    const seen = new Set<string>();
    const certificates: string[] = [];
    for (const c of download.certificates) {
      const b64 = toBase64(c.der);
      if (seen.has(b64) || certificates.length >= max) continue;
      seen.add(b64);
      certificates.push(b64);
    }
    const ocsp = download.kind === 'ocsp';
    const body = {
      url: download.url,
      certificates,
      ...(ocsp ? { ocspRequest: toBase64(download.ocspRequest!), method: options.ocspMethod ?? 'POST' } : {}),
    };
    return fetchBinary(
      fetch,
      url,
      {
        method: 'POST',
        body: new TextEncoder().encode(JSON.stringify(body)),
        contentType: 'application/json',
        credentials: options.credentials ?? 'same-origin',
        accept: ocsp ? OCSP_RESPONSE_TYPES : CRL_TYPES,
        ...(options.headers ? { headers: options.headers } : {}),
      },
      { ...limits, timeoutMs: options.timeoutMs ?? Math.max(limits.timeoutMs, 20_000) },
      signal,
    );
  };
}
