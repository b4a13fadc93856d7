import { latin1 } from '../../../syntax/chars.js';
import { isDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import type { RevisionView } from '../view.js';
import type { CatalogChange } from './catalog.js';
import type { Judged } from './new-field.js';

/** Values an information dictionary holds (ISO 32000-2 §14.3.3): text, dates, /Trapped's name. */
async function plainInfoValue(cmp: Comparison, v: PdfObject | undefined): Promise<boolean> {
  if (v instanceof PdfRef) {
    if (!cmp.isNew(v.num)) return true; // an unchanged object; changed ones are judged on their own
    v = await cmp.after.get(v.num);
  }
  return (
    v === null ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    v instanceof PdfString ||
    v instanceof PdfName
  );
}

/** Whether a stream holds XMP: XML with an xmpmeta or RDF root, and no DTD (no entities to expand). */
async function isXmp(view: RevisionView, value: PdfObject): Promise<boolean> {
  if (!(value instanceof PdfStream)) return false;
  let text: string;
  try {
    text = latin1(await view.decoded(value));
  } catch {
    return false;
  }
  const start = text.replace(/^(\xef\xbb\xbf|\xfe\xff|\xff\xfe|\s)+/, '');
  return start.startsWith('<') && /<(x:xmpmeta|rdf:RDF)\b/.test(text) && !/<!(DOCTYPE|ENTITY)/i.test(text);
}

/**
 * The document information dictionary (trailer /Info): signers rewrite /ModDate and /Producer in
 * the revision that signs. Allowed when it stays a dictionary of plain values and, if rewritten in
 * place, nothing but the trailer used it in the signed revision (it could otherwise be, say, a
 * field or font dictionary in disguise).
 */
async function judgeInfo(cmp: Comparison): Promise<void> {
  const oldInfo = cmp.before.trailer.get('Info');
  const newInfo = cmp.after.trailer.get('Info');
  if (!(newInfo instanceof PdfRef)) return;
  const same = oldInfo instanceof PdfRef && oldInfo.num === newInfo.num;
  if (!same && !cmp.isNew(newInfo.num)) {
    // /Info now names an object that existed for something else; said once, where it happened
    const previous = cmp.history.view(cmp.revision - 1).trailer.get('Info');
    if (!(previous instanceof PdfRef && previous.num === newInfo.num)) cmp.denyTrailer('metadata');
    return;
  }
  if (!cmp.changed(newInfo.num)) return;
  const info = await cmp.after.get(newInfo.num);
  let plain = isDict(info);
  if (isDict(info)) for (const v of info.map.values()) if (!(await plainInfoValue(cmp, v))) plain = false;
  if (!plain) cmp.deny(newInfo.num, 'metadata');
  else if (cmp.isNew(newInfo.num) || (await cmp.onlyUsedBy(newInfo.num, new Set([-1])))) {
    cmp.explain(newInfo.num, 'metadata');
    await cmp.pullIn(info, 'metadata');
  }
}

/**
 * XMP metadata (catalog /Metadata), which signers (Acrobat) update as they sign: a stream of
 * well-formed-looking XMP, new or rewritten in place where only the catalog used it and it was XMP
 * before too (a rewritten stream shared with content would change the page).
 */
async function judgeXmp(cmp: Comparison, catalog: CatalogChange): Promise<Judged | undefined> {
  const [oldCat, newCat] = [await cmp.before.catalog(), await cmp.after.catalog()];
  const oldMeta = oldCat?.get('Metadata');
  const newMeta = newCat?.get('Metadata');
  const rewritten = newMeta instanceof PdfRef && cmp.changed(newMeta.num);
  if (!catalog.keys.has('Metadata') && !rewritten) return undefined;
  if (newMeta === undefined) return { kind: 'metadata', allowed: true };
  if (!(newMeta instanceof PdfRef)) return { kind: 'metadata', allowed: false };
  const stream = await cmp.after.get(newMeta.num);
  if (!(await isXmp(cmp.after, stream))) {
    cmp.deny(newMeta.num, 'metadata');
    return { kind: 'metadata', allowed: false };
  }
  const same = oldMeta instanceof PdfRef && oldMeta.num === newMeta.num;
  if (cmp.isNew(newMeta.num)) {
    cmp.explain(newMeta.num, 'metadata');
    await cmp.pullIn(stream, 'metadata');
  } else if (!same) return { kind: 'metadata', allowed: false };
  else if (rewritten) {
    const users = new Set(catalog.root === undefined ? [] : [catalog.root]);
    if (
      (await isXmp(cmp.before, await cmp.before.get(newMeta.num))) &&
      (await cmp.onlyUsedBy(newMeta.num, users))
    )
      cmp.explain(newMeta.num, 'metadata');
  }
  return { kind: 'metadata', allowed: true };
}

/** Document metadata: /Info and XMP. Returns the verdict on the catalog's /Metadata entry, if it changed. */
export async function judgeMetadata(cmp: Comparison, catalog: CatalogChange): Promise<Judged | undefined> {
  await judgeInfo(cmp);
  return judgeXmp(cmp, catalog);
}
