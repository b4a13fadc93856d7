import { isPrintableAscii } from './syntax.js';

/**
 * The structural forms a PDF signer meets:
 * - `classic`: one cross-reference table and trailer (PDF 1.4 style);
 * - `xref-stream`: every non-stream object in object streams, found through a cross-reference stream
 *   encoded with the PNG Up predictor, as Acrobat writes;
 * - `hybrid`: a classic table whose trailer's /XRefStm points at a cross-reference stream holding the
 *   objects the table marks free or leaves out (PDF 1.5 hybrid-reference file, as Word writes);
 * - `pdf-2.0`: header %PDF-2.0, cross-reference stream, XMP metadata;
 * - `revisions`: a classic file and two incremental updates (the first changes /Info, the second adds
 *   the last page), chained by /Prev.
 */
export type TestPdfForm = 'classic' | 'xref-stream' | 'hybrid' | 'pdf-2.0' | 'revisions';

/** A rectangle [llx lly urx ury] in default user space. */
export type PdfBox = readonly [number, number, number, number];

export type PageRotation = 0 | 90 | 180 | 270;

export type EolStyle = '\n' | '\r\n';

export interface TestTextField {
  type: 'text';
  /** Partial field name (/T). */
  name: string;
  /** 0-based page index of the widget; default 0. */
  page?: number;
  rect: PdfBox;
  /** Printable ASCII (drawn in the appearance with Helvetica); absent for an empty field. */
  value?: string;
}

export interface TestSignatureField {
  type: 'signature';
  name: string;
  /** 0-based page index of the widget; default 0. */
  page?: number;
  /** [0 0 0 0] makes an invisible field. */
  rect: PdfBox;
}

export type TestField = TestTextField | TestSignatureField;

export interface TestPdfOptions {
  /** Default 'classic'. */
  form?: TestPdfForm;
  /** Header version, e.g. '1.4'; default '1.7' ('2.0' for form 'pdf-2.0'). */
  version?: string;
  /** Pages in the final document; default 2. Form 'revisions' needs at least 2 (the last is added). */
  pages?: number;
  /** Printable ASCII, drawn on every page and stored as /Title. */
  title?: string;
  /** /Rotate, for every page or per page (missing entries are 0). */
  rotate?: PageRotation | readonly PageRotation[];
  /** Default A4 [0 0 595.28 841.89]; one box for every page or one per page. */
  mediaBox?: PdfBox | readonly PdfBox[];
  /** Absent by default; one box for every page or one per page. */
  cropBox?: PdfBox | readonly PdfBox[];
  /** Put /MediaBox, /CropBox, /Rotate and /Resources on the root page-tree node, pages overriding. */
  inheritAttributes?: boolean;
  /** Most kids of a page-tree node before the tree grows a level; default 8. */
  pageTreeFanout?: number;
  /** Widgets merged with their fields, in their page's /Annots and /AcroForm /Fields (no /SigFlags). */
  fields?: readonly TestField[];
  /** Flate-compress page contents and appearances; default true. */
  compress?: boolean;
  /** Most objects in one object stream; default 100. */
  objectsPerStream?: number;
  /** Grow the file to at least this many bytes with incompressible images drawn on page 1. */
  padTo?: number;
  /** Seeds /ID and the padding; default 'kyso'. */
  seed?: string;
  /** /CreationDate (and the base of /ModDate); default 2025-01-01T00:00:00Z. */
  date?: Date;
  /** End of line between tokens and in the xref table; default '\n'. */
  eolStyle?: EolStyle;
  /**
   * Bytes after the final %%EOF (as some mailers and web servers append). Keep it under ~1000 bytes:
   * readers look for `startxref` in the file's last kilobyte.
   */
  trailingGarbage?: string | Uint8Array;
  /** Hybrid files only: mark the hidden objects free in the table (default, as Word does) or omit them. */
  hybridTable?: 'free' | 'omit';
}

export interface PageSpec {
  mediaBox: PdfBox;
  cropBox: PdfBox | undefined;
  rotate: PageRotation;
}

export interface ResolvedOptions {
  form: TestPdfForm;
  version: string;
  pages: PageSpec[];
  title: string | undefined;
  inheritAttributes: boolean;
  pageTreeFanout: number;
  fields: TestField[];
  compress: boolean;
  objectsPerStream: number;
  padTo: number;
  seed: string;
  date: Date;
  eol: EolStyle;
  trailingGarbage: Uint8Array;
  hybridTable: 'free' | 'omit';
}

