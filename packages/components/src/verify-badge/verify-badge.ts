import type { RevocationMode, VerificationReport } from '@kyso/core';
import { KysoError, type Lang, toKysoError } from '@kyso/core/errors';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type SVGTemplateResult, svg, type TemplateResult } from 'lit';
import { KysoErrorEvent } from '../events/kyso-error-event.js';
import { KysoVerifiedEvent } from '../events/kyso-verified-event.js';
import { fill } from '../i18n/lang.js';
import { KysoElement } from '../internal/kyso-element.js';
import { loadDocument, type PdfData } from '../internal/load-document.js';
import type { reportDetails } from './signature-details.js';
import type { CertificateInput } from './verification.js';
import { BADGE_STRINGS, type BadgeStrings } from './verify-badge.strings.js';
import { badgeStyles } from './verify-badge.styles.js';

export type { CertificateInput } from './verification.js';

type Shown = 'idle' | 'loading' | 'error' | VerificationReport['status'];

const REVOCATION_MODES: readonly RevocationMode[] = ['online', 'embedded', 'off'];

// svg``, not html``: these are children of an <svg>
const ICONS: Record<Shown, SVGTemplateResult> = {
  valid: svg`<path d="m4 8.5 2.5 2.5L12 5.5" />`,
  invalid: svg`<path d="m5 5 6 6M11 5l-6 6" />`,
  indeterminate: svg`<path d="M8 4.5v4.5M8 11.5v.01" />`,
  unsigned: svg`<path d="M4.5 8h7" />`,
  error: svg`<path d="M8 4.5v4.5M8 11.5v.01" />`,
  idle: svg`<path d="M4.5 8h7" />`,
  loading: svg`<path class="spin" d="M8 2.5a5.5 5.5 0 1 1-5.5 5.5" />`,
};

/**
 * A compact verdict on a PDF's signatures, verified in the browser with @kyso/pdf: valid (green),
 * invalid (red), indeterminate (amber) or unsigned (grey), with the number of signatures. The button
 * opens a panel listing each signature with what Circular 15/2025 asks verification software to
 * show: signer (with CCCD/MST), issuing CA, signing time or time-stamp on the +07:00 clock,
 * integrity, validity at signing time, certificate period, changes after signing and the trust
 * anchor reached. The verdict is announced in a live region.
 *
 * Trust comes from any of `anchors` (PEM/DER), `trust-profile` (`vn-gov`, `vn-public`) and
 * `trust-src` (a URL of PEM/DER certificates). Revocation is `embedded` by default: no request
 * leaves the page unless `revocation="online"` is set (through the `fetch` property when given, and
 * through a kyso signing service's `revocation-url` when set, since most OCSP and CRL servers do not
 * answer pages of another origin). A new document, trust or language aborts the verification under
 * way and starts another.
 *
 * @tagname verify-badge
 * @summary Verifies a PDF's signatures and shows the verdict.
 *
 * @event kyso-verified - Verification finished: `detail` is the VerificationReport.
 * @event kyso-error - The document could not be verified: `detail.code`, localised `detail.message`.
 *
 * @csspart base - The badge's frame.
 * @csspart summary - The button with the verdict and the count.
 * @csspart icon - The status icon.
 * @csspart label - The verdict text.
 * @csspart count - The number of signatures.
 * @csspart panel - The details panel.
 * @csspart signature - Each signature in the panel.
 * @csspart signature-status - A signature's own verdict.
 * @csspart detail - Each labelled line of a signature.
 * @csspart policy - How and when the file was checked.
 * @csspart message - The error message.
 *
 * @cssprop --kyso-color-valid - Text and border of the valid state (default #116329).
 * @cssprop --kyso-background-valid - Background of the valid state (default #dafbe1).
 * @cssprop --kyso-color-invalid - Invalid state text and border (default #a40e26).
 * @cssprop --kyso-background-invalid - Invalid state background (default #ffebe9).
 * @cssprop --kyso-color-indeterminate - Indeterminate state text and border (default #7d4e00).
 * @cssprop --kyso-background-indeterminate - Indeterminate state background (default #fff8c5).
 * @cssprop --kyso-color-unsigned - Unsigned, idle and loading text and border (default #424a53).
 * @cssprop --kyso-background-unsigned - Their background (default #f6f8fa).
 * @cssprop --kyso-color-surface - Panel background (default #fff).
 * @cssprop --kyso-color-border - Panel border (default #d0d7de).
 * @cssprop --kyso-radius - Corner radius (default 6px).
 * @cssprop --kyso-font-family - Font.
 * @cssprop --kyso-font-size - Base size (default 0.875rem).
 * @cssprop --kyso-focus-ring - Focus outline.
 */
