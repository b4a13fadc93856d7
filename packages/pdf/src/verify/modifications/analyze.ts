import type { PdfDocument } from '../../document/pdf-document.js';
import type { DocMdpPermission } from '../../signing/certification.js';
import { settleUnexplained } from './classify.js';
import { Comparison } from './comparison.js';
import { fieldTree } from './field-tree.js';
import { RevisionHistory } from './history.js';
import { FieldLocks, locksOfSignature } from './locks.js';
import { collectChanges } from './prepare.js';
import { judgeCatalog } from './rules/catalog.js';
import { judgeDss } from './rules/dss.js';
import { judgeForm } from './rules/form.js';
import { judgeMetadata } from './rules/metadata.js';
import type { Judged } from './rules/new-field.js';
import { judgePages } from './rules/pages.js';
import { judgeStructure } from './rules/structure.js';
import { hasUnsignedUpdate } from './trailing.js';
import type { Modification, ModificationAnalysis, SignedRevision } from './types.js';

/*
 * The rules (DESIGN.md; ISO 32000-2 §12.8.2.2; ETSI EN 319 142-1 §5.4), each in its own file:
 * - prepare: what a revision changes; freeing a signed object, a new generation, filling in a
 *   reference the signed revision already made (planted in advance) are refused outright.
 * - rules/catalog: only /AcroForm, /DSS, /Metadata (judged below), /Extensions and /Version change.
 * - rules/form: signature fields may be added (visible ones not after a certification: the sneaky
 *   signature attack) and empty ones signed; other fields filled in (value with appearance) where
 *   DocMDP allows form filling and no FieldMDP lock covers them; nothing removed.
 * - rules/pages: a page may only gain annotations (new widgets of new signature fields; other new
 *   annotations where annotations are allowed, each named in ANNOTATION_ADDED).
 * - rules/dss, rules/metadata, rules/structure: the DSS and VRI; /Info and XMP as signers write them;
 *   tagging of what was added.
 * - Everywhere: an existing object is rewritten only in the role the rule approves and only if, in
 *   the signed revision, nothing else used it (shared objects are how shadow attacks are planted).
 * - classify: everything else is disallowed, named by what the object was; new objects nothing
 *   reaches are debris, allowed.
 * DocMDP P=1 allows only the DSS and document time-stamps (PAdES lets long-term validation data in
 * whatever DocMDP says; the metadata a writer updates with them rides along).
 */

/**
 * The FieldMDP locks in force for a signature: its own and those of every signature before it, each
 * read as it was when signed (a lock removed later is still in force).
 */
async function locksFor(
  history: RevisionHistory,
  target: SignedRevision,
  all: readonly SignedRevision[],
): Promise<FieldLocks> {
  const locks = [];
  for (const s of all) {
    if (s.revision <= 0 || s.revision > target.revision) continue;
    const view = history.view(s.revision);
    const num = s.signatureObject ? Number(s.signatureObject.split(' ')[0]) : undefined;
    const signature = num === undefined ? undefined : await view.dict(await view.get(num));
    const field = (await fieldTree(view)).fields.get(s.field)?.dict;
    locks.push(...(await locksOfSignature(view, signature, field)));
  }
  return new FieldLocks(locks);
}

/** One later revision against the signed one: the rules, then deny by default. */
async function compare(cmp: Comparison): Promise<void> {
  await collectChanges(cmp);
  if (cmp.pending.size === 0) return;
  const catalog = await judgeCatalog(cmp);
  const form = await judgeForm(cmp, catalog);
  await judgePages(cmp, form.newWidgets);
  const dss = await judgeDss(cmp, catalog);
  const metadata = await judgeMetadata(cmp, catalog);
  await judgeStructure(cmp);
  if (catalog.root !== undefined) {
    // the catalog carries what changed in it: the first refusal, else the first allowed change
    const reasons: Judged[] = [];
    if (catalog.keys.has('AcroForm') && form.kind) reasons.push({ kind: form.kind, allowed: !form.denied });
    if (catalog.keys.has('DSS') && dss) reasons.push(dss);
    if (catalog.keys.has('Metadata') && metadata) reasons.push(metadata);
    if (catalog.descriptive) reasons.push({ kind: 'catalog-extensions', allowed: true });
    const refusal = reasons.find((r) => !r.allowed);
    if (refusal) cmp.deny(catalog.root, refusal.kind);
    else if (reasons[0]) cmp.explain(catalog.root, reasons[0].kind);
  }
  await settleUnexplained(cmp);
}

/**
 * Compares every revision after a signature's with the one it signed (ISO 32000-2 §12.8.2.2,
 * DESIGN.md): deny by default, each change classified and judged under the DocMDP permission in
 * force (P=3 when no certification signature precedes it) and the FieldMDP locks of this and every
 * earlier signature. Only the objects later revisions define are compared, each against its
 * version in the signed revision.
 */
export async function analyzeModifications(
  doc: PdfDocument,
  target: SignedRevision,
  all: readonly SignedRevision[],
  docMdp: DocMdpPermission | undefined,
): Promise<ModificationAnalysis> {
  const history = RevisionHistory.of(doc);
  const last = history.last;
  const trailing = await hasUnsignedUpdate(doc);
  if (target.revision === 0 || (target.revision >= last && !trailing))
    return { modificationsAfter: 'none', modifications: [], warnings: [] };
  const certification = all.find((s) => s.isCertification && s.revision > 0);
  // locks that cannot be read cannot be shown absent: every field counts as locked
  const locks = await locksFor(history, target, all).catch(() => new FieldLocks([{ action: 'All' }]));
  const modifications: Modification[] = [];
  const warnings: { code: string; detail: string }[] = [];
  for (let n = target.revision + 1; n <= last; n++) {
    const certified = certification !== undefined && certification.revision < n;
    const permission: DocMdpPermission = certified ? (docMdp ?? 2) : 3;
    const cmp = new Comparison(history, target.revision, n, permission, certified, locks);
    try {
      await compare(cmp);
    } catch {
      // a revision that cannot be read through cannot be shown harmless
      for (const num of history.changedIn(n).keys()) if (num !== 0) cmp.pending.add(num);
      for (const num of cmp.pending) cmp.deny(num, 'unreadable');
    }
    const result = cmp.result();
    modifications.push(...result.modifications);
    warnings.push(...result.warnings);
  }
  if (trailing)
    // bytes after the last revision that only a repairing reader would take as an update
    modifications.push({ revision: last + 1, kind: 'unsigned-update', objects: [], allowed: false });
  const disallowed = modifications.some((m) => !m.allowed);
  return {
    modificationsAfter: disallowed ? 'disallowed' : target.revision < last ? 'allowed' : 'none',
    modifications,
    warnings,
  };
}
