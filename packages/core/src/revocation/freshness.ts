/** Clock skew allowed between the validator and the responders or CAs. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface Currency {
  /** When the status was known to be correct (OCSP thisUpdate, CRL thisUpdate). */
  thisUpdate: Date;
  /** When newer information is promised; absent means "any time" (RFC 6960 §4.2.2.1). */
  nextUpdate?: Date;
  /** When an OCSP answer was signed. */
  producedAt?: Date;
}

const iso = (d: Date) => d.toISOString();

/**
 * Why an answer cannot speak for the status at `time`, or undefined when it can.
 * - Nothing from the future: thisUpdate and producedAt at most `now` plus the skew.
 * - It covers `time` when `time` lies in [thisUpdate − skew, nextUpdate], or when the status was
 *   established at or after `time` (thisUpdate ≥ time: "not revoked then" proves "not revoked
 *   before"). Together: time ≤ nextUpdate. thisUpdate is used rather than producedAt, since a
 *   pre-produced answer may be signed after its own nextUpdate and says nothing past it.
 * - Without nextUpdate the answer is only as current as thisUpdate (plus the skew): accepting it
 *   for any later time would let a years-old answer pass.
 */
export function freshnessProblem(answer: Currency, time: Date, now: Date): string | undefined {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  if (answer.thisUpdate.getTime() > latest)
    return `thisUpdate ${iso(answer.thisUpdate)} is in the future of the validation time ${iso(now)}`;
  if (answer.producedAt && answer.producedAt.getTime() > latest)
    return `producedAt ${iso(answer.producedAt)} is in the future of the validation time ${iso(now)}`;
  if (answer.nextUpdate && answer.nextUpdate < answer.thisUpdate)
    return `nextUpdate ${iso(answer.nextUpdate)} is before thisUpdate ${iso(answer.thisUpdate)}`;
  const end = answer.nextUpdate?.getTime() ?? answer.thisUpdate.getTime() + CLOCK_SKEW_MS;
  if (time.getTime() > end) {
    return answer.nextUpdate
      ? `stale for ${iso(time)}: it was current from ${iso(answer.thisUpdate)} to ${iso(answer.nextUpdate)}`
      : `stale for ${iso(time)}: it has no nextUpdate and was current at ${iso(answer.thisUpdate)}`;
  }
  return undefined;
}

/**
 * A "not revoked" answer established after the certificate expired proves nothing: CAs may drop
 * expired certificates from CRLs and responders (RFC 5280 §3.3), unless the answer says it keeps
 * them (OCSP archiveCutoff, CRL ExpiredCertsOnCRL) from a date not after the expiry.
 */
export function afterExpiryProblem(
  thisUpdate: Date,
  notAfter: Date,
  keptSince: Date | undefined,
): string | undefined {
  if (thisUpdate <= notAfter) return undefined;
  if (keptSince && keptSince <= notAfter) return undefined;
  return `it dates from ${iso(thisUpdate)}, after the certificate expired (${iso(notAfter)}), and does not say that expired certificates are kept`;
}
