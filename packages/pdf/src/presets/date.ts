import { type CalendarDate, formatDateLine } from '@kyso/core';
import { dateLinePlace } from './page-layout.js';
import { textBlock } from './text-block.js';
import { rowsHeight } from './text-rows.js';
import type { Preset, PresetCommonOptions } from './types.js';

export interface DatePresetOptions extends Omit<PresetCommonOptions, 'timeStyle' | 'timeLabel'> {
  /** The place name printed before the date ("Thái Bình"); none by default. */
  placeName?: string;
  /** The document's date (default: the signing day on the Vietnamese clock). */
  date?: CalendarDate;
}

/**
 * The date preset: "Thái Bình, ngày 05 tháng 01 năm 2024" (the zero-padding rule of Decree 30)
 * under the national motto (page 1, top right), 13 pt italic.
 */
export function datePreset(options: DatePresetOptions = {}): Preset {
  return {
    name: 'date',
    async resolve(ctx) {
      const fonts = await ctx.fonts();
      const text = formatDateLine(options.date ?? ctx.signingTime, options.placeName);
      const rows = [{ text, font: fonts.italic, size: options.size ?? 13 }];
      return textBlock(rows, options.place ?? dateLinePlace(ctx.pages, rowsHeight(rows)));
    },
  };
}
