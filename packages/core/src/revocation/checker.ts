import { fromPem } from '../bytes/pem.js';
import { type CryptoProvider, resolveProvider } from '../crypto/provider.js';
import { isKysoError, KysoError } from '../errors/kyso-error.js';
import { type FetchFunction, type FetchLimits, fetchableUrl } from '../net/fetch.js';
import { type Certificate, parseCertificate } from '../x509/certificate.js';
import { sameName } from '../x509/name.js';
import { type Answer, type Evaluation, type EvaluationContext, rank } from './answer.js';
import type { CertIdHash } from './cert-id.js';
import { type Crl, parseCrl } from './crl.js';
import { evaluateCrl } from './crl-evaluate.js';
import { evaluateOcsp } from './ocsp-evaluate.js';
import { buildOcspRequest } from './ocsp-request.js';
import { directTransport } from './transport.js';
import type { RevocationChecker, RevocationOptions, RevocationQuery, RevocationResult } from './types.js';

/** Online OCSP settings beyond the shared contract. */
export interface RevocationCheckerOptions extends RevocationOptions {
  /** CertID hash of online requests: SHA-1 by default (RFC 5019; every responder knows it), or SHA-256. */
  ocspHash?: CertIdHash;
  /** Send a nonce with online requests (true by default); a differing nonce in the answer is refused. */
  ocspNonce?: boolean;
  /**
   * false: CRLs only, embedded and online — for evidence that must come from a CRL even where OCSP
   * would answer (B-LT with every source). True by default.
   */
  ocsp?: boolean;
}

/** What was tried, for the detail of the result. */
interface Trail {
  notes: string[];
  /** Embedded answers about other certificates (a DSS holds a whole chain's). */
  others: number;
  /** An authorised "unknown", kept while a definitive answer is sought elsewhere. */
  unknown?: { answer: Answer; embedded: boolean };
}

