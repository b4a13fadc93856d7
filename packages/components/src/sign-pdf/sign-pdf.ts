import type { CscAccessToken, CscPrompt, RevocationMode, Signer, VerificationReport } from '@kyso/core';
import { KysoError, type Lang, toKysoError } from '@kyso/core/errors';
import type { FontFamily, Preset } from '@kyso/pdf';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { KysoErrorEvent } from '../events/kyso-error-event.js';
import type { KysoPdfLoadedEvent, SignatureFieldBox } from '../events/kyso-pdf-loaded-event.js';
import type { KysoVerifiedEvent } from '../events/kyso-verified-event.js';
import { fill } from '../i18n/lang.js';
import { KysoElement } from '../internal/kyso-element.js';
import { loadDocument, type PdfData } from '../internal/load-document.js';
import type { PdfJsResources } from '../pdf-viewer/pdf-session.js';
import type { KysoPdfViewer } from '../pdf-viewer/pdf-viewer.js';
import type { CertificateInput } from '../verify-badge/verification.js';
import type { SignAppearance } from './appearance.js';
import { PinDialog } from './pin-dialog.js';
import {
  cssPercentages,
  fromTopLeft,
  type PageRect,
  type Placement,
  parseRect,
  roundRect,
} from './placement.js';
import { type PlacementChange, PlacementController } from './placement-controller.js';
import { SIGN_STRINGS, type SignStrings } from './sign-pdf.strings.js';
import { signStyles } from './sign-pdf.styles.js';
import type { SignLevel } from './signing.js';
import {
  type SignedDocument,
  SigningController,
  type SigningSetup,
  STAGE_FRACTION,
  type Target,
} from './signing-controller.js';

export type { AppearanceContext, AppearanceInput, SignAppearance } from './appearance.js';
export type { PageRect, Placement } from './placement.js';
export type { SignLevel } from './signing.js';

/** What `<sign-pdf>` is doing, also reflected in its `state` attribute (for styling). */
export type SignPdfState = 'empty' | 'loading' | 'ready' | 'signing' | 'signed' | 'error';

const LEVELS: readonly SignLevel[] = ['B-B', 'B-T', 'B-LT'];
const REVOCATION_MODES: readonly RevocationMode[] = ['online', 'embedded', 'off'];

function usage(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail } });
}

