import { bytesSource, isDict, listFields, listPages, type PageInfo, PdfDocument, PdfRef } from '@kyso/pdf';
import type { SignatureFieldBox } from '../events/kyso-pdf-loaded-event.js';
import { displayedPageSize, type PdfBox, pageView, toDisplayed } from './field-geometry.js';

/** What @kyso/pdf reads for the viewer: page sizes as displayed, and the signature fields' widgets. */
export interface PdfLayout {
  /** Points, after /Rotate and the crop box. */
  pages: { width: number; height: number }[];
  fields: SignatureFieldBox[];
}

const HIDDEN = 1 << 1;
const NO_VIEW = 1 << 5;

function numbers(value: unknown): PdfBox | undefined {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => typeof n === 'number'))
    return undefined;
  return value as unknown as PdfBox;
}

/**
 * Reads the layout from the file itself, not from pdf.js: pdf.js hides signature values, and the
 * badge and the signing element must agree with what @kyso/pdf signs and verifies.
 */
export async function readLayout(bytes: Uint8Array, signal: AbortSignal): Promise<PdfLayout> {
  const doc = await PdfDocument.open(bytesSource(bytes));
  signal.throwIfAborted();
  const pages = await listPages(doc);
  signal.throwIfAborted();
  const views = pages.map((p) => pageView(p.mediaBox, p.cropBox));
  const byRef = new Map(pages.map((p) => [p.ref.key, p]));
  const catalog = await doc.catalog();
  const fields = await listFields(doc, await doc.dict(catalog.get('AcroForm')));
  const boxes: SignatureFieldBox[] = [];
  let annotsOf: Map<string, PageInfo> | undefined;
  for (const field of fields) {
    if (field.type !== 'Sig') continue;
    signal.throwIfAborted();
    const signed = isDict(await doc.resolve(field.dict.get('V')));
    for (const widget of field.widgets) {
      const flags = await doc.resolve(widget.dict.get('F'));
      if (typeof flags === 'number' && flags & (HIDDEN | NO_VIEW)) continue;
      const rect = numbers(await doc.resolve(widget.dict.get('Rect')));
      if (!rect || rect[0] === rect[2] || rect[1] === rect[3]) continue; // invisible signature
      const p = widget.dict.get('P');
      let page = p instanceof PdfRef ? byRef.get(p.key) : undefined;
      if (!page && widget.ref) {
        // /P is optional: find the page whose /Annots lists the widget (built once, on first need)
        annotsOf ??= await annotationPages(doc, pages);
        page = annotsOf.get(widget.ref.key);
      }
      if (!page) continue;
      boxes.push({
        name: field.name,
        page: page.index,
        signed,
        rect: toDisplayed(rect, views[page.index]!, page.rotate),
      });
    }
  }
  return { pages: pages.map((p, i) => displayedPageSize(views[i]!, p.rotate)), fields: boxes };
}

async function annotationPages(doc: PdfDocument, pages: PageInfo[]): Promise<Map<string, PageInfo>> {
  const out = new Map<string, PageInfo>();
  for (const page of pages) {
    const annots = await doc.resolve(page.dict.get('Annots'));
    if (!Array.isArray(annots)) continue;
    for (const a of annots) if (a instanceof PdfRef && !out.has(a.key)) out.set(a.key, page);
  }
  return out;
}
