import { KysoError } from '@kyso/core/errors';
import {
  getDocument,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
  type PDFPageProxy,
  PDFWorker,
  RenderingCancelledException,
  type RenderTask,
  TextLayer,
  VerbosityLevel,
} from 'pdfjs-dist';

/** Where pdf.js finds the data files some documents need; any left out are simply not used. */
export interface PdfJsResources {
  /** Folder of pdfjs-dist's `cmaps/` (CJK text). */
  cMapUrl?: string;
  /** Folder of pdfjs-dist's `standard_fonts/` (the 14 standard fonts when not embedded). */
  standardFontDataUrl?: string;
  /** Folder of pdfjs-dist's `wasm/` (JPEG 2000 and JBIG2 decoders). */
  wasmUrl?: string;
  /** Folder of pdfjs-dist's `iccs/` (colour profiles). */
  iccUrl?: string;
}

export interface OpenOptions {
  /** URL of `pdf.worker.min.mjs`; without it pdf.js parses on the main thread (slower, still correct). */
  workerSrc?: string | undefined;
  resources?: PdfJsResources | undefined;
  signal: AbortSignal;
}

/** pdf.js's exceptions as kyso's codes, so the page gets a stable code and a localised message. */
function asKysoError(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidPDFException')
    return new KysoError('PDF_STRUCTURE', { params: { detail: (error as Error).message }, cause: error });
  if (name === 'PasswordException') return new KysoError('ENCRYPTED_PDF', { cause: error });
  return error;
}

/** One rendering of one page; `cancel()` stops it and the promise then resolves quietly. */
export interface PageRendering {
  promise: Promise<void>;
  cancel(): void;
}

/**
 * One open document in pdf.js, with the worker it owns. Each viewer opens its own session (and
 * worker), and `destroy()` ends both: no pdf.js state is shared between viewers, and nothing global
 * (GlobalWorkerOptions) is written.
 */
export class PdfSession {
  readonly #pages = new Map<number, Promise<PDFPageProxy>>();

  private constructor(
    private readonly task: PDFDocumentLoadingTask,
    private readonly doc: PDFDocumentProxy,
    private readonly worker: PDFWorker,
    private readonly port: Worker | undefined,
  ) {}

  /** Opens `data`, which pdf.js takes over (transfers to its worker): the caller keeps no view of it. */
  static async open(data: Uint8Array, options: OpenOptions): Promise<PdfSession> {
    const { signal } = options;
    let port: Worker | undefined;
    if (options.workerSrc) {
      port = new Worker(new URL(options.workerSrc, globalThis.document.baseURI), { type: 'module' });
    } else {
      // pdf.js's documented main-thread mode: the worker module registers itself when imported
      await import('pdfjs-dist/build/pdf.worker.min.mjs');
    }
    const worker = PDFWorker.create({ ...(port ? { port } : {}), verbosity: VerbosityLevel.ERRORS });
    const r = options.resources ?? {};
    const task = getDocument({
      data,
      worker,
      verbosity: VerbosityLevel.ERRORS,
      enableXfa: false,
      ...(r.cMapUrl ? { cMapUrl: r.cMapUrl, cMapPacked: true } : {}),
      ...(r.standardFontDataUrl ? { standardFontDataUrl: r.standardFontDataUrl } : {}),
      ...(r.wasmUrl ? { wasmUrl: r.wasmUrl } : {}),
      ...(r.iccUrl ? { iccUrl: r.iccUrl } : {}),
    });
    const cleanUp = () => {
      void task.destroy();
      worker.destroy();
      port?.terminate();
    };
    signal.addEventListener('abort', cleanUp, { once: true });
    try {
      const doc = await task.promise;
      signal.throwIfAborted();
      signal.removeEventListener('abort', cleanUp);
      return new PdfSession(task, doc, worker, port);
    } catch (error) {
      cleanUp();
      throw signal.aborted ? error : asKysoError(error);
    }
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  #page(index: number): Promise<PDFPageProxy> {
    let page = this.#pages.get(index);
    if (!page) {
      page = this.doc.getPage(index + 1);
      this.#pages.set(index, page);
    }
    return page;
  }

  /** The page's displayed size in points (after /Rotate and the crop box), as pdf.js sees it. */
  async pageSize(index: number): Promise<{ width: number; height: number }> {
    const { width, height } = (await this.#page(index)).getViewport({ scale: 1 });
    return { width, height };
  }

  /**
   * Draws page `index` into `canvas` at `scale` CSS pixels per point (sharp on high-density screens,
   * capped at `maxPixels`), and its text into `textLayer` for selection, search and screen readers.
   */
  render(
    index: number,
    target: { canvas: HTMLCanvasElement; textLayer: HTMLElement; scale: number; maxPixels: number },
  ): PageRendering {
    let canvasTask: RenderTask | undefined;
    let text: TextLayer | undefined;
    let cancelled = false;
    const promise = (async () => {
      const page = await this.#page(index);
      if (cancelled) return;
      const viewport = page.getViewport({ scale: target.scale });
      const density = Math.min(
        globalThis.devicePixelRatio || 1,
        Math.sqrt(target.maxPixels / Math.max(1, viewport.width * viewport.height)),
      );
      const canvas = target.canvas;
      canvas.width = Math.max(1, Math.floor(viewport.width * density));
      canvas.height = Math.max(1, Math.floor(viewport.height * density));
      canvasTask = page.render({
        canvas,
        viewport,
        ...(density === 1 ? {} : { transform: [density, 0, 0, density, 0, 0] }),
      });
      target.textLayer.replaceChildren();
      text = new TextLayer({
        textContentSource: page.streamTextContent({ includeMarkedContent: true }),
        container: target.textLayer,
        viewport,
      });
      await Promise.all([canvasTask.promise, text.render()]);
    })().catch((error: unknown) => {
      if (cancelled || error instanceof RenderingCancelledException) return;
      throw error;
    });
    return {
      promise,
      cancel: () => {
        cancelled = true;
        canvasTask?.cancel();
        text?.cancel();
      },
    };
  }

  /** Frees a page's resources in pdf.js (when its canvas is dropped). */
  release(index: number): void {
    void this.#pages.get(index)?.then((page) => page.cleanup());
  }

  /** Ends the loading task, the document and the worker. */
  async destroy(): Promise<void> {
    this.#pages.clear();
    try {
      await this.task.destroy();
    } finally {
      this.worker.destroy();
      this.port?.terminate();
    }
  }
}
