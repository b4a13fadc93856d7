import type { Certificate, SigningTimeStyle } from '@kyso/core';
import type { FontFamily } from '../appearance/font/default-fonts.js';
import type { PageInfo } from '../document/pages.js';
import type { PdfDocument } from '../document/pdf-document.js';
import type { DisplayedRect } from '../fields/placement.js';
import type { AppearanceDrawer } from '../fields/signature-field.js';

export type PresetName = 'personal' | 'organization' | 'number' | 'date' | 'attachment' | 'copy';

/** Where a signature goes: a page (1-based) and a rectangle as displayed (DESIGN.md's `--visible`). */
export interface PresetPlace {
  page: number;
  rect: DisplayedRect;
}

/** What a preset sees when it is resolved, just before the signature is prepared. */
export interface PresetContext {
  /** The document being signed (its latest revision). */
  doc: PdfDocument;
  pages: PageInfo[];
  /** The signer's certificate. */
  signer: Certificate;
  /** The signing clock's reading: what the appearance prints. */
  signingTime: Date;
  /** The caller's fonts, or the bundled Liberation Serif family. */
  fonts(): Promise<FontFamily>;
  signal?: AbortSignal;
}

/** A resolved preset: its default place and its drawing (the caller's --visible or --field win). */
export interface PresetPlacement {
  place: PresetPlace;
  appearance: AppearanceDrawer;
  /** The text lines drawn, NFC-normalised (for previews and tests). */
  lines: string[];
}

/**
 * A visible-signature preset of VN-PROFILE.md: an options object turned into a place and an
 * appearance once the document, the signer and the signing time are known.
 */
export interface Preset {
  readonly name: PresetName;
  resolve(context: PresetContext): Promise<PresetPlacement>;
}

/** Options every preset takes. */
export interface PresetCommonOptions {
  /** Overrides the default place (page 1-based, displayed points). */
  place?: PresetPlace;
  /** Font size in points (each preset has its own default). */
  size?: number;
  /** `iso` (2025-01-02T16:29:02+07:00, default) or `dotted` (02.01.2025 16:29:02 +07:00). */
  timeStyle?: SigningTimeStyle;
  /** Printed before the signing time; default "Thời gian ký: ". */
  timeLabel?: string;
}
