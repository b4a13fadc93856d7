import { equalBytes } from '../bytes/bytes.js';
import { OID } from '../oids.js';
import { formatName, sameName } from '../x509/name.js';
import type { Evaluation, EvaluationContext } from './answer.js';
import { iso } from './answer.js';
import type { Crl } from './crl.js';
import { afterExpiryProblem, freshnessProblem } from './freshness.js';
import { sameSerial } from './serial.js';
import { signatureProblem } from './signed.js';

/** CRL extensions kyso processes. */
const PROCESSED_CRL = new Set<string>([OID.authorityKeyIdentifier, OID.cRLNumber, OID.expiredCertsOnCRL]);
const PROCESSED_ENTRY = new Set<string>([OID.cRLReason, OID.invalidityDate]);

/** Why a critical extension makes the CRL unusable, in words a reader can act on. */
function unprocessed(oid: string): string {
  switch (oid) {
    case OID.deltaCRLIndicator:
      return 'it is a delta CRL (critical deltaCRLIndicator): kyso does not combine delta CRLs with their base CRL';
    case OID.issuingDistributionPoint:
      return 'it has a critical issuingDistributionPoint: kyso does not process distribution-point scopes, so it cannot tell whether this CRL covers the certificate';
    case OID.certificateIssuer:
      return 'it is an indirect CRL (critical certificateIssuer entry extension): kyso does not process indirect CRLs';
    default:
      return `it has an unprocessed critical extension ${oid}`;
  }
}

const fail = (problem: string): Evaluation => ({ usable: false, problem, concerns: true });

/**
 * Judges a CRL about `ctx.query` (RFC 5280 §6.3, complete CRLs issued by the certificate's own CA):
 * the issuer name must be the certificate's issuer name, the CA's key must have signed it (with
 * cRLSign when the CA's certificate has a key usage), every critical extension must be understood,
 * and it must be current for the query time.
 */
export async function evaluateCrl(crl: Crl, ctx: EvaluationContext): Promise<Evaluation> {
  const { certificate, issuer, time } = ctx.query;
  if (!sameName(crl.issuer, certificate.issuer))
    return fail(`it was issued by "${formatName(crl.issuer)}", not by the certificate's issuer`);
  const critical =
    crl.extensions.find((e) => e.critical && !PROCESSED_CRL.has(e.oid)) ??
    crl.entries.flatMap((e) => e.extensions).find((e) => e.critical && !PROCESSED_ENTRY.has(e.oid));
  if (critical) return fail(unprocessed(critical.oid));
  if (issuer.keyUsage && !issuer.keyUsage.has('cRLSign'))
    return fail("the CA's key usage does not include cRLSign");
  if (!equalBytes(crl.signatureAlgorithm.der, crl.tbsSignatureAlgorithm.der))
    return fail('its two signature algorithm fields differ');
  const sig = await signatureProblem(
    crl.tbs,
    crl.signatureAlgorithm,
    crl.signature,
    issuer.publicKey,
    ctx.provider,
  );
  if (sig) return fail(`not signed by the CA: ${sig}`);
  const stale = freshnessProblem(
    { thisUpdate: crl.thisUpdate, ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate } : {}) },
    time,
    ctx.now,
  );
  if (stale) return fail(stale);

  const number = crl.crlNumber !== undefined ? ` number ${crl.crlNumber}` : '';
  const base = {
    source: 'crl' as const,
    checkedAt: crl.thisUpdate,
    evidence: { ocspResponses: [], crls: [crl.der], certificates: [issuer.der] },
  };
  const when = `CRL${number} of ${iso(crl.thisUpdate)}`;
  const entry = crl.entries.find((e) => sameSerial(e.serialNumber, certificate.serialNumber));
  const reason = entry?.reason ? ` (${entry.reason})` : '';
  if (entry?.reason === 'removeFromCRL')
    return fail('it lists the certificate as removeFromCRL, which only delta CRLs may');
  if (entry && entry.revocationDate <= time) {
    return {
      usable: true,
      answer: {
        ...base,
        status: 'revoked',
        revocationTime: entry.revocationDate,
        ...(entry.reason ? { reason: entry.reason } : {}),
        detail: `${when}: revoked at ${iso(entry.revocationDate)}${reason}`,
      },
    };
  }
  if (entry) {
    return {
      usable: true,
      answer: {
        ...base,
        status: 'good',
        detail: `${when}: good at ${iso(time)}; revoked later, at ${iso(entry.revocationDate)}${reason}`,
      },
    };
  }
  const expired = afterExpiryProblem(crl.thisUpdate, certificate.notAfter, crl.expiredCertsOnCrl);
  if (expired) return fail(expired);
  return {
    usable: true,
    answer: { ...base, status: 'good', detail: `${when}: not listed, good at ${iso(time)}` },
  };
}