export class VerifyBadge extends KysoElement {
  static override styles = badgeStyles;

  static override properties = {
    src: { type: String },
    data: { attribute: false },
    anchors: { attribute: false },
    intermediates: { attribute: false },
    trustProfile: { type: String, attribute: 'trust-profile' },
    trustSrc: { type: String, attribute: 'trust-src' },
    revocation: { type: String },
    fetch: { attribute: false },
    revocationUrl: { type: String, attribute: 'revocation-url' },
    validationTime: { type: String, attribute: 'validation-time' },
    open: { type: Boolean, reflect: true },
  };

  /** URL of the PDF. `data` wins when both are set. */
  declare src: string | undefined;
  /** The PDF itself: a File, Blob or bytes. */
  declare data: PdfData | undefined;
  /** Trust anchors: PEM text (one or more certificates each) or DER. */
  declare anchors: readonly CertificateInput[];
  /** Known intermediate CAs, for signatures that do not carry their chain. */
  declare intermediates: readonly CertificateInput[];
  /** A built-in trust profile: `vn-gov` or `vn-public`. */
  declare trustProfile: string | undefined;
  /** URL of trust anchors (PEM, one or more, or DER). */
  declare trustSrc: string | undefined;
  /** `embedded` (default: no network), `online` or `off`. */
  declare revocation: RevocationMode;
  /** The fetch used when `revocation` is `online` (e.g. through a signing service's proxy). */
  declare fetch: typeof globalThis.fetch | undefined;
  /**
   * A kyso signing service's revocation route (`{base}/revocation` of @kyso/node-adapter): online OCSP
   * and CRL requests go through it, with `fetch`, instead of straight to the CA's servers.
   */
  declare revocationUrl: string | undefined;
  /** ISO 8601 time the verdict should hold at (default: now). */
  declare validationTime: string | undefined;
  /** Whether the details panel is open. */
  declare open: boolean;

  /** The panel's renderer: it formats with @kyso/core, so it arrives with the verifier. */
  #details: typeof reportDetails | undefined;

  constructor() {
    super();
    this.anchors = [];
    this.intermediates = [];
    this.revocation = 'embedded';
    this.open = false;
  }

