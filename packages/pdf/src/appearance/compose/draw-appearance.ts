import type { AppearanceDrawer } from '../../fields/signature-field.js';

export type { AppearanceBox, AppearanceDrawer } from '../../fields/signature-field.js';

import { fromLatin1 } from '../../syntax/chars.js';
import { PdfDict, type PdfRef } from '../../syntax/objects.js';
import { num, type Rect, type RgbColor } from '../content.js';
import type { EmbeddedFont } from '../font/embed-font.js';
import type { TrueTypeFont } from '../font/true-type-font.js';
import type { AppearanceImage } from '../image/appearance-image.js';
import { emitText, type HorizontalAlign, type VerticalAlign } from '../text/emit-text.js';
import { layoutText } from '../text/layout.js';
import { UpdateResources } from './update-resources.js';

/** An image in a rectangle of the appearance box. */
export interface ImageItem {
  image: AppearanceImage;
  rect: Rect;
  /** `contain` (default) keeps the aspect ratio inside the rectangle; `fill` stretches to it. */
  fit?: 'contain' | 'fill';
  /** Where a contained image sits in the rectangle (default centre, middle). */
  align?: HorizontalAlign;
  valign?: VerticalAlign;
}

/** Lines of text in a rectangle of the appearance box. */
export interface TextItem {
  /** Each string is a paragraph ("\n" also starts one); NFC-normalised before drawing. */
  text: string | readonly string[];
  /** Bold or italic by choosing that font (e.g. `fonts.bold` of `loadDefaultFonts()`). */
  font: TrueTypeFont;
  /** Points. */
  size: number;
  rect: Rect;
  align?: HorizontalAlign;
  valign?: VerticalAlign;
  /** RGB from 0 to 1; black by default. */
  color?: RgbColor;
  /** Baseline distance as a multiple of the size; the font's own by default. */
  lineHeight?: number;
  /** Wrap at spaces (default true). */
  wrap?: boolean;
  /** Shrink to fit the rectangle, not below this size. */
  minSize?: number;
}

export type AppearanceItem = ImageItem | TextItem;

export interface AppearanceSpec {
  /**
   * The size item rectangles are given in. When the widget's box differs (an existing field), the
   * drawing is scaled uniformly and centred in it. Default: the widget's own box.
   */
  box?: { width: number; height: number };
  /** The items, drawn in order (later ones on top); or a function of the box drawn in. */
  items: readonly AppearanceItem[] | ((box: { width: number; height: number }) => readonly AppearanceItem[]);
  /** Embed fonts as subsets (default true). */
  subsetFonts?: boolean;
}

function isImage(item: AppearanceItem): item is ImageItem {
  return 'image' in item;
}

/** Where a contained image goes in its rectangle, keeping its aspect ratio. */
export function fitImage(item: ImageItem): Rect {
  const { rect, image } = item;
  if (item.fit === 'fill') return rect;
  const scale = Math.min(rect.width / image.width, rect.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const freeX = rect.width - width;
  const freeY = rect.height - height;
  const x = rect.x + (item.align === 'left' ? 0 : item.align === 'right' ? freeX : freeX / 2);
  const y = rect.y + (item.valign === 'bottom' ? 0 : item.valign === 'top' ? freeY : freeY / 2);
  return { x, y, width, height };
}

/**
 * An appearance drawer from images and text: content operators with /Resources naming fonts
 * (F1, F2, …) and images (Im1, …) that are written once per update and shared across its widgets.
 * Fonts are embedded as subsets covering every glyph the update's widgets draw.
 */
export function drawAppearance(spec: AppearanceSpec): AppearanceDrawer {
  return async (box) => {
    const resources = UpdateResources.of(box);
    const design = spec.box ?? { width: box.width, height: box.height };
    if (!(design.width > 0 && design.height > 0))
      throw new RangeError('an appearance box needs a positive size');
    const items = typeof spec.items === 'function' ? spec.items(design) : spec.items;
    const fontNames = new Map<EmbeddedFont, string>();
    const imageNames = new Map<PdfRef, string>();
    const ops: string[] = ['q'];
    if (design.width !== box.width || design.height !== box.height) {
      const s = Math.min(box.width / design.width, box.height / design.height);
      const dx = (box.width - design.width * s) / 2;
      const dy = (box.height - design.height * s) / 2;
      ops.push(`${num(s)} 0 0 ${num(s)} ${num(dx)} ${num(dy)} cm`);
    }
    for (const item of items) {
      if (isImage(item)) {
        const ref = await resources.image(item.image);
        let nm = imageNames.get(ref);
        if (!nm) {
          nm = `Im${imageNames.size + 1}`;
          imageNames.set(ref, nm);
        }
        const r = fitImage(item);
        ops.push(`q ${num(r.width)} 0 0 ${num(r.height)} ${num(r.x)} ${num(r.y)} cm /${nm} Do Q`);
        continue;
      }
      const layout = layoutText(item.font, item.text, {
        size: item.size,
        width: item.rect.width,
        height: item.rect.height,
        ...(item.wrap !== undefined ? { wrap: item.wrap } : {}),
        ...(item.minSize !== undefined ? { minSize: item.minSize } : {}),
        ...(item.lineHeight !== undefined ? { lineHeight: item.lineHeight } : {}),
      });
      if (layout.lines.every((l) => l.glyphs.length === 0)) continue;
      const font = resources.font(item.font, spec.subsetFonts === false ? { subset: false } : {});
      for (const line of layout.lines) for (const g of line.glyphs) font.record(g.gid, g.text);
      let nm = fontNames.get(font);
      if (!nm) {
        nm = `F${fontNames.size + 1}`;
        fontNames.set(font, nm);
      }
      ops.push(
        emitText(layout, nm, {
          rect: item.rect,
          ...(item.align ? { align: item.align } : {}),
          ...(item.valign ? { valign: item.valign } : {}),
          ...(item.color ? { color: item.color } : {}),
        }),
      );
    }
    ops.push('Q');
    // the subset grows with every widget that draws new glyphs
    for (const font of fontNames.keys()) await font.refresh();
    const dict = new PdfDict();
    if (fontNames.size > 0)
      dict.set('Font', new PdfDict([...fontNames].map(([f, n]) => [n, f.ref] as [string, PdfRef])));
    if (imageNames.size > 0)
      dict.set('XObject', new PdfDict([...imageNames].map(([ref, n]) => [n, ref] as [string, PdfRef])));
    return { content: fromLatin1(ops.join('\n')), resources: dict };
  };
}
