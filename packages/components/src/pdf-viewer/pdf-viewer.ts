import type { VerificationReport } from '@kyso/core';
import { toKysoError } from '@kyso/core/errors';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { KysoErrorEvent } from '../events/kyso-error-event.js';
import { KysoPageChangeEvent } from '../events/kyso-page-change-event.js';
import { KysoPdfLoadedEvent, type SignatureFieldBox } from '../events/kyso-pdf-loaded-event.js';
import { fill } from '../i18n/lang.js';
import { KysoElement } from '../internal/kyso-element.js';
import { loadDocument, type PdfData } from '../internal/load-document.js';
import type { PageRendering, PdfJsResources, PdfSession } from './pdf-session.js';
import { VIEWER_STRINGS } from './pdf-viewer.strings.js';
import { viewerStyles } from './pdf-viewer.styles.js';
import { pdfjsLayerStyles } from './pdfjs-layers.styles.js';

/** CSS pixels per PDF point at 100 %: a page shows at its printed size (what pdf.js's viewer calls 100 %). */
const CSS_PER_POINT = 96 / 72;
const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const MIN_ZOOM = ZOOM_STEPS[0]!;
const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
/** Pages kept drawn at once; the ones farthest from view give their canvas back beyond this. */
const MAX_RENDERED = 12;
/** Device pixels per canvas (memory bound per page at high zoom and density). */
const MAX_CANVAS_PIXELS = 8_000_000;

interface PageState {
  scale: number;
  rendering: PageRendering;
}

interface OpenDocument {
  session: PdfSession;
  /** Displayed page sizes in points. */
  sizes: { width: number; height: number }[];
  fields: SignatureFieldBox[];
}

/**
 * A PDF viewer on pdf.js: pages render lazily as they scroll into view, with zoom, page navigation
 * and the document's signature fields outlined from @kyso/pdf's reading of the file (pdf.js hides
 * signature values). Each viewer owns its pdf.js worker and document; both end when it disconnects.
 *
 * Keyboard, with the page area focused: PageDown / PageUp for the next / previous page, Home / End
 * for the first / last, `+` / `-` to zoom, `0` for 100 %. Arrow keys scroll.
 *
 * @tagname kyso-pdf-viewer
 * @summary Shows a PDF with its signature fields outlined.
 *
 * @event kyso-pdf-loaded - The document opened: `detail.pageCount`, `detail.fields`.
 * @event kyso-page-change - The page in view changed: `detail.page` (1-based), `detail.pageCount`.
 * @event kyso-error - The document could not be loaded: `detail.code`, localised `detail.message`.
 *
 * @slot page-N - Laid over page N (1-based, e.g. `page-1`): content positioned absolutely in
 *   percentages of the page follows zoom. `<sign-pdf>` draws its signature box there.
 *
 * @csspart toolbar - The bar with page and zoom controls.
 * @csspart button - Each toolbar button.
 * @csspart page-input - The current-page number field.
 * @csspart zoom-level - The zoom percentage.
 * @csspart viewport - The scrolling page area (focusable).
 * @csspart page - Each page.
 * @csspart field - Each signature field outline; also `field-signed` or `field-empty`, and
 *   `field-valid`, `field-invalid` or `field-indeterminate` when a report is set.
 * @csspart status - The loading or error message.
 *
 * @cssprop --kyso-viewer-height - Height of the element (default 32rem).
 * @cssprop --kyso-viewer-background - Behind the pages (default #e8eaed).
 * @cssprop --kyso-page-gap - Space between pages (default 12px).
 * @cssprop --kyso-page-shadow - Page shadow.
 * @cssprop --kyso-toolbar-background - Toolbar background (default #f6f8fa).
 * @cssprop --kyso-field-color - Outline of signed fields without a report (default #0b57d0).
 * @cssprop --kyso-field-empty-color - Outline of empty signature fields (default #57606a).
 * @cssprop --kyso-color-valid - Outline of fields whose signature is valid.
 * @cssprop --kyso-color-invalid - Outline of fields whose signature is invalid.
 * @cssprop --kyso-color-indeterminate - Outline of fields whose signature is indeterminate.
 * @cssprop --kyso-font-family - Font of the controls.
 * @cssprop --kyso-focus-ring - Focus outline.
 */
