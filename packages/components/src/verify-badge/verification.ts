import {
  certificatesFrom,
  KysoError,
  type Lang,
  loadTrustProfile,
  type RevocationMode,
  revocationService,
  type VerificationReport,
} from '@kyso/core';
import { verifyPdf } from '@kyso/pdf';
import { documentSource } from '../internal/document-source.js';

/** A certificate as pages hold them: PEM text (one or several) or DER bytes. */
export type CertificateInput = string | Uint8Array;

export interface VerifyRequest {
  document: Blob;
  anchors: readonly CertificateInput[];
  intermediates: readonly CertificateInput[];
  trustProfile: string | undefined;
  trustSrc: string | undefined;
  revocation: RevocationMode;
  fetch: typeof globalThis.fetch | undefined;
  /** A signing service's revocation route: online requests go through it. */
  revocationUrl: string | undefined;
  validationTime: Date | undefined;
  lang: Lang;
  signal: AbortSignal;
}

function parse(inputs: readonly CertificateInput[]): Uint8Array[] {
  try {
    return inputs.flatMap((c) => certificatesFrom(c));
  } catch (error) {
    throw new KysoError('INVALID_INPUT', {
      params: { detail: 'a trust anchor is neither PEM nor DER' },
      cause: error,
    });
  }
}

/** PEM or DER certificates published at a URL (a trust list the page serves). */
async function fetchCertificates(url: string, signal: AbortSignal): Promise<Uint8Array[]> {
  const href = new URL(url, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(href, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new KysoError('NETWORK_ERROR', {
      params: { url: href, detail: error instanceof Error ? error.message : String(error) },
      cause: error,
    });
  }
  if (!response.ok)
    throw new KysoError('NETWORK_ERROR', { params: { url: href, detail: `HTTP ${response.status}` } });
  return parse([new Uint8Array(await response.arrayBuffer())]);
}

/**
 * Verifies a PDF in the browser with @kyso/pdf. Trust is the union of a built-in profile, the
 * certificates given and those at `trustSrc`. Revocation: `embedded` and `off` touch no network;
 * `online` uses the page's `fetch`, else the browser's, through the service at `revocationUrl` when set.
 */
export async function verifyDocument(request: VerifyRequest): Promise<VerificationReport> {
  const { signal } = request;
  const [profile, fetched] = await Promise.all([
    request.trustProfile ? loadTrustProfile(request.trustProfile, { signal }) : undefined,
    request.trustSrc ? fetchCertificates(request.trustSrc, signal) : [],
  ]);
  signal.throwIfAborted();
  const anchors = [...(profile?.anchors ?? []), ...parse(request.anchors), ...fetched];
  const intermediates = [...(profile?.intermediates ?? []), ...parse(request.intermediates)];
  const fetchFn = request.fetch ?? globalThis.fetch.bind(globalThis);
  return verifyPdf(await documentSource(request.document, request.signal), {
    anchors,
    intermediates,
    ...(profile ? { trustProfile: profile.trustProfile } : {}),
    revocation: request.revocation,
    ...(request.revocation === 'online'
      ? {
          fetch: fetchFn,
          ...(request.revocationUrl
            ? {
                revocationTransport: revocationService(new URL(request.revocationUrl, document.baseURI).href),
              }
            : {}),
        }
      : {}),
    ...(request.validationTime ? { validationTime: request.validationTime } : {}),
    lang: request.lang,
    signal,
  });
}
