import type { ObjectStore } from '../../document/object-store.js';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from '../../syntax/objects.js';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether two direct values are the same PDF value: references by number and generation (what they
 * point to is judged on its own), strings by bytes, streams by dictionary (without /Length) and
 * encoded data.
 */
export async function sameValue(
  a: PdfObject | undefined,
  b: PdfObject | undefined,
  store: ObjectStore,
): Promise<boolean> {
  if (a === undefined || b === undefined) return a === b;
  if (a === null || typeof a !== 'object') return a === b;
  if (a instanceof PdfName) return a === b;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString) return b instanceof PdfString && sameBytes(a.bytes, b.bytes);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!(await sameValue(a[i], b[i], store))) return false;
    return true;
  }
  if (a instanceof PdfDict) return b instanceof PdfDict && sameDict(a, b, store, []);
  if (a instanceof PdfStream) {
    if (!(b instanceof PdfStream) || !(await sameDict(a.dict, b.dict, store, ['Length']))) return false;
    const [x, y] = await Promise.all([store.rawData(a), store.rawData(b)]);
    return sameBytes(x, y);
  }
  return false;
}

/** The keys whose values differ between two dictionaries (present in one only, or different). */
export async function changedKeys(a: PdfDict, b: PdfDict, store: ObjectStore): Promise<string[]> {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()]))
    if (!(await sameValue(a.get(k), b.get(k), store))) out.push(k);
  return out;
}

async function sameDict(a: PdfDict, b: PdfDict, store: ObjectStore, ignore: string[]): Promise<boolean> {
  const keys = (d: PdfDict) => d.keys().filter((k) => !ignore.includes(k));
  const ka = keys(a);
  if (ka.length !== keys(b).length) return false;
  for (const k of ka) if (!b.has(k) || !(await sameValue(a.get(k), b.get(k), store))) return false;
  return true;
}