export class KysoPdfViewer extends KysoElement {
  static override styles = [viewerStyles, pdfjsLayerStyles];

  static override properties = {
    src: { type: String },
    data: { attribute: false },
    workerSrc: { type: String, attribute: 'worker-src' },
    resources: { attribute: false },
    zoom: { type: Number },
    page: { type: Number },
    hideFields: { type: Boolean, attribute: 'hide-fields' },
    report: { attribute: false },
    label: { type: String },
  };

  /** URL of the PDF (fetched with the page's credentials rules). `data` wins when both are set. */
  declare src: string | undefined;
  /** The PDF itself: a File, Blob or bytes. */
  declare data: PdfData | undefined;
  /**
   * URL of pdf.js's worker (`pdfjs-dist/build/pdf.worker.min.mjs`, as your bundler emits it). Without
   * it pdf.js parses on the main thread: correct, but the page is busier while a file opens.
   */
  declare workerSrc: string | undefined;
  /** Where pdf.js finds its optional data files (CMaps, standard fonts, decoders). */
  declare resources: PdfJsResources | undefined;
  /** 1 = 100 % (printed size); from 0.25 to 4. */
  declare zoom: number;
  /** The page in view, 1-based; set it to go to a page. */
  declare page: number;
  /** Hides the signature field outlines. */
  declare hideFields: boolean;
  /** A verification report of the same file: field outlines take the status of their signature. */
  declare report: VerificationReport | undefined;
  /** Accessible name of the page area (default: "PDF document", localised). */
  declare label: string | undefined;

  #session: PdfSession | undefined;
  #pages = new Map<number, PageState>();
  #visible = new Set<number>();
  #observer: IntersectionObserver | undefined;
  #frame = 0;
  #scrollFrame = 0;
  /** Set while `page` follows scrolling, so the change does not scroll back. */
  #pageFromScroll = false;
  #announcedPage = 0;
  #reopen = false;
  /** The document the page observer and scroll position were set up for. */
  #shown: OpenDocument | undefined;
  /** The document being announced by kyso-pdf-loaded, before the task has settled. */
  #opening: OpenDocument | undefined;
  /** A field to bring into view once its outline is drawn (revealField). */
  #reveal: string | undefined;
  /** Where the view was (page, fraction of it) before a zoom, to keep it there after. */
  #zoomAnchor: { page: number; fraction: number } | undefined;

  constructor() {
    super();
    this.zoom = 1;
    this.page = 1;
    this.hideFields = false;
  }