/**
 * Signs a PDF in the browser: shows it, lets the user place the signature (drag a box on a page, or
 * the keyboard: “Place signature”, arrows, Shift + arrows, Enter), or pick an empty signature field,
 * or takes the place from the page (`page` + `rect`, `field`, `invisible`); then signs with a
 * `Signer` (a WebCrypto key, a vendor's token bridge, or a CSC signing service through `csc-url` +
 * `credential`, whose PIN or OTP is asked in a modal dialog), shows the signed document and verifies
 * it. Only the digest of the signed attributes reaches the Signer: a remote service never sees the
 * document. The signing code (@kyso/pdf, the CSC client) loads on the first signature.
 *
 * @tagname sign-pdf
 * @summary Places and signs a PDF signature in the browser (PAdES B-B, B-T, B-LT).
 *
 * @event kyso-sign-start - Signing is about to begin; cancelable (`preventDefault()` stops it).
 *   `detail`: `field`, `page`, `rect`, `invisible`, `level`.
 * @event kyso-progress - A stage began: `detail.stage` (`prepare`, `sign`, `finish`, `verify`), `detail.fraction`.
 * @event kyso-signed - Signed and verified: `detail.bytes` (the whole signed file), `detail.fieldName`, `detail.report`.
 * @event kyso-error - Loading or signing failed: `detail.code`, localised `detail.message`.
 * @event kyso-pdf-loaded - From the inner viewer: the document (or the signed one) opened.
 * @event kyso-verified - From the inner badge: the signed document's verification report.
 *
 * @csspart base - The element's frame.
 * @csspart toolbar - The bar with the placement and signing controls.
 * @csspart place-button - “Place signature”.
 * @csspart clear-button - Removes the placed box.
 * @csspart field-select - The list of empty signature fields.
 * @csspart hint - How to place the signature.
 * @csspart target - Where the signature goes, when the page decided.
 * @csspart sign-button - “Sign”.
 * @csspart progress - The progress bar while signing.
 * @csspart stage - The stage text while signing.
 * @csspart signed - The result once signed.
 * @csspart badge - The `<verify-badge>` of the signed document.
 * @csspart error - The error message.
 * @csspart viewer - The `<kyso-pdf-viewer>`.
 * @csspart box - The signature box on the page (also the page's fixed place or chosen field).
 * @csspart preview - The text inside the box.
 * @csspart handle - The box's resize handle.
 * @csspart dialog - The PIN / OTP dialog.
 * @csspart dialog-title - Its title.
 * @csspart pin-input - Its input.
 * @csspart dialog-button - Its buttons; also `dialog-confirm` on the confirming one.
 *
 * @cssprop --kyso-color-primary - The Sign button (default #0b57d0).
 * @cssprop --kyso-color-on-primary - Its text (default #fff).
 * @cssprop --kyso-sign-box-color - The signature box's border (default #0b57d0).
 * @cssprop --kyso-sign-box-background - Its fill (default: the border colour at 10 %).
 * @cssprop --kyso-sign-preview-font - The preview's font (default Liberation Serif, Times New Roman, serif).
 * @cssprop --kyso-sign-preview-color - The preview's text colour (default #1f2328).
 * @cssprop --kyso-viewer-height - Height of the document view (default 32rem).
 * @cssprop --kyso-color-invalid - Error text (default #a40e26).
 * @cssprop --kyso-color-surface - Dialog and toolbar background (default #fff).
 * @cssprop --kyso-color-border - Borders (default #d0d7de).
 * @cssprop --kyso-radius - Corner radius (default 6px).
 * @cssprop --kyso-font-family - Font.
 * @cssprop --kyso-focus-ring - Focus outline.
 */
export class SignPdf extends KysoElement {
  static override styles = signStyles;

  static override properties = {
    src: { type: String },
    file: { attribute: false },
    workerSrc: { type: String, attribute: 'worker-src' },
    resources: { attribute: false },
    signer: { attribute: false },
    cscUrl: { type: String, attribute: 'csc-url' },
    credential: { type: String },
    accessToken: { attribute: false },
    fetch: { attribute: false },
    page: { type: Number },
    rect: { converter: { fromAttribute: parseRect } },
    field: { type: String },
    invisible: { type: Boolean },
    appearance: { attribute: false },
    preset: { attribute: false },
    fonts: { attribute: false },
    preview: { attribute: false },
    level: { type: String },
    tsaUrl: { type: String, attribute: 'tsa-url' },
    revocation: { type: String },
    revocationUrl: { type: String, attribute: 'revocation-url' },
    reason: { type: String },
    location: { type: String },
    anchors: { attribute: false },
    trustProfile: { type: String, attribute: 'trust-profile' },
    trustSrc: { type: String, attribute: 'trust-src' },
    verifyRevocation: { type: String, attribute: 'verify-revocation' },
  };

