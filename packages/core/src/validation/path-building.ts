import { equalBytes } from '../bytes/bytes.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { signatureAlgorithm } from '../crypto/signature-algorithm.js';
import { verifySignature } from '../crypto/verify.js';
import { type Certificate, parseCertificate } from '../x509/certificate.js';
import { formatName, sameName } from '../x509/name.js';

/** A candidate path, leaf first; `anchored` when its last certificate is a trust anchor. */
export interface CandidatePath {
  chain: Certificate[];
  anchored: boolean;
}

export interface BuildOptions {
  anchors: readonly Certificate[];
  /** Certificates at hand (the CMS, a DSS, known intermediates), order irrelevant, extras ignored. */
  pool: readonly Certificate[];
  provider: CryptoProvider;
  /** Fetches a missing issuer (AIA caIssuers), when online. */
  fetchIssuer?: (cert: Certificate) => Promise<Certificate[]>;
  maxDepth?: number;
}

function namesMatch(subject: Certificate, issuerOf: Certificate): boolean {
  // Byte equality first (signers copy names); RFC 4514 text equality covers re-encoded but equal names.
  return (
    sameName(subject.subject, issuerOf.issuer) ||
    formatName(subject.subject).toLowerCase() === formatName(issuerOf.issuer).toLowerCase()
  );
}

function keyIdsAgree(issuer: Certificate, cert: Certificate): boolean {
  return !cert.authorityKeyId || !issuer.subjectKeyId || equalBytes(cert.authorityKeyId, issuer.subjectKeyId);
}

function isAnchor(cert: Certificate, anchors: readonly Certificate[]): boolean {
  return anchors.some(
    (a) =>
      equalBytes(a.der, cert.der) || (sameName(a.subject, cert.subject) && equalBytes(a.spki, cert.spki)),
  );
}

type Memo = Map<Certificate, Map<Certificate, Promise<boolean>>>;

/** Whether `issuer`'s key verifies `cert`'s signature (memoised per pair). */
async function signs(
  issuer: Certificate,
  cert: Certificate,
  provider: CryptoProvider,
  memo: Memo,
): Promise<boolean> {
  let byIssuer = memo.get(cert);
  if (!byIssuer) {
    byIssuer = new Map();
    memo.set(cert, byIssuer);
  }
  let result = byIssuer.get(issuer);
  if (!result) {
    const alg = signatureAlgorithm(cert.signatureAlgorithm);
    result =
      alg?.hash && issuer.publicKey
        ? verifySignature(
            {
              key: issuer.publicKey,
              algorithm: alg,
              hash: alg.hash,
              signature: cert.signature,
              data: cert.tbs,
            },
            provider,
          ).catch(() => false)
        : Promise.resolve(false);
    byIssuer.set(issuer, result);
  }
  return result;
}

/**
 * Builds certification paths from a leaf to the anchors, order-independent: issuers are matched by
 * name and key identifier, then proven by signature, so a look-alike CA (same name, other key) never
 * completes a path. Anchored paths come first; unanchored ones are kept to report how far it got.
 */
export async function buildPaths(leaf: Certificate, options: BuildOptions): Promise<CandidatePath[]> {
  const maxDepth = options.maxDepth ?? 10;
  const memo: Memo = new Map();
  const candidates = [...options.anchors, ...options.pool];
  const fetched = new Set<string>();
  const anchored: CandidatePath[] = [];
  const partial: CandidatePath[] = [];

  const extend = async (chain: Certificate[]): Promise<void> => {
    const last = chain.at(-1)!;
    if (isAnchor(last, options.anchors)) {
      anchored.push({ chain, anchored: true });
      return;
    }
    if (chain.length > maxDepth || last.selfIssued) {
      partial.push({ chain, anchored: false });
      return;
    }
    let issuers = candidates.filter(
      (c) => namesMatch(c, last) && keyIdsAgree(c, last) && !chain.some((x) => equalBytes(x.der, c.der)),
    );
    if (issuers.length === 0 && options.fetchIssuer && !fetched.has(last.serialHex)) {
      fetched.add(last.serialHex);
      const more = await options.fetchIssuer(last).catch(() => []);
      candidates.push(...more);
      issuers = more.filter((c) => namesMatch(c, last) && keyIdsAgree(c, last));
    }
    let extended = false;
    for (const issuer of issuers) {
      if (await signs(issuer, last, options.provider, memo)) {
        extended = true;
        await extend([...chain, issuer]);
      }
    }
    if (!extended) partial.push({ chain, anchored: false });
  };
  await extend([leaf]);
  partial.sort((a, b) => b.chain.length - a.chain.length);
  return [...anchored, ...partial];
}

/** Parses certificates, skipping any that do not parse (a stray blob in a DSS must not stop validation). */
export function parseAll(ders: readonly Uint8Array[]): Certificate[] {
  const out: Certificate[] = [];
  for (const der of ders) {
    try {
      out.push(parseCertificate(der));
    } catch {
      // ignored: reported by whoever supplied it, if it matters
    }
  }
  return out;
}
