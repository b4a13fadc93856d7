import { cornerPlace } from './page-layout.js';
import { signingTimeLine } from './signer-text.js';
import { textBlock } from './text-block.js';
import { rowsHeight } from './text-rows.js';
import type { Preset, PresetCommonOptions } from './types.js';

export interface AttachmentPresetOptions extends PresetCommonOptions {
  /** The number and symbol of the document the attachment belongs to ("12/KH-UBND"). */
  number: string;
  /** Width of the corner box in points (default 200). */
  width?: number;
}

/**
 * The attachment preset: an attachment sent as a separate file is signed by the organisation at
 * the top right of page 1, no image, the document's number and symbol and the signing time,
 * 10 pt upright black (VN-PROFILE.md).
 */
export function attachmentPreset(options: AttachmentPresetOptions): Preset {
  return {
    name: 'attachment',
    async resolve(ctx) {
      const fonts = await ctx.fonts();
      const size = options.size ?? 10;
      const rows = [
        { text: options.number.normalize('NFC').trim(), font: fonts.regular, size },
        { text: signingTimeLine(ctx.signingTime, options), font: fonts.regular, size },
      ];
      const place = options.place ?? cornerPlace(ctx.pages, options.width ?? 200, rowsHeight(rows));
      return textBlock(rows, place, { align: 'left' });
    },
  };
}
