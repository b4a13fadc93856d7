import { isDict, type PdfObject, PdfStream } from '../../syntax/objects.js';
import type { Comparison } from './comparison.js';
import { referencesIn } from './references.js';

const BY_TYPE: Readonly<Record<string, string>> = {
  Catalog: 'catalog',
  Page: 'page',
  Pages: 'page-tree',
  Font: 'font',
  FontDescriptor: 'font',
  XObject: 'xobject',
  Annot: 'annotation-changed',
  Sig: 'signature-changed',
  DocTimeStamp: 'signature-changed',
  ExtGState: 'page-resources',
  Pattern: 'page-resources',
};

/** What an object that existed played in the signed revision, from its type and from who used it. */
async function roleOf(cmp: Comparison, num: number): Promise<string> {
  if (num === cmp.before.rootRef?.num) return 'catalog';
  let old: PdfObject = null;
  try {
    old = await cmp.before.get(num);
  } catch {
    // unreadable before: judged by who used it
  }
  const dict = old instanceof PdfStream ? old.dict : isDict(old) ? old : undefined;
  const byType = BY_TYPE[dict?.name('Type') ?? ''];
  if (byType) return byType;
  const subtype = dict?.name('Subtype');
  if (old instanceof PdfStream && (subtype === 'Image' || subtype === 'Form')) return 'xobject';
  if (dict?.has('FT')) return 'field-changed';
  for (const r of await cmp.history.referrers(num, cmp.signed)) {
    const path = r.path;
    if (path === 'Contents') return 'page-content';
    if (/(^|\/)(Font|FontFile\d?|FontDescriptor|DescendantFonts|ToUnicode|Encoding)(\/|$)/.test(path))
      return 'font';
    if (/(^|\/)XObject(\/|$)/.test(path)) return 'xobject';
    if (path.startsWith('Resources')) return 'page-resources';
    if (path === 'Kids' || path === 'Pages') return 'page-tree';
    if (path.startsWith('AP')) return 'appearance-changed';
    if (path === 'Annots') return 'annotation-changed';
    if (path === 'V' || path === 'Fields') return 'field-changed';
  }
  return 'object-changed';
}

/**
 * The objects made after signing that the document can reach: from the trailer and from every
 * object rewritten since, through objects made or rewritten since (pyHanko finds orphans the same
 * way). Objects that did not change cannot name new ones (a name planted in advance is refused as
 * a dangling reference).
 */
async function reachable(cmp: Comparison): Promise<Set<number>> {
  const changedSince = (num: number) => cmp.history.versionAt(num, cmp.revision) > cmp.signed;
  const seen = new Set<number>();
  const stack: number[] = referencesIn(cmp.after.trailer).map((r) => r.num);
  for (let k = cmp.signed + 1; k <= cmp.revision; k++)
    for (const num of cmp.history.changedIn(k).keys())
      if (!cmp.isNew(num) && changedSince(num)) stack.push(num);
  while (stack.length > 0) {
    const num = stack.pop()!;
    if (seen.has(num) || !changedSince(num)) continue;
    seen.add(num);
    try {
      for (const r of referencesIn(await cmp.after.get(num))) stack.push(r.num);
    } catch {
      // unreadable: refers to nothing
    }
  }
  return seen;
}

/**
 * Deny by default: every change no rule explained is disallowed, named by what the object was.
 * The one exception is a new object the document cannot reach (writers leave such debris): it
 * cannot change what the document shows, and a later revision that starts using it is judged then.
 */
export async function settleUnexplained(cmp: Comparison): Promise<void> {
  let reach: Set<number> | undefined;
  for (const num of cmp.pending) {
    if (cmp.verdict(num)) continue;
    if (cmp.isNew(num)) {
      reach ??= await reachable(cmp);
      if (reach.has(num)) cmp.deny(num, 'object-added');
      else cmp.explain(num, 'unused-object');
    } else cmp.deny(num, await roleOf(cmp, num));
  }
}
