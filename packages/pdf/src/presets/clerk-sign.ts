import type { CalendarDate } from '@kyso/core';
import type { ByteSource } from '../io/byte-source.js';
import { bytesSource } from '../io/byte-source.js';
import { appendedSource } from '../io/concat-source.js';
import { type PadesLevel, type SignedPdf, type SignPdfOptions, signPdf } from '../signing/sign-pdf.js';
import { datePreset } from './date.js';
import { numberPreset } from './number.js';
import { type OrganizationPresetOptions, organizationPreset } from './organization.js';
import type { PresetPlace } from './types.js';

export interface ClerkSignOptions
  extends Omit<SignPdfOptions, 'preset' | 'visible' | 'field' | 'appearance'>,
    Pick<OrganizationPresetOptions, 'seal' | 'sealSize' | 'organizationName' | 'timeStyle' | 'timeLabel'> {
  /** The number and symbol the system assigned ("12/KH-UBND"). */
  number: string;
  /** The document's date (default: the signing day in Vietnam). */
  date?: CalendarDate;
  /** The place before the date ("Thái Bình"). */
  placeName?: string;
  /** Places overriding the standard layout's. */
  places?: { number?: PresetPlace; date?: PresetPlace; seal?: PresetPlace };
  /** Existing empty fields of the draft to sign, by step. */
  fields?: { number?: string; date?: string; seal?: string };
}

export interface ClerkSigned extends SignedPdf {
  /** The three fields signed, in order: number, date, seal. */
  fieldNames: [string, string, string];
}

const TIMESTAMPED: readonly PadesLevel[] = ['B-T', 'B-LT', 'B-LTA'];

/**
 * The clerk's step (VN-PROFILE.md): the number, the date and the organisation's seal, three
 * signatures with the organisation's certificate appended in that order after the personal
 * signatures. Validation data (B-LT) and the archive time-stamp (B-LTA) come once, after the seal.
 */
export async function clerkSign(
  input: ByteSource | Uint8Array,
  options: ClerkSignOptions,
): Promise<ClerkSigned> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const {
    number,
    date,
    placeName,
    places,
    fields,
    seal,
    sealSize,
    organizationName,
    timeStyle,
    timeLabel,
    ...common
  } = options;
  // one font family for the three appearances
  const fonts = common.fonts;
  if (typeof fonts === 'function') {
    let once: ReturnType<typeof fonts> | undefined;
    common.fonts = () => {
      once ??= fonts();
      return once;
    };
  }
  // The signing-order rule reads and verifies the whole document: the number's signature checks it;
  // the date and the seal follow on a document that now only has more signatures.
  const checked: SignPdfOptions['signingOrder'] = { ...common.signingOrder, allowOrganizationFirst: true };
  const level = common.level ?? (common.tsa ? 'B-T' : 'B-B');
  const early: PadesLevel = TIMESTAMPED.includes(level) ? 'B-T' : 'B-B';
  const steps: SignPdfOptions[] = [
    {
      ...common,
      level: early,
      preset: numberPreset({ number, ...(places?.number ? { place: places.number } : {}) }),
      ...(fields?.number ? { field: fields.number } : {}),
    },
    {
      ...common,
      signingOrder: checked,
      level: early,
      preset: datePreset({
        ...(date ? { date } : {}),
        ...(placeName ? { placeName } : {}),
        ...(places?.date ? { place: places.date } : {}),
      }),
      ...(fields?.date ? { field: fields.date } : {}),
    },
    {
      ...common,
      signingOrder: checked,
      level,
      preset: organizationPreset({
        ...(seal ? { seal } : {}),
        ...(sealSize ? { sealSize } : {}),
        ...(organizationName ? { organizationName } : {}),
        ...(timeStyle ? { timeStyle } : {}),
        ...(timeLabel !== undefined ? { timeLabel } : {}),
        ...(places?.seal ? { place: places.seal } : {}),
        ...(common.signingOrder?.certificateKind
          ? { certificateKind: common.signingOrder.certificateKind }
          : {}),
      }),
      ...(fields?.seal ? { field: fields.seal } : {}),
    },
  ];
  let current: ByteSource = source;
  const parts: Uint8Array[] = [];
  const names: string[] = [];
  let last: SignedPdf | undefined;
  for (const step of steps) {
    last = await signPdf(current, step);
    parts.push(last.appended);
    names.push(last.fieldName);
    current = last.result;
  }
  const appended = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    appended.set(p, at);
    at += p.length;
  }
  return {
    source,
    appended,
    fieldName: names[2]!,
    fieldNames: names as [string, string, string],
    result: appendedSource(source, appended),
    ...(last?.validation ? { validation: last.validation } : {}),
  };
}
