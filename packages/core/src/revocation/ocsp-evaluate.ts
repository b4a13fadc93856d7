import { decode, readTime } from '../asn1/index.js';
import { equalBytes } from '../bytes/bytes.js';
import { isKysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import { type Answer, type Evaluation, type EvaluationContext, iso } from './answer.js';
import { certIdMatches } from './cert-id.js';
import { afterExpiryProblem, freshnessProblem } from './freshness.js';
import { checkResponder } from './ocsp-responder.js';
import { type OcspResponse, parseOcspResponse } from './ocsp-response.js';

/** Response and single-response extensions kyso understands; any other critical one voids the answer. */
const PROCESSED = new Set<string>([OID.ocspNonce, OID.ocspArchiveCutoff]);

const fail = (problem: string, concerns = true): Evaluation => ({ usable: false, problem, concerns });

/**
 * Judges one OCSP response (OCSPResponse or bare BasicOCSPResponse) about `ctx.query`: it must be
 * about this certificate, signed by the CA or its delegated responder, echo the nonce when one was
 * sent, and be current for the query time.
 */
export async function evaluateOcsp(
  der: Uint8Array,
  ctx: EvaluationContext,
  sentNonce?: Uint8Array,
): Promise<Evaluation> {
  const { certificate, issuer, time } = ctx.query;
  let response: OcspResponse;
  try {
    response = parseOcspResponse(der);
  } catch (error) {
    return fail(`malformed (${isKysoError(error) ? error.message : String(error)})`);
  }
  const basic = response.basic;
  if (!basic) return fail(`the responder answered ${response.status}`);
  const single = basic.responses.find((r) => certIdMatches(r.certId, certificate, issuer));
  if (!single) return fail('it answers for other certificates only', false);

  const critical = [...basic.extensions, ...single.extensions].find(
    (e) => e.critical && !PROCESSED.has(e.oid),
  );
  if (critical) return fail(`it has an unprocessed critical extension ${critical.oid}`);
  const responder = await checkResponder(basic, issuer, ctx.pool, ctx.provider);
  if (!responder.ok) return fail(`not signed by an authorised responder: ${responder.reason}`);
  if (sentNonce && basic.nonce && !equalBytes(sentNonce, basic.nonce))
    return fail('its nonce is not the one sent (a replayed answer?)');
  const stale = freshnessProblem(
    {
      thisUpdate: single.thisUpdate,
      ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}),
      producedAt: basic.producedAt,
    },
    time,
    ctx.now,
  );
  if (stale) return fail(stale);

  const by = responder.delegated ? 'delegated responder' : 'CA';
  const base = {
    source: 'ocsp' as const,
    checkedAt: basic.producedAt,
    evidence: {
      ocspResponses: [der],
      crls: [],
      certificates: responder.delegated ? [responder.responder.der, issuer.der] : [issuer.der],
    },
  };
  const when = `produced ${iso(basic.producedAt)} by the ${by}`;
  let answer: Answer;
  if (single.status === 'revoked' && single.revocationTime! <= time) {
    answer = {
      ...base,
      status: 'revoked',
      revocationTime: single.revocationTime!,
      ...(single.reason ? { reason: single.reason } : {}),
      detail: `OCSP: revoked at ${iso(single.revocationTime!)}${single.reason ? ` (${single.reason})` : ''}, ${when}`,
    };
  } else if (single.status === 'unknown') {
    answer = {
      ...base,
      status: 'unknown',
      detail: `OCSP: the responder does not know the certificate, ${when}`,
    };
  } else if (single.status === 'revoked') {
    // Revoked after the time in question: not revoked before it, whatever the expiry.
    const reason = single.reason ? ` (${single.reason})` : '';
    answer = {
      ...base,
      status: 'good',
      detail: `OCSP: good at ${iso(time)}, ${when}; revoked later, at ${iso(single.revocationTime!)}${reason}`,
    };
  } else {
    const cutoff = single.extensions.find((e) => e.oid === OID.ocspArchiveCutoff);
    let keptSince: Date | undefined;
    try {
      keptSince = cutoff ? readTime(decode(cutoff.value), 'archiveCutoff') : undefined;
    } catch {
      return fail('its archiveCutoff extension is malformed');
    }
    const expired = afterExpiryProblem(single.thisUpdate, certificate.notAfter, keptSince);
    if (expired) return fail(expired);
    answer = { ...base, status: 'good', detail: `OCSP: good at ${iso(time)}, ${when}` };
  }
  if (sentNonce && !basic.nonce) answer.detail += ' (no nonce echoed)';
  return { usable: true, answer };
}