  readonly #open = new Task(this, {
    args: () => [this.src, this.data, this.workerSrc, this.resources] as const,
    task: async ([src, data, workerSrc, resources], { signal }) => {
      this.#close();
      try {
        const file = await loadDocument(src, data, signal);
        if (!file) return initialState;
        const [{ PdfSession }, { readLayout }] = await Promise.all([
          import('./pdf-session.js'),
          import('./signature-fields.js'),
        ]);
        // read out of the Blob once: pdf.js takes (transfers) a copy, @kyso/pdf reads the layout
        const bytes = new Uint8Array(await file.arrayBuffer());
        signal.throwIfAborted();
        // the outlines are best effort: a file @kyso/pdf cannot read may still display
        const layout = readLayout(bytes, signal).catch(() => undefined);
        const session = await PdfSession.open(bytes.slice(), { workerSrc, resources, signal });
        if (signal.aborted) {
          session.destroy().catch(() => undefined);
          signal.throwIfAborted();
        }
        this.#session = session;
        const read = await layout;
        const sizes =
          read && read.pages.length === session.pageCount
            ? read.pages
            : Array.from({ length: session.pageCount }, () => ({ width: 0, height: 0 }));
        if (!read || read.pages.length !== session.pageCount) {
          // pdf.js's own sizes: page 1 for all until each page is drawn
          const first = await session.pageSize(0);
          sizes.fill(first);
        }
        signal.throwIfAborted();
        const doc: OpenDocument = { session, sizes, fields: read?.fields ?? [] };
        this.page = Math.min(Math.max(1, Math.round(this.page) || 1), session.pageCount);
        this.#opening = doc;
        this.dispatchEvent(new KysoPdfLoadedEvent({ pageCount: session.pageCount, fields: doc.fields }));
        return doc;
      } catch (error) {
        if (!signal.aborted) this.dispatchEvent(new KysoErrorEvent(error, this.language));
        throw error;
      }
    },
  });

  /** The open document, once loading has finished. */
  get #doc(): OpenDocument | undefined {
    return this.#open.status === TaskStatus.COMPLETE ? this.#open.value : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#reopen) {
      this.#reopen = false;
      void this.#open.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // a viewer taken out of the page keeps no worker, document or render alive
    this.#open.abort();
    this.#close();
    this.#reopen = true;
  }

  /** Ends the current document: renders cancelled, observer dropped, session destroyed. */
  #close(): void {
    for (const state of this.#pages.values()) state.rendering.cancel();
    this.#pages.clear();
    this.#visible.clear();
    this.#observer?.disconnect();
    this.#observer = undefined;
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#scrollFrame);
    this.#frame = this.#scrollFrame = 0;
    this.#announcedPage = 0;
    this.#shown = undefined;
    this.#opening = undefined;
    const session = this.#session;
    this.#session = undefined;
    // destroying is best effort: a worker that already failed has nothing left to end
    session?.destroy().catch(() => undefined);
  }

  get pageCount(): number {
    return this.#doc?.sizes.length ?? 0;
  }

  /** Each page's size as displayed (after /Rotate and the crop box), in points; empty until loaded. */
  get pageSizes(): readonly { readonly width: number; readonly height: number }[] {
    // already while kyso-pdf-loaded is dispatched, so a listener can lay things over the pages
    return (this.#doc ?? this.#opening)?.sizes ?? [];
  }

  /** CSS pixels per point at the current zoom. */
  get #scale(): number {
    return this.#clampZoom(this.zoom) * CSS_PER_POINT;
  }

  #clampZoom(zoom: number): number {
    return Number.isFinite(zoom) ? Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) : 1;
  }

  /** Goes to a page (1-based), clamped to the document. */
  goToPage(page: number): void {
    const count = this.pageCount;
    if (count === 0) return;
    this.page = Math.min(count, Math.max(1, Math.round(page)));
  }

  /**
   * Scrolls the page area (only it, never the page around it) so a signature field's outline is in
   * the middle of the view; when the document is still opening, as soon as it is shown.
   */
  revealField(name: string): void {
    this.#reveal = name;
    this.requestUpdate();
  }

  #scrollToField(name: string): void {
    const scroller = this.#scroller;
    const outline = this.renderRoot.querySelector<HTMLElement>(`.field[data-field="${CSS.escape(name)}"]`);
    const page = outline?.closest<HTMLElement>('.page');
    if (!scroller || !outline || !page) return;
    const middle = page.offsetTop + outline.offsetTop + outline.offsetHeight / 2;
    scroller.scrollTop = Math.max(0, middle - scroller.clientHeight / 2);
  }

  zoomIn(): void {
    const z = this.#clampZoom(this.zoom);
    this.zoom = ZOOM_STEPS.find((s) => s > z + 1e-6) ?? MAX_ZOOM;
  }

  zoomOut(): void {
    const z = this.#clampZoom(this.zoom);
    this.zoom = [...ZOOM_STEPS].reverse().find((s) => s < z - 1e-6) ?? MIN_ZOOM;
  }

  /** Zooms so the widest page fills the width of the page area. */
  fitWidth(): void {
    const scroller = this.#scroller;
    const doc = this.#doc;
    if (!scroller || !doc) return;
    const widest = Math.max(...doc.sizes.map((s) => s.width));
    const gap = Number.parseFloat(getComputedStyle(scroller).paddingLeft) * 2 || 0;
    this.zoom = this.#clampZoom((scroller.clientWidth - gap) / (widest * CSS_PER_POINT));
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  #pageElement(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.page[data-index="${index}"]`);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('zoom') && changed.get('zoom') !== undefined && this.#shown) {
      const scroller = this.#scroller;
      const el = this.#pageElement(this.page - 1);
      if (scroller && el)
        this.#zoomAnchor = {
          page: this.page,
          fraction: Math.max(0, (scroller.scrollTop - el.offsetTop) / Math.max(1, el.offsetHeight)),
        };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const doc = this.#doc;
    if (!doc) return;
    const fresh = doc !== this.#shown;
    if (fresh) {
      this.#shown = doc;
      this.#observePages();
    }
    const scroller = this.#scroller;
    if (changed.has('zoom') && this.#zoomAnchor && scroller) {
      const { page, fraction } = this.#zoomAnchor;
      this.#zoomAnchor = undefined;
      const el = this.#pageElement(page - 1);
      if (el) scroller.scrollTop = el.offsetTop + fraction * el.offsetHeight;
      this.#scheduleRender();
    }
    if (changed.has('page') || fresh) {
      if (this.#pageFromScroll) this.#pageFromScroll = false;
      else this.#scrollToPage(this.page);
      if (this.#announcedPage !== this.page) {
        this.#announcedPage = this.page;
        this.dispatchEvent(new KysoPageChangeEvent({ page: this.page, pageCount: this.pageCount }));
      }
    }
    if (this.#reveal !== undefined) {
      this.#scrollToField(this.#reveal);
      this.#reveal = undefined;
    }
  }

  #scrollToPage(page: number): void {
    const scroller = this.#scroller;
    const el = this.#pageElement(page - 1);
    if (!scroller || !el) return;
    const gap = Number.parseFloat(getComputedStyle(el).marginTop) || 0;
    scroller.scrollTop = Math.max(0, el.offsetTop - gap);
  }

  #observePages(): void {
    this.#observer?.disconnect();
    const scroller = this.#scroller;
    if (!scroller) return;
    // one screen above and below is drawn ahead, so scrolling rarely shows a blank page
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const index = Number((entry.target as HTMLElement).dataset['index']);
          if (entry.isIntersecting) this.#visible.add(index);
          else this.#visible.delete(index);
        }
        this.#scheduleRender();
      },
      { root: scroller, rootMargin: '100% 0px' },
    );
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.page')) this.#observer.observe(el);
  }

  #scheduleRender(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#renderVisible();
    });
  }

  #renderVisible(): void {
    const doc = this.#doc;
    const session = this.#session;
    if (!doc || !session) return;
    const scale = this.#scale;
    for (const index of [...this.#visible].sort((a, b) => a - b)) {
      const state = this.#pages.get(index);
      if (state?.scale === scale) continue;
      const el = this.#pageElement(index);
      const canvas = el?.querySelector('canvas');
      const textLayer = el?.querySelector<HTMLElement>('.textLayer');
      if (!el || !canvas || !textLayer) continue;
      state?.rendering.cancel();
      const rendering = session.render(index, { canvas, textLayer, scale, maxPixels: MAX_CANVAS_PIXELS });
      this.#pages.set(index, { scale, rendering });
      rendering.promise.then(
        () => {
          el.dataset['rendered'] = String(scale);
          void this.#correctSize(index);
        },
        (error: unknown) => {
          // a page that fails to draw stays blank; the others go on
          if (this.#pages.get(index)?.rendering === rendering) this.#pages.delete(index);
          el.dataset['failed'] = error instanceof Error ? error.name : 'error';
        },
      );
    }
    this.#releaseFarPages();
  }

  /** Without @kyso/pdf's sizes, each page's own size replaces page 1's once pdf.js has it. */
  async #correctSize(index: number): Promise<void> {
    const doc = this.#doc;
    const session = this.#session;
    if (!doc || !session) return;
    const size = await session.pageSize(index);
    const known = doc.sizes[index];
    if (known && (Math.abs(known.width - size.width) > 0.5 || Math.abs(known.height - size.height) > 0.5)) {
      doc.sizes[index] = size;
      this.requestUpdate();
    }
  }

  #releaseFarPages(): void {
    if (this.#pages.size <= MAX_RENDERED) return;
    const current = this.page - 1;
    const far = [...this.#pages.keys()]
      .filter((i) => !this.#visible.has(i))
      .sort((a, b) => Math.abs(b - current) - Math.abs(a - current));
    for (const index of far.slice(0, this.#pages.size - MAX_RENDERED)) {
      this.#pages.get(index)?.rendering.cancel();
      this.#pages.delete(index);
      const el = this.#pageElement(index);
      const canvas = el?.querySelector('canvas');
      if (canvas) canvas.width = canvas.height = 0;
      el?.querySelector('.textLayer')?.replaceChildren();
      if (el) delete el.dataset['rendered'];
      this.#session?.release(index);
    }
  }

  #onScroll(): void {
    if (this.#scrollFrame) return;
    this.#scrollFrame = requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      const scroller = this.#scroller;
      if (!scroller || !this.#doc) return;
      // the page crossing a line 40 % down the view is the current one
      const line = scroller.scrollTop + scroller.clientHeight * 0.4;
      const pages = this.renderRoot.querySelectorAll<HTMLElement>('.page');
      let lo = 0;
      let hi = pages.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pages[mid]!.offsetTop <= line) lo = mid;
        else hi = mid - 1;
      }
      const page = lo + 1;
      if (page !== this.page) {
        this.#pageFromScroll = true;
        this.page = page;
      }
    });
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey || !this.#doc) return;
    const actions: Record<string, () => void> = {
      PageDown: () => this.goToPage(this.page + 1),
      PageUp: () => this.goToPage(this.page - 1),
      Home: () => this.goToPage(1),
      End: () => this.goToPage(this.pageCount),
      '+': () => this.zoomIn(),
      '=': () => this.zoomIn(),
      '-': () => this.zoomOut(),
      '0': () => {
        this.zoom = 1;
      },
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  #onPageInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const value = Number(input.value);
    if (Number.isFinite(value)) this.goToPage(value);
    input.value = String(this.page);
  }

  protected override render(): TemplateResult {
    const t = VIEWER_STRINGS[this.language];
    const doc = this.#doc;
    const count = doc?.sizes.length ?? 0;
    const zoom = this.#clampZoom(this.zoom);
    return html`
      <div class="toolbar" part="toolbar" role="group" aria-label=${t.controls}>
        <button part="button" type="button" aria-label=${t.previousPage} title=${t.previousPage}
          ?disabled=${!doc || this.page <= 1} @click=${() => this.goToPage(this.page - 1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5"/></svg>
        </button>
        <input part="page-input" type="number" inputmode="numeric" min="1" max=${count || 1}
          aria-label=${fill(t.pageInput, { total: count })} .value=${String(doc ? this.page : '')}
          ?disabled=${!doc} @change=${this.#onPageInput} />
        <span class="total" aria-hidden="true">${fill(t.ofPages, { total: count || '–' })}</span>
        <button part="button" type="button" aria-label=${t.nextPage} title=${t.nextPage}
          ?disabled=${!doc || this.page >= count} @click=${() => this.goToPage(this.page + 1)}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m6 3 5 5-5 5"/></svg>
        </button>
        <span class="separator"></span>
        <button part="button" type="button" aria-label=${t.zoomOut} title=${t.zoomOut}
          ?disabled=${!doc || zoom <= MIN_ZOOM} @click=${this.zoomOut}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8h10"/></svg>
        </button>
        <output part="zoom-level" aria-label=${t.zoomLevel}>${Math.round(zoom * 100)}%</output>
        <button part="button" type="button" aria-label=${t.zoomIn} title=${t.zoomIn}
          ?disabled=${!doc || zoom >= MAX_ZOOM} @click=${this.zoomIn}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 8h10M8 3v10"/></svg>
        </button>
        <button part="button" type="button" aria-label=${t.fitWidth} title=${t.fitWidth}
          ?disabled=${!doc} @click=${this.fitWidth}>
          <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 8h13M4 5.5 1.5 8 4 10.5M12 5.5l2.5 2.5-2.5 2.5"/></svg>
        </button>
      </div>
      <div class="scroller" part="viewport" tabindex="0" role="region" aria-label=${this.label || t.document}
        aria-busy=${this.#open.status === TaskStatus.PENDING ? 'true' : 'false'}
        @scroll=${this.#onScroll} @keydown=${this.#onKeyDown}>
        ${doc ? this.#renderPages(doc, t) : nothing}
        ${this.#open.render({
          pending: () => html`<div class="status" part="status" role="status">${t.loading}</div>`,
          error: (error) =>
            html`<div class="status error" part="status" role="alert">
              ${toKysoError(error, this.language).localize(this.language)}
            </div>`,
        })}
      </div>
    `;
  }

  #renderPages(doc: OpenDocument, t: (typeof VIEWER_STRINGS)['vi']): TemplateResult {
    const scale = this.#scale;
    const total = doc.sizes.length;
    const statusOf = new Map(this.report?.signatures.map((s) => [s.field, s.status]) ?? []);
    const fieldsOn = new Map<number, SignatureFieldBox[]>();
    if (!this.hideFields)
      for (const f of doc.fields) fieldsOn.set(f.page, [...(fieldsOn.get(f.page) ?? []), f]);
    return html`<div class="pages">
      ${repeat(
        doc.sizes,
        (_, i) => i,
        (size, i) => html`
          <div class="page" part="page" data-index=${i} role="group"
            aria-label=${fill(t.pageLabel, { page: i + 1, total })}
            style=${styleMap({
              width: `${Math.floor(size.width * scale)}px`,
              height: `${Math.floor(size.height * scale)}px`,
              '--scale-factor': String(scale),
              '--total-scale-factor': String(scale),
            })}>
            <canvas aria-hidden="true"></canvas>
            <div class="textLayer"></div>
            ${(fieldsOn.get(i) ?? []).map((f) => this.#renderField(f, size, statusOf.get(f.name), t))}
            <slot name="page-${i + 1}"></slot>
          </div>
        `,
      )}
    </div>`;
  }

  #renderField(
    field: SignatureFieldBox,
    page: { width: number; height: number },
    status: 'valid' | 'invalid' | 'indeterminate' | undefined,
    t: (typeof VIEWER_STRINGS)['vi'],
  ): TemplateResult {
    const label = status
      ? fill(t.fieldVerified, { name: field.name, status: t.status[status] })
      : fill(field.signed ? t.fieldSigned : t.fieldEmpty, { name: field.name });
    const parts = [
      'field',
      field.signed ? 'field-signed' : 'field-empty',
      ...(status ? [`field-${status}`] : []),
    ];
    // percentages of the page, so outlines follow zoom without a re-layout
    const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(4)}%`;
    return html`<div class="field ${field.signed ? 'signed' : 'empty'} ${status ?? ''}" part=${parts.join(' ')}
      data-field=${field.name} title=${label}
      style=${styleMap({
        left: pct(field.rect.left, page.width),
        top: pct(field.rect.top, page.height),
        width: pct(field.rect.width, page.width),
        height: pct(field.rect.height, page.height),
      })}><span class="visually-hidden">${label}</span></div>`;
  }
}
