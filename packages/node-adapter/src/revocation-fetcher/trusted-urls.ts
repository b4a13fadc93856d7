import { type Certificate, type CryptoProvider, validatePath } from '@kyso/core';
import { normalUrl } from './url-allowlist.js';

export type RevocationKind = 'ocsp' | 'crl';

function urlsOf(cert: Certificate, kind: RevocationKind): string[] {
  return (kind === 'ocsp' ? cert.ocspUrls : cert.crlUrls).flatMap((u) => normalUrl(u) ?? []);
}

/**
 * Whether `cert` chains to an anchor: issuers proven by signature, CA flags, key usage and path lengths
 * as RFC 5280 has them. Validity periods are the one thing not required today — revocation data is
 * also wanted for signatures made years ago — but the path must have been valid at some instant (when
 * every certificate in it was), which is where it is checked when today fails on dates alone.
 */
async function chainsToAnchor(
  cert: Certificate,
  pool: readonly Certificate[],
  anchors: readonly Certificate[],
  provider: CryptoProvider,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const at = (time: Date) =>
    validatePath(cert, { anchors, pool, time, usage: 'any', provider, ...(signal ? { signal } : {}) });
  const today = await at(new Date());
  if (today.indication === 'TOTAL_PASSED') return true;
  if (!today.anchor || !today.errors.every((e) => e.code === 'CERTIFICATE_OUT_OF_VALIDITY')) return false;
  const path = today.chain.slice(0, -1);
  const from = Math.max(...path.map((c) => c.notBefore.getTime()));
  const to = Math.min(...path.map((c) => c.notAfter.getTime()));
  if (from > to) return false;
  return (await at(new Date(from))).indication === 'TOTAL_PASSED';
}

/**
 * Whether a revocation URL comes from a trusted CA: named (as an OCSP responder or a CRL distribution
 * point, as `kind` says) by a configured anchor, or by one of the client's certificates that chains to
 * an anchor. A certificate the client made up names what it likes, but does not chain.
 */
export async function namedByTrustedCertificate(
  url: string,
  kind: RevocationKind,
  certificates: readonly Certificate[],
  anchors: readonly Certificate[],
  provider: CryptoProvider,
  signal?: AbortSignal,
): Promise<boolean> {
  if (anchors.some((anchor) => urlsOf(anchor, kind).includes(url))) return true;
  for (const cert of certificates) {
    if (!urlsOf(cert, kind).includes(url)) continue;
    if (await chainsToAnchor(cert, certificates, anchors, provider, signal)) return true;
  }
  return false;
}
