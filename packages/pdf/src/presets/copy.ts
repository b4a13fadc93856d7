import { KysoError } from '@kyso/core';
import { cornerPlace } from './page-layout.js';
import { organizationName, signingTimeLine } from './signer-text.js';
import { textBlock } from './text-block.js';
import { rowsHeight } from './text-rows.js';
import type { Preset, PresetCommonOptions } from './types.js';

/** The three kinds of electronic copy of Decree 30/2020/NĐ-CP. */
export const COPY_KINDS = ['SAO Y', 'SAO LỤC', 'TRÍCH SAO'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

export interface CopyPresetOptions extends PresetCommonOptions {
  kind: CopyKind;
  /** The copying organisation (default: the certificate's CN). */
  organizationName?: string;
  /** Width of the corner box in points (default 200). */
  width?: number;
}

/** A copy kind as typed by a person: case and Unicode form do not matter. */
export function parseCopyKind(text: string): CopyKind {
  const wanted = text.normalize('NFC').trim().toLocaleUpperCase('vi');
  const kind = COPY_KINDS.find((k) => k === wanted);
  if (!kind)
    throw new KysoError('USAGE', { params: { detail: `--copy-kind must be ${COPY_KINDS.join(' | ')}` } });
  return kind;
}

/**
 * The copy preset: an electronic copy is signed by the copying organisation at the top right of
 * page 1, no image: the kind of copy, the organisation and the signing time, 10 pt upright black.
 */
export function copyPreset(options: CopyPresetOptions): Preset {
  const kind = parseCopyKind(options.kind);
  return {
    name: 'copy',
    async resolve(ctx) {
      const fonts = await ctx.fonts();
      const size = options.size ?? 10;
      const rows = [
        { text: kind, font: fonts.regular, size },
        {
          text: (options.organizationName ?? organizationName(ctx.signer)).normalize('NFC'),
          font: fonts.regular,
          size,
          lines: 2,
        },
        { text: signingTimeLine(ctx.signingTime, options), font: fonts.regular, size },
      ];
      const place = options.place ?? cornerPlace(ctx.pages, options.width ?? 200, rowsHeight(rows));
      return textBlock(rows, place, { align: 'left' });
    },
  };
}