  /** URL of the PDF to sign. `file` wins when both are set. */
  declare src: string | undefined;
  /** The PDF to sign: a File (from an `<input type="file">`), a Blob or bytes. */
  declare file: PdfData | undefined;
  /** URL of pdf.js's worker (see `<kyso-pdf-viewer>`). */
  declare workerSrc: string | undefined;
  /** Where pdf.js finds its optional data files. */
  declare resources: PdfJsResources | undefined;
  /** Who signs: core's `WebCryptoSigner`, `CscSigner`, or any object implementing `Signer`. Wins over `csc-url`. */
  declare signer: Signer | undefined;
  /** A CSC v1/v2 signing service (e.g. kyso's node-adapter `/kyso` or `/kyso/csc/v2`); with `credential`. */
  declare cscUrl: string | undefined;
  /** The CSC credential ID to sign with. */
  declare credential: string | undefined;
  /** The CSC bearer token, or a function returning a fresh one. */
  declare accessToken: CscAccessToken | undefined;
  /** The fetch for the CSC service, the TSA, OCSP and CRLs (e.g. through a signing service's proxy). */
  declare fetch: typeof globalThis.fetch | undefined;
  /** A fixed place: 1-based page (with `rect`; 1 when only `rect` is set). */
  declare page: number | undefined;
  /**
   * A fixed place: `{x, y, width, height}` in points on the displayed page, origin lower-left (the
   * `kyso sign --visible` rule); as an attribute `x,y,width,height` or JSON.
   */
  declare rect: PageRect | undefined;
  /** Sign this field: an existing empty one, or a new one of this name (placed by `page` + `rect`). */
  declare field: string | undefined;
  /** Sign without a visible box (nothing to place). */
  declare invisible: boolean;
  /**
   * How the signature looks: @kyso/pdf's AppearanceDrawer (`drawAppearance({...})`), or a function
   * of the context (signer, signing time, place) returning one, or undefined for the plain frame.
   */
  declare appearance: SignAppearance | undefined;
  /**
   * A visible-signature preset of @kyso/pdf (`personalPreset({ image })`, `organizationPreset(…)`…):
   * it draws the signature and, when the user placed nothing, puts it in its default place.
   * `appearance` wins when both are set.
   */
  declare preset: Preset | undefined;
  /**
   * The fonts presets draw with: a family (@kyso/pdf's `fontFamily`) or a function loading one.
   * Default: the bundled Liberation Serif, fetched beside @kyso/pdf (bundlers copy it as an asset).
   */
  declare fonts: FontFamily | (() => Promise<FontFamily>) | undefined;
  /** The lines the box shows while placing (a preset's lines, the signer's name…). */
  declare preview: readonly string[] | undefined;
  /** `B-B`, `B-T` (needs `tsa-url`) or `B-LT`; B-T when only `tsa-url` is set, else B-B. */
  declare level: SignLevel | undefined;
  /** The time-stamping authority (e.g. the signing service's TSA proxy). */
  declare tsaUrl: string | undefined;
  /** The pre-signing check of the signer's certificate: `online` (default), `embedded` or `off`. */
  declare revocation: RevocationMode;
  /**
   * A kyso signing service's revocation route (`{base}/revocation` of @kyso/node-adapter): the OCSP
   * and CRL requests of the pre-signing check, of B-LT and of the verification go through it, with
   * `fetch`, instead of straight to the CA's servers (which seldom answer another origin's page).
   */
  declare revocationUrl: string | undefined;
  /** /Reason of the signature. */
  declare reason: string | undefined;
  /** /Location of the signature. */
  declare location: string | undefined;
  /** Trust anchors for verifying the signed document (PEM or DER). */
  declare anchors: readonly CertificateInput[];
  /** A built-in trust profile for the verification (`vn-gov`, `vn-public`). */
  declare trustProfile: string | undefined;
  /** URL of trust anchors for the verification. */
  declare trustSrc: string | undefined;
  /**
   * Revocation when verifying the signed file: by default `off` when `revocation` is off, `online` when
   * `revocation-url` is set, else `embedded`.
   */
  declare verifyRevocation: RevocationMode | undefined;