function parseAll<T>(ders: readonly Uint8Array[], parse: (der: Uint8Array) => T): (T | Error)[] {
  return ders.map((der) => {
    try {
      return parse(der);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}

/** The best usable answer of one stage (revoked, then good); an "unknown" is only remembered. */
function settle(
  evaluations: readonly { label: string; evaluation: Evaluation }[],
  embedded: boolean,
  trail: Trail,
): Answer | undefined {
  let best: Answer | undefined;
  for (const { label, evaluation } of evaluations) {
    if (!evaluation.usable) {
      if (evaluation.concerns) trail.notes.push(`${label}: ${evaluation.problem}`);
      else trail.others++;
    } else if (!best || rank(evaluation.answer.status) < rank(best.status)) {
      best = evaluation.answer;
    }
  }
  if (best?.status !== 'unknown') return best;
  trail.unknown ??= { answer: best, embedded };
  trail.notes.push(best.detail);
  return undefined;
}

function toResult(answer: Answer, embedded: boolean, trail: Trail): RevocationResult {
  const notes = trail.notes.filter((n) => n !== answer.detail);
  const before = notes.length > 0 ? ` (after: ${notes.join('; ')})` : '';
  return {
    status: answer.status,
    ...(answer.status !== 'unknown' ? { source: answer.source } : {}),
    embedded,
    checkedAt: answer.checkedAt,
    ...(answer.revocationTime ? { revocationTime: answer.revocationTime } : {}),
    ...(answer.reason ? { reason: answer.reason } : {}),
    evidence: answer.evidence,
    detail: `${answer.detail}${before}`,
  };
}

function unavailable(trail: Trail): RevocationResult {
  const notes = [...trail.notes];
  if (trail.others > 0) notes.push(`${trail.others} embedded answer(s) concern other certificates`);
  return {
    status: 'unknown',
    unavailable: true,
    detail: `no usable revocation information: ${notes.join('; ') || 'none found'}`,
  };
}

function resolve(options: RevocationOptions): CryptoProvider {
  try {
    return resolveProvider(options.provider);
  } catch (error) {
    throw new KysoError('INVALID_INPUT', { params: { detail: (error as Error).message }, cause: error });
  }
}

/**
 * The revocation checker of DESIGN.md: embedded OCSP responses, then embedded CRLs, then (online
 * mode) each OCSP responder the certificate names, then each CRL distribution point. Requests go
 * through `options.transport` (straight to the URL by default) over `options.fetch`; online mode
 * without a fetch falls back to `globalThis.fetch` when the runtime has one. Fetched CRLs are cached
 * per URL for the life of the checker (refetched once stale; a failed download is not kept).
 * Evidence that cannot be used (malformed, unauthorised, stale, about another certificate) is
 * passed over and named in the detail; only the caller's cancellation (ABORTED) and a misuse
 * (INVALID_INPUT) are thrown.
 */
export function createRevocationChecker(options: RevocationCheckerOptions): RevocationChecker {
  const provider = resolve(options);
  const limits: FetchLimits = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
  };
  const fetchFn: FetchFunction | undefined =
    options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
  const useOcsp = options.ocsp !== false;
  const embeddedOcsp = useOcsp ? (options.embedded?.ocspResponses ?? []) : [];
  const embeddedCrls = parseAll(options.embedded?.crls ?? [], parseCrl);
  const pool = parseAll(options.embedded?.certificates ?? [], parseCertificate).filter(
    (c): c is Certificate => !(c instanceof Error),
  );
  const transport = options.transport ?? directTransport;
  const crlCache = new Map<string, Promise<Crl>>();

  const download = (
    url: string,
    certificates: readonly Certificate[],
    signal: AbortSignal | undefined,
  ): Promise<Crl> => {
    const context = { fetch: fetchFn!, limits, ...(signal ? { signal } : {}) };
    const pending = transport({ kind: 'crl', url, certificates }, context).then((body) => {
      // Some servers publish the PEM form; RFC 5280 §4.2.1.13 asks for DER.
      const der = body[0] === 0x30 ? body : fromPem(new TextDecoder().decode(body), 'X509 CRL')[0];
      return parseCrl(der ?? body);
    });
    crlCache.set(url, pending);
    pending.catch(() => crlCache.delete(url));
    return pending;
  };

  const loadCrl = async (
    url: string,
    certificates: readonly Certificate[],
    signal: AbortSignal | undefined,
  ): Promise<Crl> => {
    const cached = crlCache.get(url);
    try {
      const crl = await (cached ?? download(url, certificates, signal));
      if (!cached || !crl.nextUpdate || crl.nextUpdate.getTime() >= Date.now()) return crl;
    } catch (error) {
      // Another check's cancellation must not fail this one.
      if (!cached || !isKysoError(error, 'ABORTED') || signal?.aborted) throw error;
    }
    crlCache.delete(url);
    return download(url, certificates, signal);
  };

  const online = async (ctx: EvaluationContext, trail: Trail, signal?: AbortSignal) => {
    const { certificate, issuer } = ctx.query;
    const certificates = [certificate, issuer, ...(ctx.query.issuerChain ?? [])];
    if (!fetchFn) {
      trail.notes.push('online checking needs a fetch function: none was given and the runtime has none');
      return undefined;
    }
    if (useOcsp && certificate.ocspUrls.length === 0)
      trail.notes.push('the certificate names no OCSP responder');
    for (const url of useOcsp ? certificate.ocspUrls : []) {
      const label = `OCSP ${url}`;
      if (!fetchableUrl(url)) {
        trail.notes.push(`${label}: skipped (only http and https are fetched)`);
        continue;
      }
      const evaluation = await guarded(async () => {
        const request = buildOcspRequest(certificate, issuer, {
          hash: options.ocspHash ?? 'SHA-1',
          nonce: options.ocspNonce ?? true,
          crypto: provider.crypto,
        });
        const body = await transport(
          { kind: 'ocsp', url, ocspRequest: request.der, certificates },
          { fetch: fetchFn, limits, ...(signal ? { signal } : {}) },
        );
        return evaluateOcsp(body, ctx, request.nonce);
      });
      const answer = settle([{ label, evaluation }], false, trail);
      if (answer) return answer;
    }
    if (certificate.crlUrls.length === 0) trail.notes.push('the certificate names no CRL distribution point');
    for (const url of certificate.crlUrls) {
      const label = `CRL ${url}`;
      if (!fetchableUrl(url)) {
        trail.notes.push(`${label}: skipped (only http and https are fetched)`);
        continue;
      }
      const evaluation = await guarded(async () =>
        evaluateCrl(await loadCrl(url, certificates, signal), ctx),
      );
      const answer = settle([{ label, evaluation }], false, trail);
      if (answer) return answer;
    }
    return undefined;
  };

  const check = async (query: RevocationQuery, signal?: AbortSignal): Promise<RevocationResult> => {
    if (options.mode === 'off') return { status: 'unknown', detail: 'not checked' };
    if (!sameName(query.certificate.issuer, query.issuer.subject))
      throw new KysoError('INVALID_INPUT', {
        params: { detail: "the issuer given is not the certificate's issuer" },
      });
    const aborted = () => {
      if (signal?.aborted) throw new KysoError('ABORTED', { cause: signal.reason });
    };
    aborted();
    const ctx: EvaluationContext = { query, now: options.now ?? new Date(), provider, pool };
    const trail: Trail = { notes: [], others: 0 };

    const ocsp = await Promise.all(
      embeddedOcsp.map(async (der, i) => ({
        label: `embedded OCSP response ${i + 1}`,
        evaluation: await guarded(() => evaluateOcsp(der, ctx)),
      })),
    );
    let answer = settle(ocsp, true, trail);
    if (answer) return toResult(answer, true, trail);
    aborted();
    const crls = await Promise.all(
      embeddedCrls.map(async (crl, i) => ({
        label: `embedded CRL ${i + 1}`,
        evaluation:
          crl instanceof Error
            ? ({ usable: false, problem: describe(crl), concerns: true } as const)
            : await guarded(() => evaluateCrl(crl, ctx)),
      })),
    );
    answer = settle(crls, true, trail);
    if (answer) return toResult(answer, true, trail);

    if (options.mode === 'online') {
      aborted();
      answer = await online(ctx, trail, signal);
      if (answer) return toResult(answer, false, trail);
    }
    if (trail.unknown) return toResult(trail.unknown.answer, trail.unknown.embedded, trail);
    if (embeddedOcsp.length + embeddedCrls.length === 0) trail.notes.unshift('nothing embedded');
    return unavailable(trail);
  };

  return { check: (query, opts) => check(query, opts?.signal) };
}

/** Evidence that trips anything unforeseen is just not usable: no raw exception leaves the checker. */
async function guarded(evaluate: () => Promise<Evaluation>): Promise<Evaluation> {
  try {
    return await evaluate();
  } catch (error) {
    if (isKysoError(error, 'ABORTED')) throw error;
    return { usable: false, problem: describe(error), concerns: true };
  }
}

function describe(error: unknown): string {
  // The label already names the URL that NETWORK_ERROR's message repeats.
  if (isKysoError(error, 'NETWORK_ERROR')) return String(error.params['detail'] ?? error.message);
  return error instanceof Error ? error.message : String(error);
}
