import type { RevocationMode, Signer, VerificationReport } from '@kyso/core';
import { type Lang, toKysoError } from '@kyso/core/errors';
import type { FontFamily, Preset } from '@kyso/pdf';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KysoErrorEvent } from '../events/kyso-error-event.js';
import { KysoProgressEvent, type SignStage } from '../events/kyso-progress-event.js';
import { KysoSignStartEvent } from '../events/kyso-sign-start-event.js';
import { KysoSignedEvent } from '../events/kyso-signed-event.js';
import { fill } from '../i18n/lang.js';
import type { SignAppearance } from './appearance.js';
import { type Placement, roundRect } from './placement.js';
import { SIGN_STRINGS } from './sign-pdf.strings.js';
import type { SignLevel } from './signing.js';

/** Where the signature goes, as decided from the attributes and the user's choice. */
export interface Target {
  field?: string;
  visible?: Placement;
  invisible: boolean;
}

/** Everything one signature needs, read from the element when signing starts. */
export interface SigningSetup {
  document: Blob;
  target: Target;
  level: SignLevel;
  revocation: RevocationMode;
  /** Resolved only once no kyso-sign-start listener has cancelled (it may load the CSC client). */
  signer: () => Promise<Signer>;
  appearance: SignAppearance | undefined;
  /** A preset of @kyso/pdf: its drawing, and its default place when none was chosen. */
  preset: Preset | undefined;
  fonts: FontFamily | (() => Promise<FontFamily>) | undefined;
  tsaUrl: string | undefined;
  fetch: typeof globalThis.fetch | undefined;
  /** A signing service's revocation route, absolute. */
  revocationUrl: string | undefined;
  reason: string | undefined;
  location: string | undefined;
}

export interface SignedDocument {
  bytes: Uint8Array;
  fieldName: string;
  report: VerificationReport | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly language: Lang };

/** kyso-progress fractions at the start of each stage. */
export const STAGE_FRACTION: Readonly<Record<SignStage, number>> = {
  prepare: 0.05,
  sign: 0.35,
  finish: 0.65,
  verify: 0.85,
};

/**
 * One signature at a time for `<sign-pdf>`: kyso-sign-start (cancelable), the lazily loaded signing
 * code with its stages as kyso-progress, the signed file handed to the element's badge for
 * verification, then kyso-signed; any failure is kept, announced and dispatched as kyso-error.
 */
export class SigningController implements ReactiveController {
  #signing = false;
  #warming = false;
  #stage: SignStage | undefined;
  #error: unknown;
  #signed: SignedDocument | undefined;
  #verified: ((report: VerificationReport | undefined) => void) | undefined;
  #abort: AbortController | undefined;
  #inFlight: Promise<Uint8Array | undefined> | undefined;

  constructor(
    private readonly host: Host,
    private readonly options: {
      /** Reads the element; throws (INVALID_INPUT…) when it cannot sign as set. */
      setup(): Promise<SigningSetup>;
      announce(text: string): void;
      /** The file is signed: the element forgets the box it placed. */
      signed(): void;
    },
  ) {
    host.addController(this);
  }

  get signing(): boolean {
    return this.#signing;
  }

  get stage(): SignStage | undefined {
    return this.#stage;
  }

  /** The last failure, until the next attempt or document. */
  get error(): unknown {
    return this.#error;
  }

  get signed(): SignedDocument | undefined {
    return this.#signed;
  }

  /**
   * Fetches the signing and verification code while the page is idle, once a document is shown,
   * so a signature does not wait for it. Errors are left to the signature that needs the code.
   */
  warm(): void {
    if (this.#warming) return;
    this.#warming = true;
    const load = () => {
      void Promise.all([
        import('./signing.js'),
        import('../verify-badge/verification.js'),
        import('../verify-badge/signature-details.js'),
      ]).catch(() => {
        this.#warming = false;
      });
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 0);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** A new document: what was under way is abandoned, nothing signed or failed carries over. */
  reset(): void {
    this.#abort?.abort();
    this.#signed = undefined;
    this.#error = undefined;
  }

  /** The badge verified the signed file (undefined: it could not). */
  verified(report: VerificationReport | undefined): void {
    this.#verified?.(report);
  }

  sign(): Promise<Uint8Array | undefined> {
    this.#inFlight ??= this.#sign().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #sign(): Promise<Uint8Array | undefined> {
    const host = this.host;
    const lang = host.language;
    const t = SIGN_STRINGS[lang];
    const abort = new AbortController();
    try {
      const setup = await this.options.setup();
      const { target } = setup;
      const start = new KysoSignStartEvent({
        ...(target.field ? { field: target.field } : {}),
        ...(target.visible ? { page: target.visible.page, rect: roundRect(target.visible.rect) } : {}),
        invisible: target.invisible,
        level: setup.level,
      });
      host.dispatchEvent(start);
      if (start.defaultPrevented) return undefined;

      this.#abort = abort;
      this.#signing = true;
      this.#error = undefined;
      this.#progress('prepare');
      // the signing code (@kyso/pdf, the CSC client) arrives with the first signature
      const [signer, { signDocument }] = await Promise.all([setup.signer(), import('./signing.js')]);
      const result = await signDocument({
        document: setup.document,
        signer,
        field: target.field,
        visible: target.visible,
        appearance: setup.appearance,
        preset: setup.preset,
        fonts: setup.fonts,
        level: setup.level,
        tsaUrl: setup.tsaUrl,
        revocation: setup.revocation,
        fetch: setup.fetch,
        revocationUrl: setup.revocationUrl,
        reason: setup.reason,
        location: setup.location,
        lang,
        signal: abort.signal,
        onStage: (stage) => this.#progress(stage),
      });
      abort.signal.throwIfAborted();

      // the signed file replaces the original in the viewer; the badge verifies it
      const verified = new Promise<VerificationReport | undefined>((resolve) => {
        this.#verified = resolve;
        abort.signal.addEventListener('abort', () => resolve(undefined), { once: true });
      });
      this.#signed = { ...result, report: undefined };
      this.options.signed();
      this.#progress('verify');
      const report = await verified;
      abort.signal.throwIfAborted();
      this.#signed = { ...result, report };
      this.#signing = false;
      this.#stage = undefined;
      this.options.announce(fill(t.announce.signed, { field: result.fieldName }));
      host.dispatchEvent(new KysoProgressEvent({ stage: 'verify', fraction: 1 }));
      host.dispatchEvent(new KysoSignedEvent({ bytes: result.bytes, fieldName: result.fieldName, report }));
      return result.bytes;
    } catch (error) {
      // a signature abandoned for a new document or a removed element is nobody's error
      if (abort.signal.aborted) throw error;
      this.#signed = undefined;
      this.#error = error;
      this.options.announce(fill(t.announce.failed, { message: toKysoError(error, lang).localize(lang) }));
      host.dispatchEvent(new KysoErrorEvent(error, lang));
      throw error;
    } finally {
      this.#signing = false;
      this.#stage = undefined;
      this.#verified = undefined;
      if (this.#abort === abort) this.#abort = undefined;
      host.requestUpdate();
    }
  }

  #progress(stage: SignStage): void {
    this.#stage = stage;
    this.options.announce(SIGN_STRINGS[this.host.language].stage[stage]);
    this.host.dispatchEvent(new KysoProgressEvent({ stage, fraction: STAGE_FRACTION[stage] }));
  }
}