  readonly #dialog = new PinDialog(this);
  readonly #placement = new PlacementController(this, {
    sizes: () => this.#viewer?.pageSizes ?? [],
    currentPage: () => this.#viewer?.page ?? 1,
    changed: (change) => this.#placementChanged(change),
  });
  readonly #signing = new SigningController(this, {
    setup: () => this.#setup(),
    announce: (text) => this.#announce(text),
    signed: () => {
      this.#placement.reset();
      this.#chosenField = undefined;
    },
  });
  /** The empty signature fields of the document shown. */
  #fields: SignatureFieldBox[] = [];
  #loaded = false;
  #chosenField: string | undefined;
  #announcement = '';
  #csc: { key: readonly unknown[]; signer: Signer } | undefined;

  constructor() {
    super();
    this.invisible = false;
    this.revocation = 'online';
    this.anchors = [];
  }

  readonly #document = new Task(this, {
    args: () => [this.src, this.file] as const,
    task: async ([src, file], { signal }) => {
      try {
        const blob = await loadDocument(src, file, signal);
        return blob ?? initialState;
      } catch (error) {
        if (!signal.aborted) this.dispatchEvent(new KysoErrorEvent(error, this.language));
        throw error;
      }
    },
  });

  /** The signed file, once signed. */
  get signedBytes(): Uint8Array | undefined {
    return this.#signing.signed?.bytes;
  }

  /** The verification report of the signed file, once signed. */
  get report(): VerificationReport | undefined {
    return this.#signing.signed?.report;
  }

  /** The box the user placed: 1-based page and displayed points from the lower-left. */
  get placement(): Placement | undefined {
    const p = this.#placement.placement;
    return p ? { page: p.page, rect: roundRect(p.rect) } : undefined;
  }

  get state(): SignPdfState {
    if (this.#signing.signing) return 'signing';
    if (!this.src && !this.file) return 'empty';
    if (this.#signing.signed) return 'signed';
    const loading = this.#document.status;
    if (this.#signing.error !== undefined || loading === TaskStatus.ERROR) return 'error';
    if (loading === TaskStatus.COMPLETE && this.#document.value) return this.#loaded ? 'ready' : 'loading';
    return loading === TaskStatus.PENDING || loading === TaskStatus.COMPLETE ? 'loading' : 'empty';
  }

  /**
   * This element's PIN and OTP prompts, for a `CscSigner` the page builds
   * (`new CscSigner({ ...options, ...signPdf.prompts })`) or a vendor's Signer.
   */
  get prompts(): { pin: CscPrompt; otp: CscPrompt } {
    return {
      pin: (context) => this.#dialog.ask('pin', context),
      otp: (context) => this.#dialog.ask('otp', context),
    };
  }

  /** Puts the default box on `page` (the page in view by default) and focuses it for the arrow keys. */
  placeSignature(page?: number): void {
    this.#chosenField = undefined;
    this.#placement.place(page);
  }

  /** Removes the placed box. */
  clearPlacement(): void {
    this.#placement.clear();
  }

  /**
   * Signs the document shown (after a signature: the signed file) where it was placed. Resolves
   * with the signed file (also `signedBytes`), or undefined when a `kyso-sign-start` listener
   * cancelled; rejects with a KysoError, also dispatched as `kyso-error`. A call while signing
   * returns the signature under way.
   */
  sign(): Promise<Uint8Array | undefined> {
    return this.#signing.sign();
  }

  get #viewer(): KysoPdfViewer | null {
    return this.renderRoot.querySelector('kyso-pdf-viewer');
  }

  /** No place is given by the page: the user places the box or picks a field. */
  get #interactive(): boolean {
    return !this.invisible && !this.rect && !this.field;
  }

  /** The fixed place of `page` + `rect` (page 1 when only `rect` is set). */
  get #fixedPlace(): Placement | undefined {
    return this.rect ? { page: Math.max(1, Math.round(this.page ?? 1)), rect: this.rect } : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('file')) {
      // a new document: nothing placed, signed or failed carries over
      this.#signing.reset();
      this.#placement.reset();
      this.#fields = [];
      this.#loaded = false;
      this.#chosenField = undefined;
      this.#announcement = '';
    }
  }

  protected override updated(): void {
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
  }

  async #setup(): Promise<SigningSetup> {
    const lang = this.language;
    return {
      document: await this.#documentBlob(),
      target: this.#target(),
      level: this.#level(),
      revocation: this.#revocationMode(),
      signer: () => this.#signer(lang),
      appearance: this.appearance,
      preset: this.preset,
      fonts: this.fonts,
      tsaUrl: this.#absolute(this.tsaUrl),
      fetch: this.fetch,
      revocationUrl: this.#absolute(this.revocationUrl),
      reason: this.reason || undefined,
      location: this.location || undefined,
    };
  }

  /** What is shown: the document given, or the file signed last (a further signature goes on it). */
  async #documentBlob(): Promise<Blob> {
    const signed = this.#signing.signed;
    if (signed) return new Blob([new Uint8Array(signed.bytes)], { type: 'application/pdf' });
    await this.#document.taskComplete.catch(() => undefined);
    if (this.#document.status === TaskStatus.ERROR) throw this.#document.error;
    const blob = this.#document.status === TaskStatus.COMPLETE ? this.#document.value : undefined;
    if (!blob) throw usage('no document to sign: set src or file');
    return blob;
  }

  #target(): Target {
    const field = this.field ? { field: this.field } : {};
    if (this.invisible) return { invisible: true, ...field };
    const fixed = this.#fixedPlace;
    if (fixed) return { invisible: false, visible: fixed, ...field };
    if (this.field) return { invisible: false, field: this.field };
    if (this.#chosenField) return { invisible: false, field: this.#chosenField };
    const placed = this.placement;
    if (placed) return { invisible: false, visible: placed };
    // a preset knows its default place (the signature block, the seal over the last signature…)
    if (this.preset) return { invisible: false };
    throw usage(
      'no place for the signature: draw a box on a page, choose a field, or set page and rect (or invisible)',
    );
  }

  #level(): SignLevel {
    const level = this.level || (this.tsaUrl ? 'B-T' : 'B-B');
    if (!LEVELS.includes(level)) throw usage(`level must be B-B, B-T or B-LT, not ${level}`);
    if (level !== 'B-B' && !this.tsaUrl)
      throw usage(`level ${level} needs a time-stamping authority (tsa-url)`);
    return level;
  }

  #revocationMode(): RevocationMode {
    const mode = this.revocation || 'online';
    if (!REVOCATION_MODES.includes(mode))
      throw usage(`revocation must be online, embedded or off, not ${mode}`);
    return mode;
  }

  #absolute(url: string | undefined): string | undefined {
    return url ? new URL(url, document.baseURI).href : undefined;
  }

  /** `signer`, or the CSC signer of `csc-url` + `credential` (made once per service, credential, token and fetch). */
  async #signer(lang: Lang): Promise<Signer> {
    if (this.signer) return this.signer;
    const url = this.#absolute(this.cscUrl);
    if (!url || !this.credential) throw new KysoError('KEY_NOT_FOUND');
    const key = [url, this.credential, this.accessToken, this.fetch, lang] as const;
    if (this.#csc?.key.every((k, i) => k === key[i])) return this.#csc.signer;
    const { cscSigner } = await import('./signing.js');
    const signer = cscSigner({
      url,
      credential: this.credential,
      accessToken: this.accessToken,
      fetch: this.fetch,
      lang,
      prompts: this.prompts,
    });
    this.#csc = { key, signer };
    return signer;
  }

  #announce(text: string): void {
    this.#announcement = text;
    this.requestUpdate();
  }

  #placementChanged(change: PlacementChange): void {
    const t = SIGN_STRINGS[this.language];
    const p = this.#placement.placement;
    if (change !== 'removed') this.#chosenField = undefined;
    if (change === 'removed') this.#announce(t.announce.removed);
    else if (p)
      this.#announce(
        fill(t.announce[change === 'moved' ? 'placed' : change], { position: this.#position(p, t) }),
      );
    if (change === 'confirmed')
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part~="sign-button"]')?.focus(),
      );
    if (change === 'removed')
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part~="place-button"]')?.focus(),
      );
  }

  #position(p: Placement, t: SignStrings): string {
    const r = p.rect;
    const n = (v: number) => Math.round(v);
    return fill(t.position, { page: p.page, x: n(r.x), y: n(r.y), width: n(r.width), height: n(r.height) });
  }

  #onViewerLoaded(event: KysoPdfLoadedEvent): void {
    this.#loaded = true;
    // the signed file: its new signature in view
    const signed = this.#signing.signed;
    if (signed) (event.target as KysoPdfViewer).revealField(signed.fieldName);
    else this.#signing.warm();
    this.#fields = event.detail.fields.filter((f) => !f.signed);
    this.requestUpdate();
  }

  #onFieldChosen(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.#chosenField = value || undefined;
    if (this.#chosenField) {
      this.#placement.reset();
      this.#announce(fill(SIGN_STRINGS[this.language].announce.fieldChosen, { name: this.#chosenField }));
    }
    this.requestUpdate();
  }

  #onVerified(event: KysoVerifiedEvent): void {
    this.#signing.verified(event.detail);
  }

  #canSign(): boolean {
    if (this.#signing.signing || this.#signing.signed || !this.#loaded) return false;
    return !this.#interactive || !!this.#chosenField || !!this.#placement.placement;
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    const t = SIGN_STRINGS[lang];
    const state = this.state;
    const doc = this.#document.status === TaskStatus.COMPLETE ? this.#document.value : undefined;
    const signed = this.#signing.signed;
    const shown = signed?.bytes ?? doc;
    return html`
      <div class="frame" part="base">
        <div class="toolbar" part="toolbar" role="group" aria-label=${t.controls}>
          ${signed ? this.#renderSigned(t, signed) : this.#renderControls(t, state)}
        </div>
        ${this.#renderError(lang, t)}
        ${
          shown
            ? html`<kyso-pdf-viewer part="viewer" .data=${shown} worker-src=${this.workerSrc ?? nothing}
                .resources=${this.resources} .report=${signed?.report}
                @kyso-pdf-loaded=${this.#onViewerLoaded}>
                ${this.#renderOverlays(t)}
              </kyso-pdf-viewer>`
            : html`<p class="empty">${state === 'loading' ? t.loading : state === 'error' ? nothing : t.empty}</p>`
        }
        <div class="visually-hidden" role="status">${this.#announcement}</div>
        <p id="box-help" class="visually-hidden">${t.boxHelp}</p>
        ${this.#dialog.render(t.dialog)}
      </div>
    `;
  }

  #renderControls(t: SignStrings, state: SignPdfState): TemplateResult {
    const signing = this.#signing.signing;
    const stage = this.#signing.stage;
    const empty = this.#fields;
    const placeable = this.#interactive && this.#loaded && !signing;
    return html`
      ${
        this.#interactive
          ? html`
              <button type="button" part="place-button" class="secondary" ?disabled=${!placeable}
                @click=${() => this.placeSignature()}>${t.placeButton}</button>
              ${
                this.#placement.placement
                  ? html`<button type="button" part="clear-button" class="secondary" ?disabled=${signing}
                      @click=${() => this.clearPlacement()}>${t.clearButton}</button>`
                  : nothing
              }
              ${
                empty.length > 0
                  ? html`<label class="fields"><span>${t.fieldSelect}</span>
                      <select part="field-select" ?disabled=${!placeable} @change=${this.#onFieldChosen}>
                        <option value="" ?selected=${!this.#chosenField}>${t.fieldNone}</option>
                        ${empty.map(
                          (f) => html`<option value=${f.name} ?selected=${this.#chosenField === f.name}>
                            ${fill(t.fieldOption, { name: f.name, page: f.page + 1 })}</option>`,
                        )}
                      </select></label>`
                  : nothing
              }
              <span class="hint" part="hint">${t.placeHint}</span>`
          : html`<span class="target" part="target">${this.#targetText(t)}</span>`
      }
      <span class="spacer"></span>
      ${
        signing
          ? html`<span class="stage" part="stage" aria-hidden="true">${stage ? t.stage[stage] : ''}</span>
              <progress part="progress" max="1" value=${stage ? STAGE_FRACTION[stage] : 0}
                aria-label=${t.progress}></progress>`
          : nothing
      }
      <button type="button" part="sign-button" class="primary" ?disabled=${!this.#canSign()}
        aria-busy=${signing ? 'true' : 'false'} @click=${() => void this.sign().catch(() => undefined)}>
        ${signing ? t.signingButton : t.signButton}
      </button>
      ${state === 'loading' ? html`<span class="visually-hidden">${t.loading}</span>` : nothing}
    `;
  }

  #targetText(t: SignStrings): string {
    if (this.invisible) return t.invisibleTarget;
    if (this.rect)
      return this.#position({ page: Math.max(1, Math.round(this.page ?? 1)), rect: this.rect }, t);
    return fill(t.fieldTarget, { name: this.field ?? '' });
  }

  #renderSigned(t: SignStrings, signed: SignedDocument): TemplateResult {
    // a page that gave the service's revocation route wants the signed file checked online through it
    const verifyMode =
      this.verifyRevocation ||
      (this.revocation === 'off' ? 'off' : this.revocationUrl ? 'online' : 'embedded');
    return html`<div class="signed" part="signed">
      <strong>${t.signedTitle}</strong>
      <verify-badge part="badge" .data=${signed.bytes} .anchors=${this.anchors}
        trust-profile=${this.trustProfile || nothing} trust-src=${this.trustSrc || nothing}
        revocation=${verifyMode} .fetch=${this.fetch} revocation-url=${this.revocationUrl || nothing}
        @kyso-verified=${this.#onVerified}
        @kyso-error=${() => this.#signing.verified(undefined)}></verify-badge>
      <span>${fill(t.signedIn, { field: signed.fieldName })}</span>
    </div>
    ${
      this.#signing.signing
        ? html`<span class="spacer"></span><span class="stage" part="stage" aria-hidden="true">${t.stage.verify}</span>
            <progress part="progress" max="1" value=${STAGE_FRACTION.verify} aria-label=${t.progress}></progress>`
        : nothing
    }`;
  }

  #renderError(lang: Lang, t: SignStrings): TemplateResult | typeof nothing {
    const error =
      this.#signing.error ?? (this.#document.status === TaskStatus.ERROR ? this.#document.error : undefined);
    if (error === undefined) return nothing;
    const k = toKysoError(error, lang);
    return html`<div class="error" part="error" role="alert">
      <strong>${t.errorTitle}:</strong> ${k.localize(lang)} <span class="code">(${k.code})</span>
    </div>`;
  }

  #renderOverlays(t: SignStrings): TemplateResult | typeof nothing {
    if (this.#signing.signed || !this.#loaded) return nothing;
    const sizes = this.#viewer?.pageSizes ?? [];
    const preview = html`<div class="preview" part="preview">
      ${(this.preview?.length ? this.preview : [t.previewDefault]).map((line) => html`<span>${line}</span>`)}
    </div>`;
    // a place the page fixed, or the field picked: shown, not moved
    let fixed: Placement | undefined;
    if (!this.invisible && this.rect)
      fixed = { page: Math.max(1, Math.round(this.page ?? 1)), rect: this.rect };
    const fieldName = this.#interactive ? this.#chosenField : this.invisible ? undefined : this.field;
    const field = fieldName ? this.#fields.find((f) => f.name === fieldName) : undefined;
    if (!fixed && field) {
      const size = sizes[field.page];
      if (size) fixed = { page: field.page + 1, rect: fromTopLeft(field.rect, size) };
    }
    const fixedSize = fixed ? sizes[fixed.page - 1] : undefined;
    return html`
      ${this.#interactive && !this.#signing.signing ? this.#placement.renderSurfaces() : nothing}
      ${
        this.#interactive && !this.#chosenField
          ? this.#placement.renderBox(
              preview,
              fill(t.boxLabel, { page: this.#placement.placement?.page ?? 1 }),
              'box-help',
            )
          : nothing
      }
      ${
        fixed && fixedSize
          ? html`<div class="box fixed" part="box" slot="page-${fixed.page}"
              style=${styleMap(cssPercentages(fixed.rect, fixedSize))}>${preview}</div>`
          : nothing
      }
    `;
  }
}
