import type { XrefEntry } from '../../document/xref-types.js';
import { type PdfObject, PdfStream } from '../../syntax/objects.js';
import type { Comparison } from './comparison.js';
import { sameValue } from './same.js';

function sameEntry(a: XrefEntry, b: XrefEntry): boolean {
  if (a.type === 'offset' && b.type === 'offset') return a.offset === b.offset && a.gen === b.gen;
  if (a.type === 'compressed' && b.type === 'compressed') return a.stream === b.stream && a.index === b.index;
  return false;
}

/** A new cross-reference or object stream: file structure, not document content. */
function isStructure(value: PdfObject): boolean {
  if (!(value instanceof PdfStream)) return false;
  const type = value.dict.name('Type');
  return type === 'XRef' || type === 'ObjStm';
}

/**
 * What revision `n` changes: every object its cross-reference sections define, less entries that
 * repeat the signed revision's, objects rewritten identically, and new cross-reference and object
 * streams (their objects are judged one by one). Freeing an object the signature covered, or
 * redefining it under a new generation without freeing it, is disallowed outright; so is defining an
 * object the signed revision already referred to (a dangling reference planted in advance and filled
 * in after signing).
 */
export async function collectChanges(cmp: Comparison): Promise<void> {
  const before = cmp.before;
  for (const [num, entry] of cmp.history.changedIn(cmp.revision)) {
    if (num === 0) continue;
    const old = before.entries.get(num);
    const existed = before.has(num);
    if (entry.type === 'free') {
      if (existed) {
        cmp.pending.add(num);
        cmp.track(num, before.key(num));
        cmp.deny(num, 'object-freed');
      }
      continue;
    }
    if (old && existed && sameEntry(old, entry)) continue;
    let value: PdfObject;
    try {
      value = await cmp.after.get(num);
    } catch {
      cmp.pending.add(num);
      cmp.deny(num, existed ? 'object-changed' : 'object-added');
      continue;
    }
    if (existed) {
      const newGen = entry.type === 'compressed' ? 0 : entry.gen;
      if (newGen !== before.generation(num)) {
        cmp.pending.add(num);
        cmp.deny(num, 'object-redefined');
        continue;
      }
      try {
        if (await sameValue(await before.get(num), value, before.store)) continue;
      } catch {
        // the old version cannot be read: a change like any other
      }
    } else if (isStructure(value)) continue;
    cmp.pending.add(num);
  }
  for (const num of cmp.pending) {
    if (!cmp.isNew(num) || cmp.verdict(num)) continue;
    // the trailer's own extras (LibreOffice's /AdditionalStreams names the next free number) show nothing
    const users = (await cmp.history.referrers(num, cmp.signed)).filter((r) => r.from >= 0);
    if (users.length > 0) cmp.deny(num, 'dangling-reference');
  }
  const oldEncrypt = before.trailer.get('Encrypt');
  const newEncrypt = cmp.after.trailer.get('Encrypt');
  if (!(await sameValue(oldEncrypt, newEncrypt, before.store))) {
    // said once, in the revision that made the change
    const previous = cmp.history.view(cmp.revision - 1).trailer.get('Encrypt');
    if (!(await sameValue(previous, newEncrypt, before.store))) cmp.denyTrailer('encryption');
  }
}
