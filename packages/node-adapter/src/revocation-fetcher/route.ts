import { asn1, KysoError } from '@kyso/core';
import { readJsonObject } from '../http/body.js';
import { guardedFetch, urlNotAllowed } from '../net/guarded-fetch.js';
import type { RequestContext, ServiceCore } from '../service/core.js';
import { ocspGetUrl, readRevocationQuery } from './query.js';
import { namedByTrustedCertificate } from './trusted-urls.js';

const OCSP_TYPES = ['application/ocsp-response', 'application/octet-stream'];
const CRL_TYPES = [
  'application/pkix-crl',
  'application/x-pkcs7-crl',
  'application/x-x509-crl',
  'application/octet-stream',
];

/** For the audit line: where, without query or fragment, and not endless. */
function auditUrl(url: URL): string {
  return `${url.origin}${url.pathname}`.slice(0, 256);
}

/** An OCSP response and a CRL are both a DER SEQUENCE: anything else is not passed on to the client. */
function checkAnswer(body: Uint8Array, url: string): void {
  try {
    if (asn1.isUniversal(asn1.decode(body), asn1.TAG.SEQUENCE)) return;
  } catch {
    // below
  }
  throw new KysoError('NETWORK_ERROR', {
    params: { url, detail: 'the answer is not an OCSP response or a CRL' },
  });
}

/**
 * `POST {base}/revocation` with `{ url, certificates?, ocspRequest?, method? }`: fetches an OCSP
 * response (when an OCSP request comes) or a CRL for a browser. The URL must be named by a certificate
 * that chains to a configured anchor, or be allowlisted; then it is fetched through guardedFetch
 * (address policy on every hop, bounded size and time) and the answer sent back as is.
 */
export async function revocationRoute(core: ServiceCore, ctx: RequestContext): Promise<Response> {
  const fetcher = core.revocationFetcher!;
  const query = readRevocationQuery(
    await readJsonObject(ctx.request, core.jsonBytes),
    fetcher.maxCertificates,
  );
  ctx.note.url = auditUrl(query.url);
  const trusted =
    fetcher.allowlisted(query.url.href) ||
    (await namedByTrustedCertificate(
      query.url.href,
      query.kind,
      query.certificates,
      fetcher.anchors,
      fetcher.provider,
      ctx.signal,
    ));
  if (!trusted)
    throw urlNotAllowed(
      query.url,
      `not allowlisted, nor named as ${query.kind === 'ocsp' ? 'an OCSP responder' : 'a CRL distribution point'} by a certificate that chains to a trust anchor`,
    );
  const ocsp = query.kind === 'ocsp';
  const get = !ocsp || query.method === 'GET';
  const answer = await guardedFetch(
    ocsp && get ? ocspGetUrl(query.url, query.ocspRequest!) : query.url,
    get
      ? { method: 'GET', accept: ocsp ? OCSP_TYPES : CRL_TYPES }
      : {
          method: 'POST',
          body: query.ocspRequest!,
          contentType: 'application/ocsp-request',
          accept: OCSP_TYPES,
        },
    {
      policy: fetcher.policy,
      resolve: fetcher.resolve,
      maxBytes: fetcher.maxResponseBytes,
      timeoutMs: fetcher.timeoutMs,
      maxRedirects: fetcher.maxRedirects,
      signal: ctx.signal,
    },
  );
  if (answer.redirects > 0) ctx.note.redirects = answer.redirects;
  checkAnswer(answer.body, query.url.href);
  ctx.note.bytes = answer.body.length;
  return new Response(answer.body, {
    status: 200,
    headers: {
      'content-type': ocsp ? 'application/ocsp-response' : 'application/pkix-crl',
      'cache-control': 'no-store',
    },
  });
}
