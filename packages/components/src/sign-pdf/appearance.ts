import type { Certificate } from '@kyso/core';
import type { Lang } from '@kyso/core/errors';
import type { AppearanceBox, AppearanceDrawer } from '@kyso/pdf';
import type { PageRect } from './placement.js';

/** What a signature's appearance is drawn from, besides the box: who signs, when, and where. */
export interface AppearanceContext {
  /** The element's language. */
  lang: Lang;
  /** The signing time written in /M: what an appearance should print. */
  signingTime: Date;
  /** The signer's certificate, parsed (name, organisation, identifiers: what presets print). */
  certificate: Certificate;
  /** The signer's common name (the certificate's CN), NFC. */
  signerName: string;
  /** DER, the signer's first. */
  certificates: readonly Uint8Array[];
  /** The placement, when the user or the page chose one (1-based page, displayed points). */
  page?: number;
  rect?: PageRect;
  /** The existing field signed into, when one was chosen. */
  field?: string;
}

/** What a drawer draws: content operators and their resources (@kyso/pdf's AppearanceDrawer result). */
export type DrawnAppearance = Awaited<ReturnType<AppearanceDrawer>>;

/** The box a drawer draws in, with the context above. */
export type AppearanceInput = AppearanceBox & AppearanceContext;

/**
 * `<sign-pdf>`'s `appearance`: an AppearanceDrawer from @kyso/pdf (`drawAppearance({...})`), or a
 * function of the context that returns one (or undefined for the default frame). Both are called
 * with the same argument, the drawing box and the context, so either form fits.
 */
export type SignAppearance = (
  input: AppearanceInput,
) => DrawnAppearance | AppearanceDrawer | undefined | Promise<DrawnAppearance | AppearanceDrawer | undefined>;
