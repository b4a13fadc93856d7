import { isDict, type PdfDict, type PdfObject, PdfRef } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import { changedKeys } from '../same.js';
import type { RevisionView } from '../view.js';

const KIND = 'structure-tree';
/** What a signer tagging its widget changes in the structure tree root. */
const ROOT_KEYS = new Set(['K', 'ParentTree', 'ParentTreeNextKey']);
const MAX_DEPTH = 32;

/** The items of a /K entry (one item or an array). */
async function kids(view: RevisionView, value: PdfObject | undefined): Promise<PdfObject[]> {
  const v = await view.resolve(value);
  if (v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The parent tree (a number tree, §7.9.7) flattened: key → the numbers of the elements it names. */
async function numberTree(
  view: RevisionView,
  value: PdfObject | undefined,
  nodes: Set<number>,
): Promise<Map<number, string> | undefined> {
  const out = new Map<number, string>();
  const seen = new Set<number>();
  const walk = async (v: PdfObject | undefined, depth: number): Promise<boolean> => {
    if (depth > MAX_DEPTH) return false;
    if (v instanceof PdfRef) {
      if (seen.has(v.num)) return false;
      seen.add(v.num);
      nodes.add(v.num);
    }
    const node = await view.resolve(v);
    if (!isDict(node)) return node === null;
    const nums = await view.resolve(node.get('Nums'));
    if (Array.isArray(nums))
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const key = nums[i];
        const entry = nums[i + 1];
        if (typeof key !== 'number') return false;
        const resolved = await view.resolve(entry);
        if (entry instanceof PdfRef && Array.isArray(resolved)) nodes.add(entry.num);
        // an entry names one element, or an array of them (one per marked-content id)
        const items = Array.isArray(resolved) ? resolved : [entry];
        out.set(key, items.map((x) => (x instanceof PdfRef ? x.num : 'direct')).join(' '));
      }
    const children = await view.resolve(node.get('Kids'));
    if (Array.isArray(children)) for (const c of children) if (!(await walk(c, depth + 1))) return false;
    return true;
  };
  return (await walk(value, 0)) ? out : undefined;
}

/**
 * A structure element added since signing may only tag things added since signing: other new
 * elements, or annotations (OBJR) this revision was allowed to add. Marked content (an MCID, an
 * MCR) would claim existing page content, and its /ActualText could then change what the page reads
 * as (a shadow attack on text extraction and screen readers).
 */
async function newElement(
  cmp: Comparison,
  item: PdfObject,
  depth: number,
  elements: Set<number>,
): Promise<boolean> {
  if (depth > MAX_DEPTH) return false;
  if (item instanceof PdfRef) {
    if (!cmp.isNew(item.num)) return false;
    if (elements.has(item.num)) return true;
    elements.add(item.num);
  }
  const dict = await cmp.after.resolve(item);
  if (!isDict(dict)) return false; // an MCID: marked content of a page
  if (dict.name('Type') === 'OBJR') return taggedAnnotation(cmp, dict);
  // a marked-content reference, or anything that is no structure element
  if (dict.name('Type') === 'MCR' || dict.has('MCID') || !dict.has('S')) return false;
  for (const k of await kids(cmp.after, dict.get('K'))) {
    if (!(await newElement(cmp, k, depth + 1, elements))) return false;
  }
  return true;
}

/** An object reference that tags an annotation allowed in this comparison. */
function taggedAnnotation(cmp: Comparison, objr: PdfDict): boolean {
  const target = objr.get('Obj');
  if (!(target instanceof PdfRef) || !cmp.isNew(target.num)) return false;
  // made here and judged by the form or page rules, or made earlier (judged then)
  const v = cmp.verdict(target.num);
  return v ? v.allowed : !cmp.changed(target.num);
}

/**
 * The logical structure (tagged PDF, ISO 32000-2 §14.7): signers that tag the widget they add
 * append a structure element for it, and a parent-tree entry. Allowed: the root's /K, /ParentTree
 * and /ParentTreeNextKey; existing elements whose /K only grows; new elements that tag only new
 * annotations; a parent tree that keeps every existing entry. Nothing else about the structure may
 * change (its /ActualText and /Alt are what assistive technology reads).
 */
export async function judgeStructure(cmp: Comparison): Promise<void> {
  const oldRoot = (await cmp.before.catalog())?.get('StructTreeRoot');
  const newRoot = (await cmp.after.catalog())?.get('StructTreeRoot');
  if (!(oldRoot instanceof PdfRef) || !(newRoot instanceof PdfRef) || oldRoot.num !== newRoot.num) return;
  const elements = new Set<number>();
  let ok = true;
  const approved: number[] = [];

  // existing elements whose /K grew
  for (const num of cmp.pending) {
    if (cmp.isNew(num) || cmp.verdict(num) || num === newRoot.num) continue;
    const [a, b] = [await cmp.before.get(num), await cmp.after.get(num)];
    // /Type is optional on structure elements: an /S and a /P make one
    if (!isDict(a) || !isDict(b) || (a.name('Type') !== 'StructElem' && !(a.has('S') && a.has('P'))))
      continue;
    if (!(await grewBy(cmp, a, b, elements))) return;
    approved.push(num);
  }

  // the root
  const oldNodes = new Set<number>();
  const newNodes = new Set<number>();
  if (cmp.changed(newRoot.num)) {
    const [a, b] = [await cmp.before.get(newRoot.num), await cmp.after.get(newRoot.num)];
    if (!isDict(a) || !isDict(b)) return;
    const keys = await changedKeys(a, b, cmp.after.store);
    if (keys.some((k) => !ROOT_KEYS.has(k))) return;
    if (keys.includes('K') && !(await grewBy(cmp, a, b, elements))) return;
    const [before, after] = [
      await numberTree(cmp.before, a.get('ParentTree'), oldNodes),
      await numberTree(cmp.after, b.get('ParentTree'), newNodes),
    ];
    if (!before || !after) return;
    for (const [key, value] of before) if (after.get(key) !== value) ok = false;
    for (const [key, value] of after) {
      if (before.has(key)) continue;
      // a new key names new elements only (those of the annotations added)
      for (const n of value.split(' ')) {
        const num = Number(n);
        if (!Number.isInteger(num) || !(await newElement(cmp, new PdfRef(num, 0), 0, elements))) ok = false;
      }
    }
    if (!ok) return;
    approved.push(newRoot.num);
  }
  for (const num of approved) cmp.explain(num, KIND);
  for (const num of elements) cmp.explain(num, KIND);
  const treeUsers = new Set([...oldNodes, newRoot.num]);
  for (const num of newNodes) {
    if (!cmp.changed(num)) continue;
    if (cmp.isNew(num) || (oldNodes.has(num) && (await cmp.onlyUsedBy(num, treeUsers))))
      cmp.explain(num, KIND);
  }
}

/** Whether an element's /K only grew, by new elements that tag new annotations, and nothing else changed. */
async function grewBy(cmp: Comparison, a: PdfDict, b: PdfDict, elements: Set<number>): Promise<boolean> {
  const keys = await changedKeys(a, b, cmp.after.store);
  if (keys.some((k) => k !== 'K' && !(a.name('Type') === 'StructTreeRoot' && ROOT_KEYS.has(k)))) return false;
  const [before, after] = [await kids(cmp.before, a.get('K')), await kids(cmp.after, b.get('K'))];
  const key = (x: PdfObject) => (x instanceof PdfRef ? `r${x.num}` : typeof x === 'number' ? `m${x}` : '?');
  const had = before.map(key);
  const has = after.map(key);
  if (had.includes('?')) return false;
  // the old items, in order, then additions
  let at = 0;
  for (const k of has) if (at < had.length && k === had[at]) at++;
  if (at < had.length) return false;
  for (const item of after) {
    if (had.includes(key(item))) continue;
    if (!(await newElement(cmp, item, 0, elements))) return false;
  }
  return true;
}
