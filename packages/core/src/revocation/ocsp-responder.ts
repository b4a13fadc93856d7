import { equalBytes } from '../bytes/bytes.js';
import { digestSync } from '../crypto/digest.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { OID } from '../oids.js';
import {
  type Certificate,
  certificateSha256,
  PROCESSED_EXTENSIONS,
  parseCertificate,
} from '../x509/certificate.js';
import { formatName, sameName } from '../x509/name.js';
import { subjectPublicKeyBits } from './cert-id.js';
import type { BasicOcspResponse, ResponderId } from './ocsp-response.js';
import { signatureProblem } from './signed.js';

/** Who signed an OCSP answer, once authorised for the CA in question. */
export type ResponderCheck =
  | { ok: true; responder: Certificate; delegated: boolean }
  | { ok: false; reason: string };

function matchesId(id: ResponderId, cert: Certificate): boolean {
  if ('byName' in id) return sameName(id.byName, cert.subject);
  return equalBytes(id.byKey, digestSync('SHA-1', subjectPublicKeyBits(cert)));
}

function describeId(id: ResponderId): string {
  return 'byName' in id ? `byName "${formatName(id.byName)}"` : 'byKey';
}

function parseAll(ders: readonly Uint8Array[]): Certificate[] {
  const out: Certificate[] = [];
  for (const der of ders) {
    try {
      out.push(parseCertificate(der));
    } catch {
      // A malformed certificate beside the answer cannot be the responder; others may be.
    }
  }
  return out;
}

/**
 * RFC 6960 §4.2.2.2: a delegated responder is issued (and signed) by the CA whose certificate is in
 * question, carries id-kp-OCSPSigning, and is valid when the answer was produced.
 */
async function delegationProblem(
  cert: Certificate,
  ca: Certificate,
  producedAt: Date,
  provider: CryptoProvider,
): Promise<string | undefined> {
  if (!sameName(cert.issuer, ca.subject)) return 'it was not issued by the CA in question';
  if (!cert.extKeyUsage?.includes(OID.kpOcspSigning)) return 'it lacks id-kp-OCSPSigning';
  if (producedAt < cert.notBefore || producedAt > cert.notAfter)
    return `it was not valid at producedAt ${producedAt.toISOString()}`;
  if (cert.keyUsage && !cert.keyUsage.has('digitalSignature') && !cert.keyUsage.has('nonRepudiation'))
    return 'its key usage does not allow signing';
  const critical = cert.extensions.find((e) => e.critical && !PROCESSED_EXTENSIONS.has(e.oid));
  if (critical) return `it has an unprocessed critical extension ${critical.oid}`;
  if (!equalBytes(cert.signatureAlgorithm.der, cert.tbsSignatureAlgorithm.der))
    return 'its two signature algorithm fields differ';
  const sig = await signatureProblem(
    cert.tbs,
    cert.signatureAlgorithm,
    cert.signature,
    ca.publicKey,
    provider,
  );
  return sig ? `its certificate is not signed by the CA: ${sig}` : undefined;
}

/**
 * Finds who signed `basic` and whether they may speak for `ca`: the CA itself, or a delegated
 * responder among the certificates sent with the answer or carried with the document.
 */
export async function checkResponder(
  basic: BasicOcspResponse,
  ca: Certificate,
  pool: readonly Certificate[],
  provider: CryptoProvider,
): Promise<ResponderCheck> {
  const problems: string[] = [];
  const verify = (cert: Certificate) =>
    signatureProblem(basic.tbs, basic.signatureAlgorithm, basic.signature, cert.publicKey, provider);

  if (matchesId(basic.responderId, ca)) {
    const sig = await verify(ca);
    if (!sig) return { ok: true, responder: ca, delegated: false };
    problems.push(`signed in the name of the CA, but ${sig}`);
  }
  const seen = new Set<string>();
  for (const cert of [...parseAll(basic.certificates), ...pool]) {
    const key = certificateSha256(cert);
    if (seen.has(key) || equalBytes(cert.spki, ca.spki) || !matchesId(basic.responderId, cert)) continue;
    seen.add(key);
    const who = `responder "${formatName(cert.subject)}"`;
    const sig = await verify(cert);
    if (sig) {
      problems.push(`${who}: ${sig}`);
      continue;
    }
    const delegation = await delegationProblem(cert, ca, basic.producedAt, provider);
    if (!delegation) return { ok: true, responder: cert, delegated: true };
    problems.push(`${who} is not authorised for this CA: ${delegation}`);
  }
  if (problems.length === 0)
    problems.push(`no certificate at hand matches the responder ID (${describeId(basic.responderId)})`);
  return { ok: false, reason: problems.join('; ') };
}
