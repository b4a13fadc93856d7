import { equalBytes } from '../bytes/bytes.js';
import type { DigestAlgorithm } from '../crypto/digest.js';
import { signatureAlgorithm } from '../crypto/signature-algorithm.js';
import type { Certificate } from '../x509/certificate.js';
import { formatName } from '../x509/name.js';

/** What to do with SHA-1 digests and RSA keys under 2048 bits (DESIGN.md). */
export type WeakAlgorithmPolicy = 'reject' | 'accept';

/** After these dates a weak algorithm proves nothing without an earlier proof of existence. */
export const SUNSET = {
  'SHA-1': new Date('2016-01-01T00:00:00Z'),
  'RSA-1024': new Date('2014-01-01T00:00:00Z'),
} as const;

export interface WeakFinding {
  code: 'WEAK_ALGORITHM';
  detail: string;
  sunset: Date;
}

export function digestWeakness(digest: DigestAlgorithm | undefined, what = 'the signature'): WeakFinding[] {
  return digest === 'SHA-1'
    ? [{ code: 'WEAK_ALGORITHM', detail: `${what} uses SHA-1`, sunset: SUNSET['SHA-1'] }]
    : [];
}

/** SHA-1 certificate signatures (the anchor's own self-signature aside) and RSA keys under 2048 bits. */
export function pathWeaknesses(
  chain: readonly Certificate[],
  anchor: Certificate | undefined,
): WeakFinding[] {
  const out: WeakFinding[] = [];
  for (const cert of chain) {
    const isAnchor = anchor !== undefined && equalBytes(cert.der, anchor.der);
    const alg = signatureAlgorithm(cert.signatureAlgorithm);
    if (!isAnchor && alg?.hash === 'SHA-1') {
      out.push({
        code: 'WEAK_ALGORITHM',
        detail: `${formatName(cert.subject)} is signed with ${alg.name}`,
        sunset: SUNSET['SHA-1'],
      });
    }
    if (cert.publicKey?.kind === 'RSA' && cert.publicKey.bits < 2048) {
      out.push({
        code: 'WEAK_ALGORITHM',
        detail: `${formatName(cert.subject)} has a ${cert.publicKey.bits}-bit RSA key`,
        sunset: SUNSET['RSA-1024'],
      });
    }
  }
  return out;
}
