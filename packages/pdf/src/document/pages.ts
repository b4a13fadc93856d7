import { isDict, type PdfDict, type PdfObject, PdfRef } from '../syntax/objects.js';
import type { PdfDocument } from './pdf-document.js';
import { structureError } from './structure-error.js';

export interface PageInfo {
  ref: PdfRef;
  dict: PdfDict;
  /** 0-based. */
  index: number;
  /** Inherited page attributes (§7.7.3.4), resolved. */
  mediaBox: [number, number, number, number];
  cropBox: [number, number, number, number];
  rotate: number;
}

const MAX_PAGES = 1_000_000;

function box(o: PdfObject | undefined): [number, number, number, number] | undefined {
  if (!Array.isArray(o) || o.length !== 4 || !o.every((v) => typeof v === 'number')) return undefined;
  const [a, b, c, d] = o as number[];
  return [Math.min(a!, c!), Math.min(b!, d!), Math.max(a!, c!), Math.max(b!, d!)];
}

/** The pages in order, walking the page tree (cycles and runaway trees refused). */
export async function listPages(doc: PdfDocument): Promise<PageInfo[]> {
  const catalog = await doc.catalog();
  const rootRef = catalog.get('Pages');
  const pages: PageInfo[] = [];
  const seen = new Set<string>();
  interface Inherited {
    mediaBox?: PdfObject | undefined;
    cropBox?: PdfObject | undefined;
    rotate?: PdfObject | undefined;
  }
  const walk = async (ref: PdfObject | undefined, inherited: Inherited, depth: number): Promise<void> => {
    if (depth > 64) throw structureError('the page tree is too deep');
    if (!(ref instanceof PdfRef)) throw structureError('a page tree node is not an indirect object');
    if (seen.has(ref.key)) throw structureError('the page tree has a cycle');
    seen.add(ref.key);
    const node = await doc.resolve(ref);
    if (!isDict(node)) throw structureError(`page tree node ${ref.key} is not a dictionary`);
    const here: Inherited = {
      mediaBox: node.get('MediaBox') ?? inherited.mediaBox,
      cropBox: node.get('CropBox') ?? inherited.cropBox,
      rotate: node.get('Rotate') ?? inherited.rotate,
    };
    const type = node.name('Type');
    const kids = await doc.resolve(node.get('Kids'));
    if (type === 'Pages' || (type === undefined && Array.isArray(kids))) {
      if (!Array.isArray(kids)) throw structureError(`page tree node ${ref.key} has no /Kids`);
      for (const kid of kids) await walk(kid, here, depth + 1);
      return;
    }
    if (pages.length >= MAX_PAGES) throw structureError('too many pages');
    const mediaBox = box((await doc.resolve(here.mediaBox)) ?? undefined) ?? [0, 0, 612, 792];
    const cropBox = box((await doc.resolve(here.cropBox)) ?? undefined) ?? mediaBox;
    const rotate = await doc.resolve(here.rotate);
    pages.push({
      ref,
      dict: node,
      index: pages.length,
      mediaBox,
      cropBox,
      rotate: typeof rotate === 'number' && rotate % 90 === 0 ? ((rotate % 360) + 360) % 360 : 0,
    });
  };
  await walk(rootRef, {}, 0);
  return pages;
}
