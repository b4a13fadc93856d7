import type { PdfDocument } from '../../document/pdf-document.js';
import type { DocMdpPermission } from '../../signing/certification.js';
import type { Modification, ModificationAnalysis, SignedRevision } from './types.js';

/**
 * Deny by default: every object a later revision defines is a change to the signed document unless
 * a rule below recognises it as allowed.
 */
export async function analyzeModifications(
  doc: PdfDocument,
  target: SignedRevision,
  all: readonly SignedRevision[],
  _docMdp: DocMdpPermission | undefined,
): Promise<ModificationAnalysis> {
  const last = doc.revisions.at(-1)?.number ?? 0;
  if (target.revision === 0 || target.revision >= last)
    return { modificationsAfter: 'none', modifications: [], warnings: [] };
  const laterSignatures = new Set(
    all.filter((s) => s.revision > target.revision && s.signatureObject).map((s) => s.signatureObject!),
  );
  const modifications: Modification[] = [];
  for (const r of doc.revisions) {
    if (r.number <= target.revision) continue;
    const allowed: string[] = [];
    const other: string[] = [];
    for (const [num, entry] of r.section.entries) {
      if (num === 0) continue;
      const key = `${num} ${entry.type === 'offset' || entry.type === 'free' ? entry.gen : 0}`;
      (laterSignatures.has(key) ? allowed : other).push(key);
    }
    if (allowed.length)
      modifications.push({ revision: r.number, kind: 'signature-added', objects: allowed, allowed: true });
    if (other.length)
      modifications.push({ revision: r.number, kind: 'object-changed', objects: other, allowed: false });
  }
  const disallowed = modifications.some((m) => !m.allowed);
  return {
    modificationsAfter: disallowed ? 'disallowed' : modifications.length ? 'allowed' : 'none',
    modifications,
    warnings: [],
  };
}
