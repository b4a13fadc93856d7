import {
  type Certificate,
  type CryptoProvider,
  certificatesFrom,
  type FetchFunction,
  fetchBinary,
  isKysoError,
  parseCertificate,
  parseSignedData,
  validatePath,
} from '@kyso/core';

export interface ChainContext {
  /** The caller's trust anchors; self-signed certificates at hand end a chain too. */
  anchors: readonly Certificate[];
  /** Certificates at hand: the CMS, its tokens, the DSS, the caller's intermediates. */
  pool: readonly Certificate[];
  time: Date;
  provider: CryptoProvider;
  /** Fetches a missing issuer from the certificate's AIA caIssuers (online only). */
  fetchIssuer?: (cert: Certificate) => Promise<Certificate[]>;
  signal?: AbortSignal;
}

/** A certification path, leaf first; `complete` when it ends at an anchor or a self-signed root. */
export interface Chain {
  certificates: Certificate[];
  complete: boolean;
}

/**
 * The certification path of `leaf` as core's path builder finds it (issuers matched by name and key
 * identifier, then proven by signature, so a look-alike CA never slips in). Only the path is used:
 * whether it is trusted or valid today is the verifier's question, not the collector's.
 */
export async function certificateChain(leaf: Certificate, ctx: ChainContext): Promise<Chain> {
  const roots = ctx.pool.filter((c) => c.selfIssued);
  const anchors = [...ctx.anchors, ...roots];
  const path = await validatePath(leaf, {
    anchors,
    pool: ctx.pool,
    time: ctx.time,
    usage: 'any',
    provider: ctx.provider,
    ...(ctx.fetchIssuer ? { fetchIssuer: ctx.fetchIssuer } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const last = path.chain.at(-1);
  const complete = path.anchor !== undefined || last?.selfIssued === true;
  return { certificates: path.chain, complete };
}

/** Certificates in an AIA caIssuers answer: DER, PEM, or a certs-only PKCS#7 (RFC 5280 §4.2.2.1). */
function parseIssuers(body: Uint8Array): Certificate[] {
  try {
    return [parseCertificate(body)];
  } catch {
    // not a single DER certificate: try the other forms
  }
  try {
    return parseSignedData(body).certificates.map((c) => parseCertificate(c));
  } catch {
    return certificatesFrom(body).map((c) => parseCertificate(c));
  }
}

/** Issuer fetching through the injected fetch, failures swallowed (the chain then stays incomplete). */
export function aiaFetcher(
  fetchFn: FetchFunction,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): (cert: Certificate) => Promise<Certificate[]> {
  return async (cert) => {
    const out: Certificate[] = [];
    for (const url of cert.caIssuerUrls) {
      try {
        const body = await fetchBinary(
          fetchFn,
          url,
          {
            method: 'GET',
            accept: [
              'application/pkix-cert',
              'application/x-x509-ca-cert',
              'application/pkcs7-mime',
              'application/x-pkcs7-certificates',
              'application/octet-stream',
            ],
          },
          { timeoutMs, maxBytes: 1024 * 1024 },
          signal,
        );
        out.push(...parseIssuers(body));
      } catch (error) {
        if (isKysoError(error, 'ABORTED')) throw error;
      }
    }
    return out;
  };
}
