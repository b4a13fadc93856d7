import type { PageInfo } from '../document/pages.js';
import type { PdfDocument } from '../document/pdf-document.js';
import type { DisplayedRect } from '../fields/placement.js';
import { widgetRect } from '../fields/widget-placement.js';
import { Lexer } from '../syntax/lexer.js';
import { isDict, type PdfDict, PdfStream } from '../syntax/objects.js';

type Matrix = [number, number, number, number, number, number];
type Box = [number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n: apply m first, then n (PDF's row-vector convention). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function transformBox(box: Box, m: Matrix): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function numbers(o: unknown, count: number): number[] | undefined {
  return Array.isArray(o) && o.length === count && o.every((v) => typeof v === 'number')
    ? (o as number[])
    : undefined;
}

/**
 * The form's matrix onto the widget: ISO 32000-2 §12.5.5 — the BBox transformed by /Matrix is
 * fitted onto /Rect by a scale and a translation.
 */
function formToRect(form: PdfDict, rect: Box): Matrix | undefined {
  const bbox = numbers(form.get('BBox'), 4) as Box | undefined;
  if (!bbox) return undefined;
  const matrix = (numbers(form.get('Matrix'), 6) as Matrix | undefined) ?? IDENTITY;
  const t = transformBox(bbox, matrix);
  const w = t[2] - t[0];
  const h = t[3] - t[1];
  if (!(w > 0 && h > 0)) return undefined;
  const sx = (rect[2] - rect[0]) / w;
  const sy = (rect[3] - rect[1]) / h;
  return multiply(matrix, [sx, 0, 0, sy, rect[0] - t[0] * sx, rect[1] - t[1] * sy]);
}

/** Images a content stream paints, in user space, following nested forms a few levels down. */
async function walk(doc: PdfDocument, form: PdfStream, ctm: Matrix, depth: number, out: Box[]) {
  if (depth > 4) return;
  const resources = await doc.dict(form.dict.get('Resources'));
  const xobjects = await doc.dict(resources?.get('XObject'));
  const lexer = new Lexer(await doc.store.decoded(form));
  const stack: Matrix[] = [];
  let current = ctm;
  let operands: unknown[] = [];
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind !== 'keyword') {
      operands.push(token.kind === 'number' ? token.value : token.kind === 'name' ? token.value : token);
      continue;
    }
    const op = token.value;
    if (op === 'q') stack.push(current);
    else if (op === 'Q') current = stack.pop() ?? ctm;
    else if (op === 'cm') {
      const m = numbers(operands.slice(-6), 6) as Matrix | undefined;
      if (m) current = multiply(m, current);
    } else if (op === 'Do' && typeof operands.at(-1) === 'string' && xobjects) {
      const target = await doc.resolve(xobjects.get(operands.at(-1) as string));
      if (target instanceof PdfStream) {
        const subtype = target.dict.name('Subtype');
        if (subtype === 'Image') out.push(transformBox([0, 0, 1, 1], current));
        else if (subtype === 'Form') {
          const m = (numbers(target.dict.get('Matrix'), 6) as Matrix | undefined) ?? IDENTITY;
          await walk(doc, target, multiply(m, current), depth + 1, out);
        }
      }
    } else if (op === 'BI') {
      // an inline image: its data is binary and may hold anything; stop reading, nothing of ours uses one
      return;
    }
    operands = [];
  }
}

/**
 * Where a widget's normal appearance paints images, in default user space: how the seal finds the
 * personal signature image it must cover a third of. Empty when the widget draws none.
 */
export async function drawnImages(doc: PdfDocument, widget: PdfDict): Promise<Box[]> {
  const rect = widgetRect(widget);
  const ap = await doc.dict(widget.get('AP'));
  let normal = await doc.resolve(ap?.get('N'));
  if (isDict(normal)) {
    const state = widget.name('AS');
    normal = state ? await doc.resolve(normal.get(state)) : null;
  }
  if (!rect || !(normal instanceof PdfStream)) return [];
  const box: Box = [
    Math.min(rect[0], rect[2]),
    Math.min(rect[1], rect[3]),
    Math.max(rect[0], rect[2]),
    Math.max(rect[1], rect[3]),
  ];
  const toRect = formToRect(normal.dict, box);
  if (!toRect) return [];
  const out: Box[] = [];
  try {
    await walk(doc, normal, toRect, 0, out);
  } catch {
    // an appearance we cannot read paints nothing we can find: the caller falls back to the widget
    return [];
  }
  return out;
}

/** A user-space box as displayed: the inverse of `placeOnPage` (/Rotate and the crop box). */
export function displayedRect(page: PageInfo, box: Box): DisplayedRect {
  const [cx0, cy0, cx1, cy1] = page.cropBox;
  const W = cx1 - cx0;
  const H = cy1 - cy0;
  const [x0, y0, x1, y1] = box;
  switch (((page.rotate % 360) + 360) % 360) {
    case 90:
      return { x: y0 - cy0, y: cx0 + W - x1, width: y1 - y0, height: x1 - x0 };
    case 180:
      return { x: cx0 + W - x1, y: cy0 + H - y1, width: x1 - x0, height: y1 - y0 };
    case 270:
      return { x: cy0 + H - y1, y: x0 - cx0, width: y1 - y0, height: x1 - x0 };
    default:
      return { x: x0 - cx0, y: y0 - cy0, width: x1 - x0, height: y1 - y0 };
  }
}
