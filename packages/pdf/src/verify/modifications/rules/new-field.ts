import { PdfRef } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import { type FieldNode, isVisible } from '../field-tree.js';

/** How the addition of a field was judged, for the widgets the page rule meets in /Annots. */
export interface Judged {
  kind: string;
  allowed: boolean;
}

/**
 * A field the signed revision did not have. Only signature fields may be added (with their widget,
 * appearance and signature dictionary, all new objects): a new signature, a document time-stamp, or
 * an empty field prepared for a later signer. After a certification signature a new *visible*
 * signature field is refused: its appearance could lay anything over the certified content (the
 * "sneaky signature" attack, Mainka et al. 2021), while an empty field the certifier laid out may
 * still be signed.
 */
export async function judgeNewField(
  cmp: Comparison,
  node: FieldNode,
  widgets: Map<number, Judged>,
): Promise<Judged> {
  let verdict: Judged;
  const value = node.dict.get('V');
  if (node.type !== 'Sig') verdict = { kind: 'field-added', allowed: false };
  else if (node.ref && !cmp.isNew(node.ref.num)) verdict = { kind: 'field-changed', allowed: false };
  else if (value !== undefined && !(value instanceof PdfRef && cmp.isNew(value.num)))
    // a new field whose value is a signature dictionary that already existed: a re-used signature
    verdict = { kind: 'signature-changed', allowed: false };
  else if (isVisible(node) && cmp.certified)
    verdict = { kind: 'visible-signature-added-after-certification', allowed: false };
  else {
    const sig = await cmp.after.dict(value);
    const kind = !sig
      ? 'signature-field-added'
      : sig.name('Type') === 'DocTimeStamp' && !isVisible(node)
        ? 'document-timestamp'
        : 'signature-added';
    verdict = { kind, allowed: true };
  }
  if (node.ref) {
    if (verdict.allowed) cmp.explain(node.ref.num, verdict.kind);
    else cmp.deny(node.ref.num, verdict.kind);
  }
  for (const w of node.widgets) {
    if (!w.ref) continue;
    // a widget that existed before is an old annotation re-purposed, never part of a new field
    const own = cmp.isNew(w.ref.num) ? verdict : { kind: 'annotation-changed', allowed: false };
    widgets.set(w.ref.num, own);
    if (!own.allowed) cmp.deny(w.ref.num, own.kind);
    if (!own.allowed) verdict = own;
  }
  await cmp.pullIn(node.dict, verdict.kind, verdict.allowed);
  return verdict;
}
