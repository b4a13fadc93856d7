import { KysoError } from '@kyso/core';
import type { PdfDocument } from '../document/pdf-document.js';
import { name, PdfDict } from '../syntax/objects.js';
import { textString } from '../writer/incremental-update.js';

/** DocMDP permissions (ISO 32000-2 §12.8.2.2): 1 no changes, 2 form filling and signing, 3 also annotations. */
export type DocMdpPermission = 1 | 2 | 3;

/** The DocMDP level of the document's certification signature, if it has one. */
export async function docMdpPermission(doc: PdfDocument): Promise<DocMdpPermission | undefined> {
  const catalog = await doc.catalog();
  const perms = await doc.dict(catalog.get('Perms'));
  const sig = await doc.dict(perms?.get('DocMDP'));
  if (!sig) return undefined;
  const refs = await doc.resolve(sig.get('Reference'));
  if (!Array.isArray(refs)) return 2;
  for (const r of refs) {
    const ref = await doc.dict(r);
    if (ref?.name('TransformMethod') !== 'DocMDP') continue;
    const params = await doc.dict(ref.get('TransformParams'));
    const p = await doc.resolve(params?.get('P'));
    return p === 1 || p === 3 ? p : 2; // §12.8.2.2.2: P defaults to 2
  }
  return 2;
}

/** Refuses to add a signature to a document certified with "no changes" (P=1). */
export async function assertSignable(doc: PdfDocument): Promise<DocMdpPermission | undefined> {
  const p = await docMdpPermission(doc);
  if (p === 1) throw new KysoError('CERTIFIED_NO_CHANGES');
  return p;
}

/** The /Reference entry of a certification signature. */
export function docMdpReference(p: DocMdpPermission): PdfDict {
  return new PdfDict([
    ['Type', name('SigRef')],
    ['TransformMethod', name('DocMDP')],
    [
      'TransformParams',
      new PdfDict([
        ['Type', name('TransformParams')],
        ['P', p],
        ['V', name('1.2')],
      ]),
    ],
  ]);
}

export type FieldLock = { action: 'All' } | { action: 'Include' | 'Exclude'; fields: string[] };

/** A field's /Lock dictionary and the matching FieldMDP /Reference of its signature (§12.8.2.3). */
export function fieldMdp(lock: FieldLock): { lock: PdfDict; reference: PdfDict } {
  const fields = lock.action === 'All' ? undefined : lock.fields.map((f) => textString(f));
  const build = (type: string): PdfDict => {
    const d = new PdfDict([
      ['Type', name(type)],
      ['Action', name(lock.action)],
    ]);
    if (fields) d.set('Fields', fields);
    return d;
  };
  return {
    lock: build('SigFieldLock'),
    reference: new PdfDict([
      ['Type', name('SigRef')],
      ['TransformMethod', name('FieldMDP')],
      ['TransformParams', build('TransformParams').set('V', name('1.2'))],
    ]),
  };
}
