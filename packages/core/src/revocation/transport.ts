import { type FetchFunction, type FetchLimits, fetchBinary } from '../net/fetch.js';
import type { Certificate } from '../x509/certificate.js';

/** One download the online checker needs: an OCSP answer from a responder, or a CRL. */
export interface RevocationDownload {
  /** `ocsp`: `ocspRequest` goes to the responder at `url`; `crl`: the CRL at `url` is fetched. */
  kind: 'ocsp' | 'crl';
  /** As the certificate names it (AIA OCSP or CRL distribution point); http or https. */
  url: string;
  /** DER OCSPRequest, for `ocsp`. */
  ocspRequest?: Uint8Array;
  /**
   * The certificate asked about, its issuer, then the issuer's own chain as far as it is known: what a
   * proxy needs to see that a trusted CA wrote `url` (kyso's signing service checks exactly that).
   */
  certificates: readonly Certificate[];
}

export interface RevocationTransportContext {
  /** The checker's injected fetch (or the runtime's). */
  fetch: FetchFunction;
  limits: FetchLimits;
  signal?: AbortSignal;
}

/**
 * How a download travels. The default goes straight to the URL through `fetch`; a browser, which
 * most responders do not serve (no CORS), uses `revocationService()` to go through kyso's signing
 * service. Returns the body (DER OCSPResponse or CRL, or a PEM CRL); failures are KysoErrors
 * (NETWORK_ERROR, ABORTED), as `fetchBinary` throws them.
 */
export type RevocationTransport = (
  download: RevocationDownload,
  context: RevocationTransportContext,
) => Promise<Uint8Array>;

export const OCSP_RESPONSE_TYPES = ['application/ocsp-response', 'application/octet-stream'];
export const CRL_TYPES = [
  'application/pkix-crl',
  'application/x-pkcs7-crl',
  'application/x-x509-crl',
  'application/octet-stream',
];

/** RFC 6960 A.1.1 (OCSP over HTTP POST) and RFC 5280 §4.2.1.13 (CRL over HTTP GET). */
export const directTransport: RevocationTransport = (download, { fetch, limits, signal }) =>
  fetchBinary(
    fetch,
    download.url,
    download.kind === 'ocsp'
      ? {
          method: 'POST',
          body: download.ocspRequest!,
          contentType: 'application/ocsp-request',
          accept: OCSP_RESPONSE_TYPES,
        }
      : { method: 'GET', accept: CRL_TYPES },
    limits,
    signal,
  );
