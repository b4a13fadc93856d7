import { readFile } from 'node:fs/promises';
import { KysoError, type Lang, parseCalendarDate, type SigningTimeStyle } from '@kyso/core';
import {
  type AppearanceImage,
  attachmentPreset,
  copyPreset,
  datePreset,
  type FontFamily,
  fontFamily,
  loadImage,
  numberPreset,
  organizationPreset,
  parseCopyKind,
  personalPreset,
} from '@kyso/pdf';
import type { PresetChoice, PresetValues } from './preset-flags.js';

const PRESETS = ['personal', 'organization', 'number', 'date', 'clerk', 'attachment', 'copy'] as const;

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

async function readInput(path: string, what: string, lang: Lang): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new KysoError('IO_ERROR', {
      params: { path, detail: `${what}: ${(error as Error).message}` },
      lang,
    });
  }
}

/** A caller's TTF/OTF as the whole family (one face draws the bold and italic lines too). */
export async function fontOption(path: string | undefined, lang: Lang): Promise<FontFamily | undefined> {
  if (!path) return undefined;
  const face = await readInput(path, '--font', lang);
  return fontFamily({ regular: face, bold: face, italic: face, boldItalic: face });
}

async function imageOption(path: string | undefined, lang: Lang): Promise<AppearanceImage | undefined> {
  return path ? loadImage(await readInput(path, '--image', lang)) : undefined;
}

function timeStyle(value: string | undefined, lang: Lang): SigningTimeStyle | undefined {
  if (value === undefined) return undefined;
  if (value !== 'iso' && value !== 'dotted') throw usage('--time-style must be iso or dotted', lang);
  return value;
}

/** The preset `--preset` names, from the other preset options; each checks what it needs. */
export async function presetOption(values: PresetValues, lang: Lang): Promise<PresetChoice> {
  const name = values.preset;
  if (name === undefined) return { kind: 'none' };
  if (!(PRESETS as readonly string[]).includes(name))
    throw usage(`--preset must be ${PRESETS.join(', ')}`, lang);
  const style = timeStyle(values['time-style'], lang);
  const image = await imageOption(values.image, lang);
  const date = values.date === undefined ? undefined : parseCalendarDate(values.date);
  const number = values['doc-number'];
  const needNumber = () => {
    if (!number) throw usage(`--preset ${name} needs --doc-number`, lang);
    return number;
  };
  const org = values['org-name'];
  const time = style ? { timeStyle: style } : {};
  switch (name) {
    case 'personal':
      return { kind: 'single', preset: personalPreset(image ? { image } : {}) };
    case 'organization':
      return {
        kind: 'single',
        preset: organizationPreset({
          ...(image ? { seal: image } : {}),
          ...(org ? { organizationName: org } : {}),
          ...time,
        }),
      };
    case 'number':
      return { kind: 'single', preset: numberPreset({ number: needNumber() }) };
    case 'date':
      return {
        kind: 'single',
        preset: datePreset({
          ...(date ? { date } : {}),
          ...(values.place ? { placeName: values.place } : {}),
        }),
      };
    case 'attachment':
      return { kind: 'single', preset: attachmentPreset({ number: needNumber(), ...time }) };
    case 'copy': {
      const kind = values['copy-kind'];
      if (!kind) throw usage('--preset copy needs --copy-kind "SAO Y"|"SAO LỤC"|"TRÍCH SAO"', lang);
      return {
        kind: 'single',
        preset: copyPreset({ kind: parseCopyKind(kind), ...(org ? { organizationName: org } : {}), ...time }),
      };
    }
    default:
      return {
        kind: 'clerk',
        options: {
          number: needNumber(),
          ...(date ? { date } : {}),
          ...(values.place ? { placeName: values.place } : {}),
          ...(image ? { seal: image } : {}),
          ...(org ? { organizationName: org } : {}),
          ...time,
        },
      };
  }
}
