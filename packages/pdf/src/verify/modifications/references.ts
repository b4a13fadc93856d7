import { PdfDict, type PdfObject, PdfRef, PdfStream } from '../../syntax/objects.js';

/** One reference found inside an object, with the dictionary keys that lead to it ("Resources/Font/F1"). */
export interface OutgoingRef {
  num: number;
  gen: number;
  path: string;
}

const MAX_DEPTH = 64;

/** Every reference inside `value` (a stream's dictionary included), in a depth-first order. */
export function referencesIn(value: PdfObject): OutgoingRef[] {
  const out: OutgoingRef[] = [];
  const walk = (v: PdfObject, path: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (v instanceof PdfRef) out.push({ num: v.num, gen: v.gen, path });
    else if (Array.isArray(v)) for (const item of v) walk(item, path, depth + 1);
    else if (v instanceof PdfDict)
      for (const [k, item] of v.map) walk(item, path ? `${path}/${k}` : k, depth + 1);
    else if (v instanceof PdfStream) walk(v.dict, path, depth + 1);
  };
  walk(value, '', 0);
  return out;
}

/** The first key of a reference path ("Resources/Font/F1" → "Resources"). */
export function topKey(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
}
