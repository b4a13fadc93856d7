import { KysoError } from '@kyso/core';
import { numberPlace } from './page-layout.js';
import { textBlock } from './text-block.js';
import { rowsHeight } from './text-rows.js';
import type { Preset, PresetCommonOptions } from './types.js';

export interface NumberPresetOptions extends Omit<PresetCommonOptions, 'timeStyle' | 'timeLabel'> {
  /** The number and symbol, "12/KH-UBND" (drawn as "Số: 12/KH-UBND"). */
  number: string;
}

/** "Số: 12/KH-UBND" with a leading "Số:" added when the caller did not write one. */
export function numberLine(number: string): string {
  const text = number.normalize('NFC').trim();
  if (!text)
    throw new KysoError('USAGE', { params: { detail: 'the document number is empty (--doc-number)' } });
  return /^số\s*:/iu.test(text) ? text : `Số: ${text}`;
}

/**
 * The number preset: "Số: …" under the issuing organisation's name (page 1, top left), 13 pt
 * upright, signed by the clerk with the organisation's certificate.
 */
export function numberPreset(options: NumberPresetOptions): Preset {
  const text = numberLine(options.number);
  return {
    name: 'number',
    async resolve(ctx) {
      const fonts = await ctx.fonts();
      const rows = [{ text, font: fonts.regular, size: options.size ?? 13 }];
      return textBlock(rows, options.place ?? numberPlace(ctx.pages, rowsHeight(rows)));
    },
  };
}
