import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getDocument, PDFWorker } from 'pdfjs-dist';
import {
  axeViolations,
  cleanUp,
  fixture,
  mount,
  nextEvent,
  until,
  WORKER_SRC,
} from '../../test/browser/support.js';
import type { KysoPageChangeEvent } from '../events/kyso-page-change-event.js';
import type { KysoPdfLoadedEvent } from '../events/kyso-pdf-loaded-event.js';
import { definePdfViewer } from './define.js';
import type { KysoPdfViewer } from './pdf-viewer.js';

definePdfViewer();

async function open(src: string, attrs: Record<string, string> = {}): Promise<KysoPdfViewer> {
  const viewer = document.createElement('kyso-pdf-viewer');
  viewer.setAttribute('worker-src', WORKER_SRC);
  for (const [k, v] of Object.entries(attrs)) viewer.setAttribute(k, v);
  const loaded = nextEvent<KysoPdfLoadedEvent>(viewer, 'kyso-pdf-loaded');
  viewer.src = src;
  mount(viewer);
  await loaded;
  await until(() => pageOrNull(viewer, 0), 'pages');
  return viewer;
}

function pageOrNull(viewer: KysoPdfViewer, index: number): HTMLElement | null {
  return viewer.shadowRoot!.querySelector<HTMLElement>(`.page[data-index="${index}"]`);
}

function page(viewer: KysoPdfViewer, index: number): HTMLElement {
  const el = pageOrNull(viewer, index);
  if (!el) throw new Error(`page ${index + 1} is not there`);
  return el;
}

function rendered(viewer: KysoPdfViewer, index: number): Promise<HTMLElement> {
  return until(
    () => {
      const el = pageOrNull(viewer, index);
      return el?.dataset['rendered'] ? el : undefined;
    },
    `page ${index + 1} drawn`,
  );
}

/** Share of dark pixels of `canvas` inside a box given as fractions of the canvas. */
function inkIn(canvas: HTMLCanvasElement, box: { left: number; top: number; width: number; height: number }) {
  const ctx = canvas.getContext('2d')!;
  const x = Math.round(box.left * canvas.width);
  const y = Math.round(box.top * canvas.height);
  const w = Math.max(1, Math.round(box.width * canvas.width));
  const h = Math.max(1, Math.round(box.height * canvas.height));
  const { data } = ctx.getImageData(x, y, w, h);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
  return dark / (w * h);
}

