import {
  isDict,
  type PdfDict,
  type PdfObject,
  PdfRef,
  PdfStream,
  PdfString,
} from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import type { RevisionView } from '../view.js';
import type { CatalogChange } from './catalog.js';
import type { Judged } from './new-field.js';

const DSS_KEYS = new Set(['Type', 'Certs', 'OCSPs', 'CRLs', 'VRI']);
const DSS_ARRAYS = ['Certs', 'OCSPs', 'CRLs'];
const VRI_KEYS = new Set(['Type', 'TU', 'TS', 'Cert', 'OCSP', 'CRL']);
const VRI_ARRAYS = ['Cert', 'OCSP', 'CRL'];

/** The objects a DSS is made of (ISO 32000-2 §12.8.4.3), and whether it has that shape at all. */
interface DssShape {
  /** Dictionaries and arrays: /DSS, /VRI, VRI entries, the arrays. */
  containers: Set<number>;
  /** The DER streams: certificates, OCSP responses, CRLs, VRI time-stamps. */
  streams: Set<number>;
  malformed: boolean;
}

async function shapeOf(view: RevisionView, value: PdfObject | undefined): Promise<DssShape> {
  const shape: DssShape = { containers: new Set(), streams: new Set(), malformed: false };
  if (value === undefined) return shape;
  const container = async (v: PdfObject | undefined): Promise<PdfObject> => {
    if (v instanceof PdfRef) shape.containers.add(v.num);
    return view.resolve(v);
  };
  const stream = async (v: PdfObject): Promise<void> => {
    if (!(v instanceof PdfRef) || !((await view.get(v.num)) instanceof PdfStream)) shape.malformed = true;
    else shape.streams.add(v.num);
  };
  const arrays = async (holder: PdfDict, keys: string[]) => {
    for (const key of keys) {
      if (!holder.has(key)) continue;
      const list = await container(holder.get(key));
      if (!Array.isArray(list)) shape.malformed = true;
      else for (const item of list) await stream(item);
    }
  };
  const dss = await container(value);
  if (dss === null) return shape; // a reference to nothing: no DSS (yet)
  if (!isDict(dss) || dss.keys().some((k) => !DSS_KEYS.has(k))) {
    shape.malformed = true;
    return shape;
  }
  await arrays(dss, DSS_ARRAYS);
  if (dss.has('VRI')) {
    const vri = await container(dss.get('VRI'));
    if (!isDict(vri)) shape.malformed = true;
    else
      for (const key of vri.keys()) {
        const entry = await container(vri.get(key));
        if (!isDict(entry) || entry.keys().some((k) => !VRI_KEYS.has(k))) {
          shape.malformed = true;
          continue;
        }
        await arrays(entry, VRI_ARRAYS);
        if (entry.has('TS')) await stream(entry.get('TS')!);
        const tu = entry.get('TU');
        if (tu !== undefined && !(tu instanceof PdfString)) shape.malformed = true;
      }
  }
  return shape;
}

/**
 * The document security store and its VRI (PAdES LTV, allowed whatever DocMDP says): a DSS with
 * only its own keys, arrays of DER streams, VRI entries of the standard shape. New streams are
 * taken; an existing DSS dictionary or array may be rewritten (merged, extended, even thinned — PAdES
 * lets validation data go) where, in the signed revision, it served the DSS alone. An existing object
 * rewritten as a DSS stream is not explained here (it is judged by what it was).
 */
export async function judgeDss(cmp: Comparison, catalog: CatalogChange): Promise<Judged | undefined> {
  const [oldCat, newCat] = [await cmp.before.catalog(), await cmp.after.catalog()];
  const [before, after] = await Promise.all([
    shapeOf(cmp.before, oldCat?.get('DSS')),
    shapeOf(cmp.after, newCat?.get('DSS')),
  ]);
  const mine = (n: number) =>
    before.containers.has(n) || before.streams.has(n) || after.containers.has(n) || after.streams.has(n);
  if (!catalog.keys.has('DSS') && ![...cmp.pending].some(mine)) return undefined;
  const verdict: Judged = { kind: 'dss', allowed: !after.malformed };
  const users = new Set(before.containers);
  if (catalog.root !== undefined) users.add(catalog.root);
  for (const num of after.containers) {
    if (!cmp.changed(num)) continue;
    if (!verdict.allowed) cmp.deny(num, 'dss');
    else if (cmp.isNew(num) || (before.containers.has(num) && (await cmp.onlyUsedBy(num, users))))
      cmp.explain(num, 'dss');
  }
  for (const num of after.streams) {
    if (!cmp.changed(num) || !cmp.isNew(num)) continue;
    if (verdict.allowed) cmp.explain(num, 'dss');
    else cmp.deny(num, 'dss');
    await cmp.pullIn(await cmp.after.get(num), 'dss', verdict.allowed);
  }
  return verdict;
}
