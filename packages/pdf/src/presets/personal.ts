import type { AppearanceItem } from '../appearance/compose/draw-appearance.js';
import { drawAppearance } from '../appearance/compose/draw-appearance.js';
import type { AppearanceImage } from '../appearance/image/appearance-image.js';
import { signatureBlockPlace } from './page-layout.js';
import { signerName, signerTitle } from './signer-text.js';
import { rowsHeight, stackRows, type TextRow } from './text-rows.js';
import type { Preset, PresetCommonOptions, PresetContext, PresetPlacement } from './types.js';

export interface PersonalPresetOptions extends Omit<PresetCommonOptions, 'timeStyle' | 'timeLabel'> {
  /** The signer's handwritten-signature image (a blue PNG with a transparent background). */
  image?: AppearanceImage;
  /** The signer's name (default: the certificate's CN). */
  name?: string;
  /** The signer's title (default: the certificate's title, when it has one); '' for none. */
  title?: string;
  /** Width of the default box in points (default 170); its height follows the image. */
  width?: number;
}

const DEFAULT_WIDTH = 170;
const DEFAULT_SIZE = 11;

/**
 * The personal preset: the signer's signature image with the name (bold) and title lines under it,
 * in the signature block of the last page unless placed. The image spans the default box's width,
 * so the seal can cover a third of it; with no image the lines are drawn alone.
 */
export function personalPreset(options: PersonalPresetOptions = {}): Preset {
  return {
    name: 'personal',
    async resolve(ctx: PresetContext): Promise<PresetPlacement> {
      const fonts = await ctx.fonts();
      const size = options.size ?? DEFAULT_SIZE;
      const name = (options.name ?? signerName(ctx.signer)).normalize('NFC');
      const title = (options.title ?? signerTitle(ctx.signer) ?? '').normalize('NFC');
      const rows: TextRow[] = [{ text: name, font: fonts.bold, size }];
      if (title) rows.push({ text: title, font: fonts.regular, size: size * 0.9 });
      const textHeight = rowsHeight(rows);
      const image = options.image;
      const width = options.width ?? DEFAULT_WIDTH;
      const imageHeight = image ? Math.min(width * (image.height / image.width), width * 0.6) : 0;
      const place = options.place ?? signatureBlockPlace(ctx.pages, width, imageHeight + textHeight);
      const appearance = drawAppearance({
        items: (box) => {
          if (!image) return stackRows(rows, { x: 0, y: 0, width: box.width, height: box.height });
          // the text keeps its share of a box of another shape; the image takes the rest
          const share = textHeight / (imageHeight + textHeight);
          const textBox = { x: 0, y: 0, width: box.width, height: box.height * share };
          const items: AppearanceItem[] = [
            {
              image,
              rect: { x: 0, y: textBox.height, width: box.width, height: box.height - textBox.height },
              valign: 'bottom',
            },
            ...stackRows(rows, textBox),
          ];
          return items;
        },
      });
      return { place, appearance, lines: rows.map((r) => r.text) };
    },
  };
}