describe('<kyso-pdf-viewer>', () => {
  afterEach(cleanUp);

  it('renders page 1 into a canvas and reports the signature fields read by @kyso/pdf', async () => {
    const viewer = document.createElement('kyso-pdf-viewer');
    viewer.workerSrc = WORKER_SRC;
    const loaded = nextEvent<KysoPdfLoadedEvent>(viewer, 'kyso-pdf-loaded');
    viewer.src = '/fixtures/unsigned.pdf';
    mount(viewer);
    const { detail } = await loaded;
    expect(detail.pageCount).to.equal(3);
    expect(detail.fields.map((f) => f.name)).to.have.members([
      'LanhDaoPhong',
      'LanhDaoVanPhong',
      'LanhDaoCoQuan',
      'SoVanBan',
      'DauCoQuan',
    ]);
    expect(detail.fields.every((f) => !f.signed && f.page === 0)).to.equal(true);
    const first = await rendered(viewer, 0);
    const canvas = first.querySelector('canvas')!;
    expect(canvas.width).to.be.greaterThan(500);
    // the page's text is drawn: some ink somewhere in the top part of the page
    expect(inkIn(canvas, { left: 0, top: 0, width: 1, height: 0.2 })).to.be.greaterThan(0.001);
    // and given to assistive technology through pdf.js's text layer
    await until(
      () => first.querySelector('.textLayer')!.textContent?.includes('kyso test page 1'),
      'text layer',
    );
  });

  it('outlines a field where pdf.js draws it on a rotated, cropped page', async () => {
    // 'Turned' (signature) and 'Marked' (text, value XXXXXXXX) share one /Rect on page 1, which has
    // /Rotate 90 and a crop box: the outline must cover the ink pdf.js draws for 'Marked'.
    const viewer = await open('/fixtures/rotated.pdf');
    const first = await rendered(viewer, 0);
    const outline = first.querySelector<HTMLElement>('.field[data-field="Turned"]')!;
    expect(outline, 'outline of Turned').to.exist;
    const pageBox = first.getBoundingClientRect();
    const box = outline.getBoundingClientRect();
    const rel = {
      left: (box.left - pageBox.left) / pageBox.width,
      top: (box.top - pageBox.top) / pageBox.height,
      width: box.width / pageBox.width,
      height: box.height / pageBox.height,
    };

    // pdf.js's own viewport transform, as an independent judge of the geometry
    const port = new Worker(WORKER_SRC, { type: 'module' });
    const task = getDocument({ data: await fixture('rotated.pdf'), worker: PDFWorker.create({ port }) });
    const doc = await task.promise;
    try {
      const viewport = (await doc.getPage(1)).getViewport({ scale: 1 });
      const [ax, ay] = viewport.convertToViewportPoint(300, 500) as [number, number];
      const [bx, by] = viewport.convertToViewportPoint(420, 540) as [number, number];
      const expected = {
        left: Math.min(ax, bx) / viewport.width,
        top: Math.min(ay, by) / viewport.height,
        width: Math.abs(bx - ax) / viewport.width,
        height: Math.abs(by - ay) / viewport.height,
      };
      for (const k of ['left', 'top', 'width', 'height'] as const)
        expect(rel[k], k).to.be.closeTo(expected[k], 0.005);
      // a quarter turn: the 120 × 40 pt rectangle stands upright (narrow and tall)
      expect(box.height).to.be.greaterThan(box.width * 2);
    } finally {
      await task.destroy();
      port.terminate();
    }

    const canvas = first.querySelector('canvas')!;
    expect(inkIn(canvas, rel), 'ink inside the outline').to.be.greaterThan(0.02);
    // the same box mirrored (what a wrong turn would give) is blank
    expect(inkIn(canvas, { ...rel, left: 1 - rel.left - rel.width, top: 1 - rel.top - rel.height })).to.equal(
      0,
    );

    // page 2 is upright: 'Upright' at [72 600 272 660] on A4, 100 % = 96/72 px per pt
    const second = page(viewer, 1);
    const upright = second.querySelector<HTMLElement>('.field[data-field="Upright"]')!;
    const p2 = second.getBoundingClientRect();
    const u = upright.getBoundingClientRect();
    expect((u.left - p2.left) / p2.width).to.be.closeTo(72 / 595.28, 0.003);
    expect((u.top - p2.top) / p2.height).to.be.closeTo((841.89 - 660) / 841.89, 0.003);
  });

  it('draws pages lazily as they come into view', async () => {
    const viewer = await open('/fixtures/unsigned.pdf', { style: '--kyso-viewer-height: 240px' });
    await rendered(viewer, 0);
    expect(page(viewer, 2).dataset['rendered'], 'page 3 before scrolling').to.equal(undefined);
    viewer.goToPage(3);
    await rendered(viewer, 2);
  });

  it('pages and zooms from the keyboard, and tells the page through kyso-page-change', async () => {
    const viewer = await open('/fixtures/unsigned.pdf', { style: '--kyso-viewer-height: 400px' });
    const scroller = viewer.shadowRoot!.querySelector<HTMLElement>('[part="viewport"]')!;
    scroller.focus();
    let changed = nextEvent<KysoPageChangeEvent>(viewer, 'kyso-page-change');
    await sendKeys({ press: 'PageDown' });
    expect((await changed).detail).to.deep.equal({ page: 2, pageCount: 3 });
    changed = nextEvent<KysoPageChangeEvent>(viewer, 'kyso-page-change');
    await sendKeys({ press: 'End' });
    expect((await changed).detail.page).to.equal(3);
    await sendKeys({ press: 'Home' });
    await until(() => viewer.page === 1, 'page 1');

    const width = page(viewer, 0).offsetWidth;
    await sendKeys({ press: '+' });
    await viewer.updateComplete;
    expect(viewer.zoom).to.equal(1.25);
    expect(page(viewer, 0).offsetWidth).to.be.closeTo(width * 1.25, 2);
    await until(() => page(viewer, 0).dataset['rendered'] === String(1.25 * (96 / 72)), 'page 1 redrawn');
    await sendKeys({ press: '0' });
    await viewer.updateComplete;
    expect(viewer.zoom).to.equal(1);

    // the toolbar works from the keyboard too
    const next = viewer.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="button"]')[1]!;
    next.focus();
    changed = nextEvent<KysoPageChangeEvent>(viewer, 'kyso-page-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail.page).to.equal(2);
  });

  it('colours field outlines by the verification report', async () => {
    const viewer = await open('/fixtures/unsigned.pdf');
    viewer.report = {
      signatures: [{ field: 'LanhDaoPhong', status: 'invalid' }],
    } as unknown as NonNullable<KysoPdfViewer['report']>;
    await viewer.updateComplete;
    const outline = page(viewer, 0).querySelector('.field[data-field="LanhDaoPhong"]')!;
    expect(outline.getAttribute('part')).to.equal('field field-empty field-invalid');
  });

  it('ends its worker and document when removed, and opens again when put back', async () => {
    const terminated: Worker[] = [];
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function (this: Worker) {
      terminated.push(this);
      terminate.call(this);
    };
    try {
      const viewer = await open('/fixtures/unsigned.pdf');
      await rendered(viewer, 0);
      const host = viewer.parentElement!;
      viewer.remove();
      expect(terminated.length).to.equal(1);
      const reloaded = nextEvent<KysoPdfLoadedEvent>(viewer, 'kyso-pdf-loaded');
      host.append(viewer);
      await reloaded;
      await rendered(viewer, 0);
    } finally {
      Worker.prototype.terminate = terminate;
    }
  });

  it('works without a worker URL (pdf.js on the main thread)', async () => {
    const viewer = document.createElement('kyso-pdf-viewer');
    const loaded = nextEvent<KysoPdfLoadedEvent>(viewer, 'kyso-pdf-loaded');
    viewer.data = await fixture('rotated.pdf');
    mount(viewer);
    expect((await loaded).detail.pageCount).to.equal(2);
    await rendered(viewer, 0);
  });

  it('reports a file that is not a PDF with a localised kyso-error', async () => {
    const viewer = document.createElement('kyso-pdf-viewer');
    viewer.workerSrc = WORKER_SRC;
    const failed = nextEvent<CustomEvent<{ code: string; message: string }>>(viewer, 'kyso-error');
    viewer.src = '/fixtures/not-a-pdf.pdf';
    mount(viewer, 'vi');
    const { detail } = await failed;
    expect(detail.code).to.equal('PDF_STRUCTURE');
    const status = await until(() => viewer.shadowRoot!.querySelector('[role="alert"]'), 'the alert');
    expect(status.textContent).to.contain('Cấu trúc tệp PDF bị hỏng');
    expect(await axeViolations(viewer)).to.deep.equal([]);
  });

  it('has no axe violation, in Vietnamese and English', async () => {
    for (const lang of ['vi', 'en']) {
      const viewer = document.createElement('kyso-pdf-viewer');
      viewer.workerSrc = WORKER_SRC;
      const loaded = nextEvent(viewer, 'kyso-pdf-loaded');
      viewer.src = '/fixtures/rotated.pdf';
      mount(viewer, lang);
      await loaded;
      await rendered(viewer, 0);
      const label = viewer.shadowRoot!.querySelector('[part="viewport"]')!.getAttribute('aria-label');
      expect(label).to.equal(lang === 'vi' ? 'Tài liệu PDF' : 'PDF document');
      expect(await axeViolations(viewer), lang).to.deep.equal([]);
      cleanUp();
    }
  });
});
