import { isDict, type PdfDict, type PdfObject, PdfRef } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import { changedKeys, sameValue } from '../same.js';
import type { RevisionView } from '../view.js';
import type { Judged } from './new-field.js';

/** The kind of a change to a page dictionary entry other than /Annots. */
function pageKeyKind(key: string): string {
  if (key === 'Contents') return 'page-content';
  if (key === 'Resources') return 'page-resources';
  if (key === 'Parent' || key === 'Kids') return 'page-tree';
  return 'page';
}

async function annotationRefs(view: RevisionView, value: PdfObject | undefined): Promise<PdfObject[]> {
  const list = await view.resolve(value);
  return Array.isArray(list) ? list : [];
}

/**
 * Private keys producers stamp on page-tree nodes (iText 5 writes its version as /ITXT on the root
 * /Pages): no effect on any page.
 */
const PRODUCER_MARKS = new Set(['ITXT']);

/** A value that may have moved to another object but reads the same (a resource dictionary copied). */
async function sameResolved(
  cmp: Comparison,
  a: PdfObject | undefined,
  b: PdfObject | undefined,
): Promise<boolean> {
  if (a === undefined || b === undefined) return a === b;
  const [x, y] = [await cmp.before.resolve(a), await cmp.after.resolve(b)];
  return sameValue(x, y, cmp.after.store);
}

/** The pages whose dictionary or /Annots array this revision rewrites (found from the objects, not by walking the tree). */
async function touchedPages(cmp: Comparison): Promise<Set<number>> {
  const pages = new Set<number>();
  for (const num of cmp.pending) {
    if (cmp.isNew(num)) continue;
    let old: PdfObject;
    try {
      old = await cmp.before.get(num);
    } catch {
      continue;
    }
    if (isDict(old) && old.name('Type') === 'Pages') {
      const now = await cmp.after.get(num);
      if (isDict(now) && (await changedKeys(old, now, cmp.after.store)).every((k) => PRODUCER_MARKS.has(k)))
        cmp.explain(num, 'metadata');
    }
    if (isDict(old) && old.name('Type') === 'Page') pages.add(num);
    else if (Array.isArray(old))
      for (const r of await cmp.history.referrers(num, cmp.signed))
        if (r.path === 'Annots' && r.from >= 0) pages.add(r.from);
  }
  return pages;
}

/**
 * Pages may change only in /Annots, and only by growing: widgets of the signature fields this
 * revision adds, and — where annotations are allowed — new annotations, each named in an
 * ANNOTATION_ADDED warning. Removing or replacing an annotation, or any other change to a page
 * (contents, resources, boxes, its place in the tree), is disallowed; /Tabs (the annotations' tab
 * order) may change where annotations may.
 */
export async function judgePages(cmp: Comparison, newWidgets: Map<number, Judged>): Promise<void> {
  for (const page of await touchedPages(cmp)) await judgePage(cmp, page, newWidgets);
}

async function judgePage(cmp: Comparison, page: number, newWidgets: Map<number, Judged>): Promise<void> {
  const before = await cmp.before.get(page);
  const after = await cmp.after.get(page);
  if (!isDict(before)) return;
  if (!isDict(after) || after.name('Type') !== 'Page') {
    cmp.deny(page, 'page');
    return;
  }
  const verdicts: Judged[] = [];
  const copies: PdfObject[] = [];
  if (cmp.changed(page))
    for (const key of await changedKeys(before, after, cmp.after.store)) {
      if (key === 'Annots') continue;
      if (key === 'Tabs') verdicts.push({ kind: 'annotation-order', allowed: true });
      else if (await sameResolved(cmp, before.get(key), after.get(key))) copies.push(after.get(key)!);
      else verdicts.push({ kind: pageKeyKind(key), allowed: false });
    }
  const oldValue = before.get('Annots');
  const newValue = after.get('Annots');
  let holder = page;
  if (newValue instanceof PdfRef) {
    holder = newValue.num;
    const same = oldValue instanceof PdfRef && oldValue.num === newValue.num;
    // /Annots now naming an object that existed for something else
    if (!same && !cmp.isNew(newValue.num)) verdicts.push({ kind: 'page', allowed: false });
    // an /Annots array rewritten in place must have served as /Annots alone
    if (same && cmp.changed(holder)) {
      const refs = await cmp.history.referrers(holder, cmp.signed);
      if (!refs.every((r) => r.path === 'Annots')) holder = -1;
    }
  }
  const oldList = await annotationRefs(cmp.before, oldValue);
  const newList = await annotationRefs(cmp.after, newValue);
  const nums = (list: PdfObject[]) =>
    new Set(list.filter((x) => x instanceof PdfRef).map((x) => (x as PdfRef).num));
  const [had, has] = [nums(oldList), nums(newList)];
  if ([...had].some((n) => !has.has(n)) || newList.length < oldList.length)
    verdicts.push({ kind: 'annotation-removed', allowed: false });
  // annotations this revision adds name the change first; those of earlier revisions were judged there
  const earlier: Judged[] = [];
  for (const item of newList) {
    if (item instanceof PdfRef && had.has(item.num)) continue;
    const j = await judgeAdded(cmp, item, page, newWidgets);
    if (item instanceof PdfRef && !cmp.changed(item.num) && j.allowed) earlier.push(j);
    else verdicts.push(j);
  }
  verdicts.push(...earlier);
  if (verdicts.length === 0 && cmp.changed(holder))
    verdicts.push({ kind: 'annotation-order', allowed: true });
  const verdict =
    verdicts.find((v) => !v.allowed) ??
    verdicts[0] ??
    (copies.length > 0 ? { kind: 'page-resources-copied', allowed: true } : undefined);
  if (!verdict) return;
  for (const num of new Set([page, holder])) {
    if (num < 0) continue;
    if (verdict.allowed) cmp.explain(num, verdict.kind);
    else cmp.deny(num, verdict.kind);
  }
  // a value moved to a new object but unchanged (a signer re-writing the page's resources)
  for (const value of copies) await cmp.pullIn(value, verdict.kind, verdict.allowed);
}

async function judgeAdded(
  cmp: Comparison,
  item: PdfObject,
  page: number,
  newWidgets: Map<number, Judged>,
): Promise<Judged> {
  if (!(item instanceof PdfRef)) return { kind: 'annotation-added', allowed: false };
  const widget = newWidgets.get(item.num);
  if (widget) return widget;
  // an annotation that existed (on another page, or any old object) put on this page
  if (!cmp.isNew(item.num)) return { kind: 'annotation-changed', allowed: false };
  const dict: PdfDict | undefined = await cmp.after.dict(item);
  const subtype = dict?.name('Subtype');
  // a widget of no new field: a field's appearance multiplied, or a widget without its field
  const j: Judged =
    !dict || subtype === 'Widget'
      ? { kind: subtype === 'Widget' ? 'field-changed' : 'annotation-added', allowed: false }
      : { kind: 'annotation-added', allowed: true };
  if (j.allowed) cmp.explain(item.num, j.kind);
  else cmp.deny(item.num, j.kind);
  await cmp.pullIn(item, j.kind, j.allowed);
  if (j.allowed) {
    const at = await cmp.history.pageNumber(page);
    cmp.warn(
      item.num,
      'ANNOTATION_ADDED',
      `a ${subtype ?? 'untyped'} annotation (object ${item.num} ${item.gen}) was added to ${
        at === undefined ? `page object ${page}` : `page ${at}`
      }`,
    );
  }
  return j;
}