export const A4: PdfBox = [0, 0, 595.28, 841.89];

function isBoxList(value: PdfBox | readonly PdfBox[]): value is readonly PdfBox[] {
  return Array.isArray(value[0]);
}

function checkBox(box: PdfBox, what: string): PdfBox {
  if (box.length !== 4 || !box.every(Number.isFinite)) throw new RangeError(`${what} is not four numbers`);
  return box;
}

function boxFor(
  value: PdfBox | readonly PdfBox[] | undefined,
  index: number,
  what: string,
): PdfBox | undefined {
  if (value === undefined) return undefined;
  const box = isBoxList(value) ? value[index] : value;
  return box === undefined ? undefined : checkBox(box, what);
}

function count(value: number | undefined, fallback: number, min: number, what: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < min)
    throw new RangeError(`${what} must be an integer of at least ${min}`);
  return n;
}

/** Defaults filled in and every option checked, so the writers can trust what they get. */
export function resolveOptions(options: TestPdfOptions): ResolvedOptions {
  const form = options.form ?? 'classic';
  const pageCount = count(options.pages, 2, form === 'revisions' ? 2 : 1, 'pages');
  const version = options.version ?? (form === 'pdf-2.0' ? '2.0' : '1.7');
  if (!/^\d\.\d$/.test(version)) throw new RangeError(`version ${version} is not like 1.7`);
  if (options.title !== undefined && !isPrintableAscii(options.title))
    throw new RangeError('title must be printable ASCII (it is drawn with a standard 14 font)');
  const pages: PageSpec[] = [];
  for (let i = 0; i < pageCount; i++) {
    const r = options.rotate;
    const rotate = (r === undefined ? 0 : typeof r === 'number' ? r : (r[i] ?? 0)) as number;
    if (![0, 90, 180, 270].includes(rotate))
      throw new RangeError(`rotate ${rotate} is not 0, 90, 180 or 270`);
    pages.push({
      mediaBox: boxFor(options.mediaBox, i, 'mediaBox') ?? A4,
      cropBox: boxFor(options.cropBox, i, 'cropBox'),
      rotate: rotate as PageRotation,
    });
  }
  const fields = [...(options.fields ?? [])];
  const names = new Set<string>();
  for (const f of fields) {
    const page = f.page ?? 0;
    if (!Number.isSafeInteger(page) || page < 0 || page >= pageCount)
      throw new RangeError(`field ${f.name}: page ${page} is not a page index`);
    if (form === 'revisions' && page === pageCount - 1)
      throw new RangeError(`field ${f.name}: the last page of form 'revisions' is added by an update`);
    if (f.name === '' || f.name.includes('.'))
      throw new RangeError(`field name ${f.name} is empty or has a dot`);
    if (names.has(f.name)) throw new RangeError(`field name ${f.name} is used twice`);
    names.add(f.name);
    checkBox(f.rect, `field ${f.name}: rect`);
    if (f.type === 'text' && f.value !== undefined && !isPrintableAscii(f.value))
      throw new RangeError(`field ${f.name}: value must be printable ASCII`);
  }
  const garbage = options.trailingGarbage ?? new Uint8Array(0);
  const eol = options.eolStyle ?? '\n';
  if (eol !== '\n' && eol !== '\r\n') throw new RangeError("eolStyle must be '\\n' or '\\r\\n'");
  const date = options.date ?? new Date('2025-01-01T00:00:00Z');
  if (Number.isNaN(date.getTime())) throw new RangeError('date is not a valid Date');
  return {
    form,
    version,
    pages,
    title: options.title,
    inheritAttributes: options.inheritAttributes ?? false,
    pageTreeFanout: count(options.pageTreeFanout, 8, 2, 'pageTreeFanout'),
    fields,
    compress: options.compress ?? true,
    objectsPerStream: count(options.objectsPerStream, 100, 1, 'objectsPerStream'),
    padTo: count(options.padTo, 0, 0, 'padTo'),
    seed: options.seed ?? 'kyso',
    date,
    eol,
    trailingGarbage: typeof garbage === 'string' ? new TextEncoder().encode(garbage) : garbage,
    hybridTable: options.hybridTable ?? 'free',
  };
}
