import type { PdfDocument } from '../document/pdf-document.js';
import { structureError } from '../document/structure-error.js';
import { isDict, type PdfDict, type PdfObject, PdfRef, PdfString } from '../syntax/objects.js';
import { decodeTextString } from '../syntax/text-string.js';

export interface FieldInfo {
  /** Fully qualified name (partial names joined by "."). */
  name: string;
  ref: PdfRef | undefined;
  dict: PdfDict;
  /** /FT, inherited from ancestors. */
  type: string | undefined;
  /** Widget annotations of the field (the field itself when merged). */
  widgets: { ref: PdfRef | undefined; dict: PdfDict }[];
  parent?: FieldInfo;
}

const MAX_FIELDS = 100_000;

/** Every terminal field of the AcroForm, with its full name (ISO 32000-2 §12.7.4). */
export async function listFields(doc: PdfDocument, acroForm: PdfDict | undefined): Promise<FieldInfo[]> {
  if (!acroForm) return [];
  const roots = await doc.resolve(acroForm.get('Fields'));
  if (!Array.isArray(roots)) return [];
  const out: FieldInfo[] = [];
  const seen = new Set<string>();
  const walk = async (
    item: PdfObject,
    parentName: string,
    inheritedType: string | undefined,
    parent: FieldInfo | undefined,
    depth: number,
  ): Promise<void> => {
    if (depth > 32 || out.length > MAX_FIELDS)
      throw structureError('the form field tree is too deep or too large');
    const ref = item instanceof PdfRef ? item : undefined;
    if (ref) {
      if (seen.has(ref.key)) return;
      seen.add(ref.key);
    }
    const dict = await doc.resolve(item);
    if (!isDict(dict)) return;
    const t = dict.get('T');
    const partial = t instanceof PdfString ? decodeTextString(t.bytes) : undefined;
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const type = dict.name('FT') ?? inheritedType;
    const kids = await doc.resolve(dict.get('Kids'));
    const info: FieldInfo = { name, ref, dict, type, widgets: [], ...(parent ? { parent } : {}) };
    const fieldKids: PdfObject[] = [];
    if (Array.isArray(kids)) {
      for (const kid of kids) {
        const k = await doc.resolve(kid);
        // a kid without /T is a widget of this field; a kid with /T is a field of its own
        if (isDict(k) && !k.has('T') && (k.name('Subtype') === 'Widget' || k.has('Rect'))) {
          info.widgets.push({ ref: kid instanceof PdfRef ? kid : undefined, dict: k });
        } else fieldKids.push(kid);
      }
    }
    if (dict.name('Subtype') === 'Widget') info.widgets.push({ ref, dict });
    if (fieldKids.length === 0 || info.widgets.length > 0) out.push(info);
    for (const kid of fieldKids) await walk(kid, name, type, info, depth + 1);
  };
  for (const root of roots) await walk(root, '', undefined, undefined, 0);
  return out;
}
