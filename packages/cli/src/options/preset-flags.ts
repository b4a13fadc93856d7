import { KysoError, type Lang } from '@kyso/core';
import type { ClerkSignOptions, Preset } from '@kyso/pdf';

/** `kyso sign` options of visible presets (DESIGN.md's command contract). */
export const PRESET_OPTIONS = {
  preset: { type: 'string' },
  image: { type: 'string' },
  font: { type: 'string' },
  'doc-number': { type: 'string' },
  date: { type: 'string' },
  place: { type: 'string' },
  'org-name': { type: 'string' },
  'copy-kind': { type: 'string' },
  'time-style': { type: 'string' },
  'allow-organization-first': { type: 'boolean' },
} as const;

export type PresetValues = {
  preset?: string | undefined;
  image?: string | undefined;
  font?: string | undefined;
  'doc-number'?: string | undefined;
  date?: string | undefined;
  place?: string | undefined;
  'org-name'?: string | undefined;
  'copy-kind'?: string | undefined;
  'time-style'?: string | undefined;
};

/** What `--preset` asks for: one preset, the clerk's three signatures, or nothing. */
export type PresetChoice =
  | { kind: 'none' }
  | { kind: 'single'; preset: Preset }
  | {
      kind: 'clerk';
      options: Pick<
        ClerkSignOptions,
        'number' | 'date' | 'placeName' | 'seal' | 'organizationName' | 'timeStyle'
      >;
    };

/** The options that only mean something with `--preset`. */
const PRESET_ONLY = ['image', 'doc-number', 'date', 'place', 'org-name', 'copy-kind', 'time-style'] as const;

/**
 * Whether the preset code (drawing, fonts, images) is needed at all; refuses preset options given
 * without `--preset`. Kept apart from that code so a plain `kyso sign` never loads it.
 */
export function wantsPresets(values: PresetValues, lang: Lang): boolean {
  if (values.preset === undefined)
    for (const o of PRESET_ONLY)
      if (values[o] !== undefined)
        throw new KysoError('USAGE', { params: { detail: `--${o} needs --preset` }, lang });
  return values.preset !== undefined || values.font !== undefined;
}
