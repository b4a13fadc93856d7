import { BODY_FONT, pageContent, TITLE_FONT } from './content.js';
import { deflate } from './deflate.js';
import { fieldObjects } from './fields.js';
import type { ModelObject, PdfModel, PlainObject } from './model.js';
import { noiseBytes, seedOf } from './noise.js';
import type { PageSpec, PdfBox, ResolvedOptions } from './options.js';
import { appendPage, pageTreeShape, type TreeNode } from './page-tree.js';
import { array, date, dict, hex, latin1, numbers, ref, text } from './syntax.js';
import { xmpPacket } from './xmp.js';

/** Padding images: 8-bit grey, PAD_WIDTH bytes a row, at most PAD_FULL_ROWS rows (8 MiB) each. */
export const PAD_WIDTH = 2048;
export const PAD_FULL_ROWS = 4096;

export interface PadImages {
  /** Images drawn on page 1; all but the last are full. */
  count: number;
  lastRows: number;
}

const NO_PAD: PadImages = { count: 0, lastRows: 0 };

/** Where a viewer shows the page: the crop box clipped to the media box (§14.11.2). */
function visibleBox(spec: PageSpec): PdfBox {
  const norm = (b: PdfBox): PdfBox => [
    Math.min(b[0], b[2]),
    Math.min(b[1], b[3]),
    Math.max(b[0], b[2]),
    Math.max(b[1], b[3]),
  ];
  const m = norm(spec.mediaBox);
  if (!spec.cropBox) return m;
  const c = norm(spec.cropBox);
  const v: PdfBox = [Math.max(m[0], c[0]), Math.max(m[1], c[1]), Math.min(m[2], c[2]), Math.min(m[3], c[3])];
  return v[0] < v[2] && v[1] < v[3] ? v : m;
}

function sameBox(a: PdfBox | undefined, b: PdfBox | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.every((v, i) => v === b[i]));
}

