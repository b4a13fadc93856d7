import type { PdfDocument } from '../document/pdf-document.js';
import { type FieldInfo, listFields } from '../fields/field-tree.js';
import { isDict, type PdfDict, PdfRef, PdfString } from '../syntax/objects.js';

/** A signature dictionary found as the value of a signature field in the final revision. */
export interface SignatureEntry {
  field: FieldInfo;
  /** The signature dictionary's reference (undefined when it is direct in the field). */
  ref: PdfRef | undefined;
  dict: PdfDict;
  /** /Type /Sig or /DocTimeStamp (absent /Type is read as /Sig). */
  type: 'Sig' | 'DocTimeStamp';
  subFilter: string | undefined;
  /** /ByteRange as written, when it is an array of numbers. */
  byteRange: number[] | undefined;
  /** /Contents string bytes (the CMS, usually followed by zero padding). */
  contents: Uint8Array | undefined;
}

/**
 * Every signature value of the document's signature fields, in file order of their byte ranges
 * (signing order), document time-stamps included. Orphaned signature dictionaries and usage-rights
 * signatures are not field values, so they are not listed (DESIGN.md).
 */
export async function listSignatures(doc: PdfDocument): Promise<SignatureEntry[]> {
  const catalog = await doc.catalog();
  const fields = await listFields(doc, await doc.dict(catalog.get('AcroForm')));
  const out: SignatureEntry[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    if (field.type !== 'Sig') continue;
    const v = field.dict.get('V');
    const ref = v instanceof PdfRef ? v : undefined;
    if (ref) {
      if (seen.has(ref.key)) continue;
      seen.add(ref.key);
    }
    const dict = await doc.resolve(v);
    if (!isDict(dict)) continue;
    const br = await doc.resolve(dict.get('ByteRange'));
    const contents = await doc.resolve(dict.get('Contents'));
    out.push({
      field,
      ref,
      dict,
      type: dict.name('Type') === 'DocTimeStamp' ? 'DocTimeStamp' : 'Sig',
      subFilter: dict.name('SubFilter'),
      byteRange: Array.isArray(br) && br.every((n) => typeof n === 'number') ? (br as number[]) : undefined,
      contents: contents instanceof PdfString ? contents.bytes : undefined,
    });
  }
  return out.sort(
    (a, b) => (a.byteRange?.[2] ?? Number.MAX_SAFE_INTEGER) - (b.byteRange?.[2] ?? Number.MAX_SAFE_INTEGER),
  );
}
