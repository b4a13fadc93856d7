import {
  type CryptoProvider,
  createRevocationChecker,
  directTransport,
  type FetchFunction,
  fetchableUrl,
  fromPem,
  isKysoError,
  type RevocationChecker,
  type RevocationQuery,
  type RevocationResult,
  type RevocationTransport,
} from '@kyso/core';

export interface CrlCheckerOptions {
  /** CRLs already at hand (the DSS, the CMS): used when current, so a renewal adds no duplicate. */
  crls: readonly Uint8Array[];
  certificates: readonly Uint8Array[];
  fetch: FetchFunction | undefined;
  /** How CRLs travel (straight to the distribution point by default). */
  transport?: RevocationTransport | undefined;
  provider: Partial<CryptoProvider> | undefined;
  now: Date;
  timeoutMs: number;
}

/**
 * A checker that answers from CRLs only (core's checker asks OCSP first and stops there): embedded
 * CRLs first, then each distribution point of the certificate. Every CRL is judged by core's
 * embedded-mode checker, so the same rules apply as to any other evidence.
 */
export function crlOnlyChecker(options: CrlCheckerOptions): RevocationChecker {
  const judge = (crls: readonly Uint8Array[]) =>
    createRevocationChecker({
      mode: 'embedded',
      embedded: { crls: [...crls], certificates: [...options.certificates] },
      ...(options.provider ? { provider: options.provider } : {}),
      now: options.now,
    });
  const atHand = judge(options.crls);
  const transport = options.transport ?? directTransport;
  const downloads = new Map<string, Promise<Uint8Array>>();
  const download = (url: string, query: RevocationQuery, signal: AbortSignal | undefined) => {
    let pending = downloads.get(url);
    if (!pending) {
      const certificates = [query.certificate, query.issuer, ...(query.issuerChain ?? [])];
      pending = transport(
        { kind: 'crl', url, certificates },
        {
          fetch: options.fetch!,
          limits: { timeoutMs: options.timeoutMs, maxBytes: 10 * 1024 * 1024 },
          ...(signal ? { signal } : {}),
        },
      ).then((body) =>
        body[0] === 0x30 ? body : (fromPem(new TextDecoder().decode(body), 'X509 CRL')[0] ?? body),
      );
      downloads.set(url, pending);
      // a failure (a timeout, an abort, a proxy's refusal for these certificates) is not kept
      const settled = pending;
      settled.catch(() => {
        if (downloads.get(url) === settled) downloads.delete(url);
      });
    }
    return pending;
  };
  const usable = (r: RevocationResult) => r.status === 'good' || r.status === 'revoked';

  return {
    async check(query, opts) {
      const first = await atHand.check(query, opts);
      if (usable(first)) return first;
      const notes: string[] = [];
      if (!options.fetch) notes.push('no fetch function to download CRLs');
      else
        for (const url of query.certificate.crlUrls.filter(fetchableUrl)) {
          try {
            const der = await download(url, query, opts?.signal);
            const r = await judge([der]).check(query, opts);
            if (usable(r)) return { ...r, embedded: false };
            notes.push(`${url}: ${r.detail ?? r.status}`);
          } catch (error) {
            if (isKysoError(error, 'ABORTED')) throw error;
            notes.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      return {
        status: 'unknown',
        unavailable: true,
        detail: notes.join('; ') || 'no CRL distribution point',
      };
    },
  };
}
