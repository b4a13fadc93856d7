import { asn1, type Certificate, KysoError, parseCertificate } from '@kyso/core';
import type { RevocationKind } from './trusted-urls.js';
import { normalUrl } from './url-allowlist.js';

/** What a client asks the revocation fetcher for (the JSON body of `POST {base}/revocation`). */
export interface RevocationQuery {
  /** The OCSP responder or CRL distribution point, in normal form. */
  url: URL;
  /** `ocsp` when an OCSP request came with it, `crl` otherwise. */
  kind: RevocationKind;
  /** The certificates that name the URL, with the chain to an anchor (DER, in any order). */
  certificates: Certificate[];
  ocspRequest?: Uint8Array;
  /** For OCSP: POST (default) or GET (RFC 6960 Appendix A.1). CRLs are always fetched with GET. */
  method: 'GET' | 'POST';
}

function invalid(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail } });
}

function base64(value: unknown, what: string): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0)
    throw invalid(`${what} is not base64`);
  return new Uint8Array(Buffer.from(value, 'base64'));
}

/** Reads and checks the query: a short http(s) URL, at most `maxCertificates` DER certificates, a DER OCSP request. */
export function readRevocationQuery(body: Record<string, unknown>, maxCertificates: number): RevocationQuery {
  const { url, certificates = [], ocspRequest, method } = body;
  if (typeof url !== 'string' || url.length > 2048)
    throw invalid('url must be a string of at most 2048 characters');
  const href = normalUrl(url);
  if (!href) throw invalid('url is not a URL');
  if (!Array.isArray(certificates)) throw invalid('certificates must be an array of base64 DER certificates');
  if (certificates.length > maxCertificates) throw invalid(`more than ${maxCertificates} certificates`);
  const parsed = certificates.map((c, i) => parseCertificate(base64(c, `certificates[${i}]`)));
  let request: Uint8Array | undefined;
  if (ocspRequest !== undefined) {
    request = base64(ocspRequest, 'ocspRequest');
    try {
      const root = asn1.decode(request);
      if (!asn1.isUniversal(root, asn1.TAG.SEQUENCE) || asn1.derViolation(root)) throw new Error('not DER');
    } catch {
      throw invalid('ocspRequest is not a DER OCSPRequest');
    }
  }
  if (method !== undefined && method !== 'GET' && method !== 'POST')
    throw invalid('method must be GET or POST');
  if (method === 'POST' && !request) throw invalid('POST needs an ocspRequest (a CRL is fetched with GET)');
  // the GET form is built here from the request, so a client cannot pick another path below the URL
  if (request && method === 'GET' && (href.includes('?') || href.includes('#')))
    throw invalid('an OCSP GET needs a URL without query or fragment');
  return {
    url: new URL(href),
    kind: request ? 'ocsp' : 'crl',
    certificates: parsed,
    ...(request ? { ocspRequest: request } : {}),
    method: request ? (method ?? 'POST') : 'GET',
  };
}

/** RFC 6960 Appendix A.1: `{url}/{url-encoding of the base64 of the DER request}`. */
export function ocspGetUrl(base: URL, request: Uint8Array): URL {
  const path = base.href.endsWith('/') ? base.href : `${base.href}/`;
  return new URL(`${path}${encodeURIComponent(Buffer.from(request).toString('base64'))}`);
}