  readonly #verification = new Task(this, {
    args: () =>
      [
        this.src,
        this.data,
        this.anchors,
        this.intermediates,
        this.trustProfile,
        this.trustSrc,
        this.revocation,
        this.fetch,
        this.revocationUrl,
        this.validationTime,
        this.language,
      ] as const,
    task: async (
      [src, data, anchors, intermediates, trustProfile, trustSrc, revocation, fetchFn, service, at, lang],
      { signal },
    ) => {
      try {
        // a removed attribute reads as null: back to the default
        const mode = revocation || 'embedded';
        if (!REVOCATION_MODES.includes(mode))
          throw new KysoError('INVALID_INPUT', {
            params: { detail: `revocation must be online, embedded or off, not ${mode}` },
          });
        const validationTime = at ? new Date(at) : undefined;
        if (validationTime && Number.isNaN(validationTime.getTime()))
          throw new KysoError('INVALID_INPUT', {
            params: { detail: `validation-time is not an ISO 8601 time: ${at}` },
          });
        const document = await loadDocument(src, data, signal);
        if (!document) return initialState;
        // the verifier (PDF parser, CMS, X.509) loads on first use, never with define()
        const [{ verifyDocument }, { reportDetails }] = await Promise.all([
          import('./verification.js'),
          import('./signature-details.js'),
        ]);
        this.#details = reportDetails;
        const report = await verifyDocument({
          document,
          anchors,
          intermediates,
          trustProfile: trustProfile || undefined,
          trustSrc: trustSrc || undefined,
          revocation: mode,
          fetch: fetchFn,
          revocationUrl: service || undefined,
          validationTime,
          lang,
          signal,
        });
        signal.throwIfAborted();
        this.dispatchEvent(new KysoVerifiedEvent(report));
        return report;
      } catch (error) {
        if (!signal.aborted) this.dispatchEvent(new KysoErrorEvent(error, lang));
        throw error;
      }
    },
  });

  /** The last report, once verification has finished. */
  get report(): VerificationReport | undefined {
    return this.#verification.status === TaskStatus.COMPLETE ? this.#verification.value : undefined;
  }

  /**
   * Settles when the verification under way (if any) has finished and is shown: the report, or
   * undefined when there is no document or it failed.
   */
  get verificationComplete(): Promise<VerificationReport | undefined> {
    return this.#verification.taskComplete.then(
      async (report) => {
        await this.updateComplete;
        return report;
      },
      async () => {
        await this.updateComplete;
        return undefined;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#verification.abort();
  }

  #shown(): Shown {
    if (!this.src && !this.data) return 'idle';
    switch (this.#verification.status) {
      case TaskStatus.PENDING:
        return 'loading';
      case TaskStatus.ERROR:
        return 'error';
      case TaskStatus.COMPLETE:
        return this.#verification.value?.status ?? 'idle';
      default:
        return 'idle';
    }
  }

  #label(shown: Shown, t: BadgeStrings): string {
    if (shown === 'loading') return t.loading;
    if (shown === 'error') return t.failed;
    if (shown === 'idle') return t.idle;
    return t.status[shown];
  }

  #count(t: BadgeStrings): string {
    const n = this.report?.signatures.length ?? 0;
    return fill(n === 1 ? t.count.one : t.count.other, { count: n });
  }

  #announcement(shown: Shown, t: BadgeStrings, lang: Lang): string {
    switch (shown) {
      case 'idle':
        return '';
      case 'loading':
        return t.announce.loading;
      case 'error':
        return fill(t.announce.failed, { message: this.#errorMessage(lang) });
      case 'unsigned':
        return t.announce.unsigned;
      default:
        return fill(t.announce.result, { status: t.status[shown], count: this.#count(t) });
    }
  }

  #errorMessage(lang: Lang): string {
    return toKysoError(this.#verification.error, lang).localize(lang);
  }

  #toggle(): void {
    this.open = !this.open;
  }

  protected override render(): TemplateResult {
    const lang = this.language;
    const t = BADGE_STRINGS[lang];
    const shown = this.#shown();
    const report = this.report;
    const expandable = shown !== 'idle' && shown !== 'loading';
    const expanded = expandable && this.open;
    return html`
      <div class="badge ${shown}" part="base">
        <button class="summary" part="summary" type="button" aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="panel" ?disabled=${!expandable} title=${t.showDetails} @click=${this.#toggle}>
          <svg class="icon" part="icon" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="7" />${ICONS[shown]}
          </svg>
          <span class="label" part="label">${this.#label(shown, t)}</span>
          ${report && report.status !== 'unsigned' ? html`<span class="count" part="count">${this.#count(t)}</span>` : nothing}
          ${
            expandable
              ? html`<svg class="chevron" viewBox="0 0 16 16" aria-hidden="true"><path d="m4 6 4 4 4-4" /></svg>`
              : nothing
          }
        </button>
        <div class="visually-hidden" role="status">${this.#announcement(shown, t, lang)}</div>
        <section id="panel" class="panel" part="panel" aria-label=${t.panel} ?hidden=${!expanded}>
          ${expanded && report && this.#details ? this.#details(report, lang) : nothing}
          ${
            expanded && shown === 'error'
              ? html`<p class="message" part="message">${this.#errorMessage(lang)}
                  <span class="note">(${t.code}: ${toKysoError(this.#verification.error).code})</span></p>`
              : nothing
          }
        </section>
      </div>
    `;
  }
}