/** The numbered objects of a test document; `pad` sizes the padding images (see layout.ts). */
export async function buildModel(o: ResolvedOptions, pad: PadImages = NO_PAD): Promise<PdfModel> {
  let next = 1;
  const alloc = () => next++;
  const objects: ModelObject[] = [];
  const stream = async (content: string) =>
    o.compress
      ? { dict: { Filter: '/FlateDecode' }, data: await deflate(latin1(content)) }
      : { dict: {}, data: latin1(content) };

  const catalog = alloc();
  const info = alloc();
  const helvetica = alloc();
  const times = alloc();

  // Form 'revisions' adds the last page in its last update (to the rightmost leaf of the tree the
  // first revision has); its numbers come after all others.
  const heldBack = o.form === 'revisions' ? o.pages.length - 1 : -1;
  // Page tree: numbers in depth-first order, each page's parent remembered.
  const shape =
    heldBack < 0
      ? pageTreeShape(o.pages.length, o.pageTreeFanout)
      : appendPage(pageTreeShape(heldBack, o.pageTreeFanout), heldBack);
  const nodeNum = new Map<TreeNode, number>();
  const parentOf = new Map<TreeNode | number, number>();
  const number = (node: TreeNode) => {
    const n = alloc();
    nodeNum.set(node, n);
    for (const kid of node.kids) {
      parentOf.set(kid, n);
      if (typeof kid !== 'number') number(kid);
    }
  };
  number(shape);

  const pageNum: number[] = [];
  const contentNum: number[] = [];
  const allocPage = (i: number) => {
    pageNum[i] = alloc();
    contentNum[i] = alloc();
  };
  for (let i = 0; i < o.pages.length; i++) if (i !== heldBack) allocPage(i);

  const fields = await fieldObjects(o.fields, pageNum, helvetica, alloc, stream);
  const acroForm = o.fields.length > 0 ? alloc() : undefined;
  const metadata = o.form === 'pdf-2.0' ? alloc() : undefined;
  const images: number[] = [];
  for (let i = 0; i < pad.count; i++) images.push(alloc());
  if (heldBack >= 0) allocPage(heldBack);

  const font = (base: string) =>
    dict({ Type: '/Font', Subtype: '/Type1', BaseFont: base, Encoding: '/WinAnsiEncoding' });
  objects.push({ num: helvetica, body: font('/Helvetica') });
  objects.push({ num: times, body: font('/Times-Roman') });

  const title = o.title ?? 'kyso test document';
  objects.push({
    num: catalog,
    body: dict({
      Type: '/Catalog',
      Pages: ref(nodeNum.get(shape) ?? 0),
      AcroForm: acroForm === undefined ? undefined : ref(acroForm),
      Metadata: metadata === undefined ? undefined : ref(metadata),
    }),
  });
  const infoBody = (revision: number) => {
    const modified = new Date(o.date.getTime() + revision * 3_600_000);
    return dict({
      // PDF 2.0 deprecates every /Info entry but the dates; the title is in the XMP metadata.
      Title: o.form === 'pdf-2.0' ? undefined : text(title),
      Subject: revision > 0 ? text(`kyso test revision ${revision + 1}`) : undefined,
      Producer: o.form === 'pdf-2.0' ? undefined : '(@kyso/testkit)',
      CreationDate: date(o.date),
      ModDate: date(modified),
    });
  };
  objects.push({ num: info, body: infoBody(0) });
  if (metadata !== undefined)
    objects.push({
      num: metadata,
      dict: { Type: '/Metadata', Subtype: '/XML' },
      data: xmpPacket(title, o.date, o.date),
    });
  if (acroForm !== undefined)
    objects.push({
      num: acroForm,
      body: dict({
        Fields: array(fields.fields.map(ref)),
        DA: '(/Helv 0 Tf 0 g)',
        DR: `<< /Font << /Helv ${ref(helvetica)} >> >>`,
      }),
    });
  objects.push(...fields.objects);

  // Attributes on the root node when inherited; a page states only what differs from them.
  const fonts = `/Font << /${BODY_FONT} ${ref(helvetica)} /${TITLE_FONT} ${ref(times)} >>`;
  const imageNames = images.map((_, i) => `Im${i + 1}`);
  const first = o.pages[0] as PageSpec;
  const inherited = o.inheritAttributes ? first : undefined;
  // `withoutHeldBack`: the node as the first revision of form 'revisions' has it.
  const nodeBody = (node: TreeNode, withoutHeldBack = false) => {
    const kids = withoutHeldBack ? node.kids.filter((k) => k !== heldBack) : node.kids;
    const parent = parentOf.get(node);
    return dict({
      Type: '/Pages',
      Parent: parent === undefined ? undefined : ref(parent),
      Kids: array(kids.map((k) => ref(typeof k === 'number' ? (pageNum[k] ?? 0) : (nodeNum.get(k) ?? 0)))),
      Count: String(node.count - (withoutHeldBack ? 1 : 0)),
      ...(node === shape && inherited
        ? {
            MediaBox: numbers(inherited.mediaBox),
            CropBox: inherited.cropBox && numbers(inherited.cropBox),
            Rotate: String(inherited.rotate),
            Resources: `<< ${fonts} >>`,
          }
        : {}),
    });
  };
  const walk = (node: TreeNode) => {
    objects.push({ num: nodeNum.get(node) ?? 0, body: nodeBody(node) });
    for (const kid of node.kids) if (typeof kid !== 'number') walk(kid);
  };
  walk(shape);

  for (let i = 0; i < o.pages.length; i++) {
    const spec = o.pages[i] as PageSpec;
    const drawn = i === 0 ? imageNames : [];
    const xobjects = drawn.map((name, k) => `/${name} ${ref(images[k] ?? 0)}`).join(' ');
    const resources = drawn.length > 0 ? `<< ${fonts} /XObject << ${xobjects} >> >>` : `<< ${fonts} >>`;
    const annots = fields.annots.get(i);
    objects.push({
      num: pageNum[i] ?? 0,
      body: dict({
        Type: '/Page',
        Parent: ref(parentOf.get(i) ?? 0),
        MediaBox: sameBox(spec.mediaBox, inherited?.mediaBox) ? undefined : numbers(spec.mediaBox),
        CropBox: cropBox(spec),
        Rotate: spec.rotate === (inherited?.rotate ?? 0) ? undefined : String(spec.rotate),
        Resources: inherited && drawn.length === 0 ? undefined : resources,
        Contents: ref(contentNum[i] ?? 0),
        Annots: annots ? array(annots.map(ref)) : undefined,
      }),
    });
    const content = await stream(
      pageContent({ index: i, pages: o.pages.length, title: o.title, box: visibleBox(spec), images: drawn }),
    );
    objects.push({ num: contentNum[i] ?? 0, ...content });
  }

  images.forEach((num, i) => {
    const rows = i === images.length - 1 ? pad.lastRows : PAD_FULL_ROWS;
    objects.push({
      num,
      dict: {
        Type: '/XObject',
        Subtype: '/Image',
        Width: String(PAD_WIDTH),
        Height: String(rows),
        ColorSpace: '/DeviceGray',
        BitsPerComponent: '8',
      },
      data: { kind: 'noise', length: rows * PAD_WIDTH, seed: seedOf(o.seed, `pad ${i}`) },
    });
  });

  objects.sort((a, b) => a.num - b.num);
  const id0 = hex(noiseBytes(seedOf(o.seed, 'id'), 16));
  return {
    objects,
    size: next,
    root: catalog,
    info,
    infoBody,
    id: (revision) =>
      `[${id0} ${revision === 0 ? id0 : hex(noiseBytes(seedOf(o.seed, `id ${revision}`), 16))}]`,
    heldBack: heldBack < 0 ? undefined : heldBackPage(),
  };

  function cropBox(spec: PageSpec): string | undefined {
    if (!inherited) return spec.cropBox && numbers(spec.cropBox);
    if (sameBox(spec.cropBox, inherited.cropBox)) return undefined;
    // A page without a crop box under a root that has one states its own: its media box.
    return numbers(spec.cropBox ?? spec.mediaBox);
  }
  function heldBackPage() {
    const nodesBefore: PlainObject[] = [];
    const path = (node: TreeNode): boolean => {
      const hit = node.kids.some((k) => k === heldBack || (typeof k !== 'number' && path(k)));
      if (hit) nodesBefore.push({ num: nodeNum.get(node) ?? 0, body: nodeBody(node, true) });
      return hit;
    };
    path(shape);
    return { objects: [pageNum[heldBack] ?? 0, contentNum[heldBack] ?? 0], nodesBefore };
  }
}
