import type { VerificationReport } from '@kyso/core';
import { KysoError } from '@kyso/core/errors';
import { bytesSource, listFields, PdfDocument, personalPreset } from '@kyso/pdf';
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { axeViolations, cleanUp, mount, nextEvent, until, WORKER_SRC } from '../../test/browser/support.js';
import { type BrowserSigner, browserSigner, signerWith } from '../../test/browser/test-signer.js';
import type { KysoErrorEvent } from '../events/kyso-error-event.js';
import type { KysoPdfLoadedEvent } from '../events/kyso-pdf-loaded-event.js';
import type { KysoProgressEvent } from '../events/kyso-progress-event.js';
import type { KysoSignStartEvent } from '../events/kyso-sign-start-event.js';
import type { KysoSignedEvent } from '../events/kyso-signed-event.js';
import type { KysoPdfViewer } from '../pdf-viewer/pdf-viewer.js';
import { defineSignPdf } from './define.js';
import type { SignPdf } from './sign-pdf.js';

defineSignPdf();

const A4 = { width: 595.28, height: 841.89 };
/** Pixels per point at 100 % in the viewer. */
const CSS_PER_POINT = 96 / 72;

let key: BrowserSigner;
before(async () => {
  key = await browserSigner();
  await setViewport({ width: 1200, height: 1000 });
});
afterEach(cleanUp);

/** A <sign-pdf> with the browser's WebCrypto signer, mounted, its document shown. */
async function signPdf(init: Partial<SignPdf> = {}, lang = 'vi'): Promise<SignPdf> {
  const el = document.createElement('sign-pdf');
  el.workerSrc = WORKER_SRC;
  el.signer = key.signer;
  el.anchors = [key.rootPem];
  // the throwaway PKI has no OCSP responder: the pre-signing revocation check is the caller's choice
  el.revocation = 'off';
  el.src = '/fixtures/unsigned.pdf';
  el.style.setProperty('--kyso-viewer-height', '760px');
  Object.assign(el, init);
  const loaded = nextEvent<KysoPdfLoadedEvent>(el, 'kyso-pdf-loaded');
  mount(el, lang);
  await loaded;
  await el.updateComplete;
  await until(() => page(el, 1)?.dataset['rendered'], 'page 1 drawn');
  return el;
}

const root = (el: SignPdf) => el.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(el: SignPdf, name: string) =>
  root(el).querySelector<T>(`[part~="${name}"]`);
const viewer = (el: SignPdf) => root(el).querySelector('kyso-pdf-viewer') as KysoPdfViewer;
const page = (el: SignPdf, n: number) =>
  viewer(el)?.shadowRoot?.querySelector<HTMLElement>(`.page[data-index="${n - 1}"]`) ?? null;
const surface = (el: SignPdf, n: number) =>
  root(el).querySelector<HTMLElement>(`.surface[data-page="${n}"]`)!;
const box = (el: SignPdf) => root(el).querySelector<HTMLElement>('.box.placed');
const live = (el: SignPdf) => root(el).querySelector('[role="status"]')!.textContent!.trim();
const signButton = (el: SignPdf) => part<HTMLButtonElement>(el, 'sign-button')!;

/** The /Rect of a field's first widget in a signed file, read back with @kyso/pdf. */
async function widgetRect(bytes: Uint8Array, name: string): Promise<number[]> {
  const doc = await PdfDocument.open(bytesSource(bytes));
  const catalog = await doc.catalog();
  const fields = await listFields(doc, await doc.dict(catalog.get('AcroForm')));
  const field = fields.find((f) => f.name === name);
  expect(field, `field ${name}`).to.exist;
  return (await doc.resolve(field!.widgets[0]!.dict.get('Rect'))) as number[];
}

function signatureOf(report: VerificationReport | undefined, field: string) {
  const found = report?.signatures.find((s) => s.field === field);
  expect(found, `signature ${field} in the report`).to.exist;
  return found!;
}

/** Collects the events of a type on an element. */
function collect<E extends Event>(el: EventTarget, type: string): E[] {
  const out: E[] = [];
  el.addEventListener(type, (e) => out.push(e as E));
  return out;
}

async function expectAccessible(el: SignPdf, state: string): Promise<void> {
  expect(await axeViolations(el), state).to.deep.equal([]);
}

describe('<sign-pdf>', () => {
  it('signs with a WebCrypto key where the user dragged, at 125 % zoom; kyso-signed carries a verified file', async () => {
    const el = await signPdf();
    expect(el.getAttribute('state')).to.equal('ready');
    expect(signButton(el).disabled, 'nothing placed yet').to.equal(true);
    viewer(el).zoom = 1.25;
    await viewer(el).updateComplete;
    await until(() => page(el, 1)?.dataset['rendered'] === String(1.25 * CSS_PER_POINT), 'page 1 at 125 %');

    // drag from (60, 40) to (260, 120) points from the page's top-left, with the real mouse
    const at = (left: number, top: number): [number, number] => {
      const r = surface(el, 1).getBoundingClientRect();
      const px = 1.25 * CSS_PER_POINT;
      return [Math.round(r.left + left * px), Math.round(r.top + top * px)];
    };
    await sendMouse({ type: 'move', position: at(60, 40) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(160, 90) });
    await sendMouse({ type: 'move', position: at(260, 120) });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    const placed = el.placement!;
    expect(placed.page).to.equal(1);
    const px = 1 / (1.25 * CSS_PER_POINT);
    expect(placed.rect.x).to.be.closeTo(60, px);
    expect(placed.rect.width).to.be.closeTo(200, 2 * px);
    expect(placed.rect.height).to.be.closeTo(80, 2 * px);
    // lower-left origin: the box's bottom is 120 pt from the top of an A4 page
    expect(placed.rect.y).to.be.closeTo(A4.height - 120, px);
    expect(live(el)).to.match(/^Đã đặt ô chữ ký\. Trang 1: x 60, y 722, rộng 200, cao 80 điểm\.$/);
    // the box shows where the mouse went
    const drawn = box(el)!.getBoundingClientRect();
    const [x0, y0] = at(60, 40);
    expect(drawn.left).to.be.closeTo(x0, 1.5);
    expect(drawn.top).to.be.closeTo(y0, 1.5);
    expect(box(el)!.textContent!.trim()).to.equal('Chữ ký số');

    const starts = collect<KysoSignStartEvent>(el, 'kyso-sign-start');
    const progress = collect<KysoProgressEvent>(el, 'kyso-progress');
    const signed = nextEvent<KysoSignedEvent>(el, 'kyso-signed');
    expect(signButton(el).disabled).to.equal(false);
    signButton(el).click();
    const { detail } = await signed;

    expect(starts.map((e) => e.detail)).to.deep.equal([
      { page: 1, rect: placed.rect, invisible: false, level: 'B-B' },
    ]);
    expect(progress.map((e) => e.detail.stage)).to.deep.equal([
      'prepare',
      'sign',
      'finish',
      'verify',
      'verify',
    ]);
    const fractions = progress.map((e) => e.detail.fraction);
    expect(fractions).to.deep.equal([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).to.equal(1);

    expect(detail.fieldName).to.equal('Signature1');
    expect(new TextDecoder().decode(detail.bytes.subarray(0, 5))).to.equal('%PDF-');
    expect(el.signedBytes).to.equal(detail.bytes);
    const signature = signatureOf(detail.report, 'Signature1');
    expect(signature.integrity).to.equal(true);
    expect(signature.status).to.equal('valid');
    expect(signature.signer?.commonName).to.equal(key.commonName);
    expect(el.report).to.equal(detail.report);

    // the widget is where the box was: [x0 y0 x1 y1] in user space of the upright A4 page
    const rect = await widgetRect(detail.bytes, 'Signature1');
    const expected = [
      placed.rect.x,
      placed.rect.y,
      placed.rect.x + placed.rect.width,
      placed.rect.y + placed.rect.height,
    ];
    for (const [i, v] of rect.entries()) expect(v, `Rect[${i}]`).to.be.closeTo(expected[i]!, 0.01);

    // the signed file is shown, its new field outlined as signed, and verified by the badge
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('signed');
    await until(
      () => viewer(el).shadowRoot!.querySelector('.field.signed[data-field="Signature1"]'),
      'the new signature outlined',
    );
    const badge = part(el, 'badge')!;
    await until(() => badge.shadowRoot?.querySelector('.badge.valid'), 'the badge says valid');
    expect(live(el)).to.equal('Đã ký số thành công vào ô Signature1.');
    expect(box(el), 'no box after signing').to.equal(null);
  });

  it('is placed and signed with the keyboard alone', async () => {
    const el = await signPdf({}, 'en');
    part(el, 'place-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).activeElement === box(el), 'the box focused');
    // the default box (180 × 60 pt) in the middle of page 1
    let rect = el.placement!.rect;
    expect(rect.width).to.equal(180);
    expect(rect.height).to.equal(60);
    expect(rect.x).to.be.closeTo((A4.width - 180) / 2, 0.01);
    expect(rect.y).to.be.closeTo((A4.height - 60) / 2, 0.01);
    const start = { ...rect };

    for (const press of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp'])
      await sendKeys({ press });
    await sendKeys({ press: 'Shift+ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowRight' });
    await sendKeys({ press: 'Shift+ArrowDown' });
    await sendKeys({ press: 'Alt+ArrowLeft' });
    await el.updateComplete;
    rect = el.placement!.rect;
    // right 30 − 1, up 20, 20 wider, 10 taller downwards (the top stays)
    expect(rect.x).to.be.closeTo(start.x + 29, 0.01);
    expect(rect.width).to.be.closeTo(200, 0.01);
    expect(rect.height).to.be.closeTo(70, 0.01);
    expect(rect.y + rect.height).to.be.closeTo(start.y + start.height + 20, 0.01);
    expect(live(el)).to.match(/^Signature box placed\. Page 1: x \d+, y \d+, width 200, height 70 points\.$/);

    await sendKeys({ press: 'Enter' });
    await until(() => root(el).activeElement === signButton(el), 'focus on Sign');
    expect(live(el)).to.match(/^Signature place confirmed\./);
    const signed = nextEvent<KysoSignedEvent>(el, 'kyso-signed');
    await sendKeys({ press: 'Enter' });
    const { detail } = await signed;
    expect(signatureOf(detail.report, detail.fieldName).integrity).to.equal(true);
    const widget = await widgetRect(detail.bytes, detail.fieldName);
    const expected = [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height];
    for (const [i, v] of widget.entries()) expect(v, `Rect[${i}]`).to.be.closeTo(expected[i]!, 0.01);
  });

  it('moves the box by dragging it and resizes it by its handle (pointer events)', async () => {
    const el = await signPdf();
    el.placeSignature(1);
    await el.updateComplete;
    const before = el.placement!.rect;
    const fire = (target: Element, type: string, x: number, y: number) =>
      target.dispatchEvent(
        new PointerEvent(type, {
          clientX: x,
          clientY: y,
          pointerId: 7,
          pointerType: 'mouse',
          isPrimary: true,
          button: 0,
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
    const perPoint = CSS_PER_POINT * viewer(el).zoom;
    let r = box(el)!.getBoundingClientRect();
    fire(box(el)!, 'pointerdown', r.left + 20, r.top + 20);
    fire(box(el)!, 'pointermove', r.left + 20 + 30 * perPoint, r.top + 20 + 15 * perPoint);
    fire(box(el)!, 'pointerup', r.left + 20 + 30 * perPoint, r.top + 20 + 15 * perPoint);
    await el.updateComplete;
    let after = el.placement!.rect;
    // within a pixel: pointer coordinates are whole pixels
    const pixel = 1 / perPoint;
    expect(after.x - before.x).to.be.closeTo(30, pixel);
    expect(before.y - after.y).to.be.closeTo(15, pixel);
    expect(after.width).to.equal(before.width);

    const handle = root(el).querySelector('.handle')!;
    r = handle.getBoundingClientRect();
    fire(handle, 'pointerdown', r.left + 2, r.top + 2);
    fire(handle, 'pointermove', r.left + 2 + 40 * perPoint, r.top + 2 + 20 * perPoint);
    fire(handle, 'pointerup', r.left + 2 + 40 * perPoint, r.top + 2 + 20 * perPoint);
    await el.updateComplete;
    const resized = el.placement!.rect;
    expect(resized.width - after.width).to.be.closeTo(40, pixel);
    expect(resized.height - after.height).to.be.closeTo(20, pixel);
    expect(resized.x).to.be.closeTo(after.x, 0.01);
    after = resized;

    // a click on a page (no drag) puts the default box there
    const s = surface(el, 1).getBoundingClientRect();
    fire(surface(el, 1), 'pointerdown', s.left + 300 * perPoint, s.top + 500 * perPoint);
    fire(surface(el, 1), 'pointerup', s.left + 300 * perPoint, s.top + 500 * perPoint);
    await el.updateComplete;
    const clicked = el.placement!.rect;
    expect(clicked.width).to.equal(180);
    expect(clicked.x + 90).to.be.closeTo(300, pixel);
    expect(A4.height - clicked.y - 30).to.be.closeTo(500, pixel);
  });

  it('places on a turned, cropped page where the viewer shows the box', async () => {
    const el = await signPdf({ src: '/fixtures/rotated.pdf' });
    el.placeSignature(1);
    await el.updateComplete;
    const placed = el.placement!;
    const signed = nextEvent<KysoSignedEvent>(el, 'kyso-signed');
    signButton(el).click();
    const { detail } = await signed;
    // the viewer reads the new widget back (its own geometry, from @kyso/pdf's reading of the file)
    const reloaded = await until(
      () => viewer(el).shadowRoot!.querySelector<HTMLElement>(`.field[data-field="${detail.fieldName}"]`),
      'the new field outlined',
    );
    const p = page(el, 1)!.getBoundingClientRect();
    const f = reloaded.getBoundingClientRect();
    const size = viewer(el).pageSizes[0]!;
    // a quarter turn: the displayed page is landscape
    expect(size.width).to.be.greaterThan(size.height);
    expect(((f.left - p.left) / p.width) * size.width).to.be.closeTo(placed.rect.x, 0.6);
    expect(((f.bottom - p.top) / p.height) * size.height).to.be.closeTo(size.height - placed.rect.y, 0.6);
    expect((f.width / p.width) * size.width).to.be.closeTo(placed.rect.width, 0.6);
    expect((f.height / p.height) * size.height).to.be.closeTo(placed.rect.height, 0.6);
  });

  it('does not sign when a kyso-sign-start listener cancels', async () => {
    let asked = 0;
    const el = await signPdf({
      signer: signerWith(key.signer, async () => {
        asked++;
      }),
    });
    el.placeSignature();
    await el.updateComplete;
    const progress = collect<KysoProgressEvent>(el, 'kyso-progress');
    const signedEvents = collect<KysoSignedEvent>(el, 'kyso-signed');
    el.addEventListener('kyso-sign-start', (e) => e.preventDefault(), { once: true });
    expect(await el.sign()).to.equal(undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect([asked, progress.length, signedEvents.length]).to.deep.equal([0, 0, 0]);
    expect(el.signedBytes).to.equal(undefined);
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.placement, 'the box stays for another try').to.exist;

    // the next start is not cancelled: it signs
    expect(await el.sign()).to.be.instanceOf(Uint8Array);
    expect(asked).to.equal(1);
  });

  it('signs into an empty signature field picked from the list', async () => {
    const el = await signPdf();
    const select = part<HTMLSelectElement>(el, 'field-select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal([
      '',
      'LanhDaoPhong',
      'LanhDaoVanPhong',
      'LanhDaoCoQuan',
      'SoVanBan',
      'DauCoQuan',
    ]);
    expect(select.options[2]!.textContent!.trim()).to.equal('LanhDaoVanPhong (trang 1)');
    select.value = 'LanhDaoVanPhong';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(live(el)).to.equal('Chữ ký sẽ được đặt vào ô LanhDaoVanPhong.');
    // the field is shown as the place, at its own rectangle [230 90 390 150]
    const shown = root(el).querySelector<HTMLElement>('.box.fixed[slot="page-1"]')!;
    const p = page(el, 1)!.getBoundingClientRect();
    const b = shown.getBoundingClientRect();
    expect(((b.left - p.left) / p.width) * A4.width).to.be.closeTo(230, 0.6);
    expect(((b.bottom - p.top) / p.height) * A4.height).to.be.closeTo(A4.height - 90, 0.6);

    const start = nextEvent<KysoSignStartEvent>(el, 'kyso-sign-start');
    const signed = nextEvent<KysoSignedEvent>(el, 'kyso-signed');
    signButton(el).click();
    expect((await start).detail).to.deep.equal({ field: 'LanhDaoVanPhong', invisible: false, level: 'B-B' });
    const { detail } = await signed;
    expect(detail.fieldName).to.equal('LanhDaoVanPhong');
    expect(signatureOf(detail.report, 'LanhDaoVanPhong').integrity).to.equal(true);
    expect(await widgetRect(detail.bytes, 'LanhDaoVanPhong')).to.deep.equal([230, 90, 390, 150]);
    // no new field: the five fields of the file, one of them signed
    const loaded = await until(
      () => viewer(el).shadowRoot!.querySelector('.field.signed[data-field="LanhDaoVanPhong"]'),
      'the field outlined as signed',
    );
    expect(loaded).to.exist;
    expect(viewer(el).shadowRoot!.querySelectorAll('.field')).to.have.length(5);
  });

  it('reports a signer that fails with kyso-error and a localised message, and signs nothing', async () => {
    const el = await signPdf({
      signer: signerWith(key.signer, async () => {
        throw new KysoError('PIN_LOCKED');
      }),
    });
    el.placeSignature();
    await el.updateComplete;
    const signedEvents = collect<KysoSignedEvent>(el, 'kyso-signed');
    const failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    let rejected: unknown;
    await el.sign().catch((e: unknown) => {
      rejected = e;
    });
    const { detail } = await failed;
    expect(detail.code).to.equal('PIN_LOCKED');
    expect(detail.message).to.equal('Mã PIN đã bị khóa.');
    expect((rejected as KysoError).code).to.equal('PIN_LOCKED');
    await el.updateComplete;
    expect(el.signedBytes).to.equal(undefined);
    expect(signedEvents).to.have.length(0);
    expect(el.getAttribute('state')).to.equal('error');
    expect(part(el, 'error')!.textContent).to.contain('Mã PIN đã bị khóa.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(live(el)).to.equal('Không ký được: Mã PIN đã bị khóa.');
    // the place is kept and Sign is offered again
    expect(signButton(el).disabled).to.equal(false);
    await expectAccessible(el, 'error');
  });

  it('has no axe violation: empty, loaded, placed, PIN dialog open (Escape cancels) and signed', async () => {
    const empty = document.createElement('sign-pdf');
    mount(empty, 'vi');
    await empty.updateComplete;
    expect(empty.getAttribute('state')).to.equal('empty');
    await expectAccessible(empty, 'empty');
    cleanUp();

    let el!: SignPdf;
    el = await signPdf({
      // a vendor's signer asking its PIN through the element's dialog
      signer: signerWith(key.signer, async () => {
        const pin = await el.prompts.pin({ credentialId: 'token-1', label: 'PIN' });
        if (pin !== '1234') throw new KysoError('PIN_INCORRECT');
      }),
    });
    await expectAccessible(el, 'loaded');
    el.placeSignature();
    await el.updateComplete;
    await expectAccessible(el, 'placed');

    const failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    const first = el.sign().catch(() => undefined);
    const dialog = await until(
      () => root(el).querySelector<HTMLDialogElement>('dialog[open]'),
      'the PIN dialog open',
    );
    expect(el.getAttribute('state')).to.equal('signing');
    expect(dialog.querySelector('h2')!.textContent).to.equal('Nhập mã PIN');
    expect(root(el).activeElement).to.equal(dialog.querySelector('input'));
    await expectAccessible(el, 'PIN dialog');
    await sendKeys({ press: 'Escape' });
    expect((await failed).detail.code).to.equal('ABORTED');
    await first;
    expect(dialog.open).to.equal(false);
    expect(el.signedBytes).to.equal(undefined);

    // again, with the PIN typed
    const signed = nextEvent<KysoSignedEvent>(el, 'kyso-signed');
    void el.sign();
    await until(() => root(el).querySelector('dialog[open]'), 'the PIN dialog again');
    await sendKeys({ type: '1234' });
    await sendKeys({ press: 'Enter' });
    await signed;
    await until(() => part(el, 'badge')?.shadowRoot?.querySelector('.badge.valid'), 'verified');
    await expectAccessible(el, 'signed');
  });

  it('speaks Vietnamese and English', async () => {
    const el = await signPdf({}, 'vi');
    const texts = () => ({
      place: part(el, 'place-button')!.textContent!.trim(),
      sign: signButton(el).textContent!.trim(),
      hint: part(el, 'hint')!.textContent!.trim(),
      toolbar: part(el, 'toolbar')!.getAttribute('aria-label'),
      select: root(el).querySelector('.fields span')!.textContent!.trim(),
    });
    expect(texts()).to.deep.equal({
      place: 'Đặt ô chữ ký',
      sign: 'Ký số',
      hint: 'Kéo chuột trên trang để vẽ ô chữ ký, hoặc chọn “Đặt ô chữ ký” rồi dùng các phím mũi tên.',
      toolbar: 'Ký số tài liệu',
      select: 'Ô chữ ký có sẵn',
    });
    el.placeSignature();
    await el.updateComplete;
    expect(box(el)!.getAttribute('aria-label')).to.equal('Ô chữ ký trên trang 1');
    expect(root(el).querySelector('#box-help')!.textContent).to.contain('Shift cùng phím mũi tên');

    el.lang = 'en';
    await el.updateComplete;
    expect(texts()).to.deep.equal({
      place: 'Place signature',
      sign: 'Sign',
      hint: 'Drag on a page to draw the signature box, or choose “Place signature” and use the arrow keys.',
      toolbar: 'Sign the document',
      select: 'Existing signature field',
    });
    expect(box(el)!.getAttribute('aria-label')).to.equal('Signature box on page 1');
    expect(box(el)!.textContent!.trim()).to.equal('Digital signature');

    // the page's preview lines replace the default
    el.preview = ['Nguyễn Văn An', 'Phó Giám đốc'];
    await el.updateComplete;
    expect([...box(el)!.querySelectorAll('.preview span')].map((s) => s.textContent)).to.deep.equal([
      'Nguyễn Văn An',
      'Phó Giám đốc',
    ]);
  });

  it('takes a fixed place from page and rect, and signs invisibly when asked', async () => {
    const el = await signPdf({ page: 2 });
    el.setAttribute('rect', '100,200,150,50');
    await el.updateComplete;
    expect(el.rect).to.deep.equal({ x: 100, y: 200, width: 150, height: 50 });
    expect(part(el, 'place-button'), 'nothing to place').to.equal(null);
    expect(part(el, 'target')!.textContent).to.equal('Trang 2: x 100, y 200, rộng 150, cao 50 điểm');
    expect(root(el).querySelector('.box.fixed[slot="page-2"]')).to.exist;
    const start = nextEvent<KysoSignStartEvent>(el, 'kyso-sign-start');
    const bytes = (await el.sign())!;
    expect((await start).detail).to.deep.equal({
      page: 2,
      rect: { x: 100, y: 200, width: 150, height: 50 },
      invisible: false,
      level: 'B-B',
    });
    expect(await widgetRect(bytes, 'Signature1')).to.deep.equal([100, 200, 250, 250]);
    cleanUp();

    const hidden = await signPdf({ invisible: true }, 'en');
    expect(part(hidden, 'target')!.textContent).to.equal('The signature will not be visible on the page');
    const signed = nextEvent<KysoSignedEvent>(hidden, 'kyso-signed');
    signButton(hidden).click();
    const { detail } = await signed;
    expect(await widgetRect(detail.bytes, detail.fieldName)).to.deep.equal([0, 0, 0, 0]);
    expect(signatureOf(detail.report, detail.fieldName).integrity).to.equal(true);
  });

  it('signs with a preset in its default place, with the bundled fonts fetched beside @kyso/pdf', async () => {
    const el = await signPdf({ preset: personalPreset({ title: 'Trưởng phòng' }) });
    const bytes = (await el.sign())!;
    // the signature block of the last page: the right half, about a fifth up
    const [x0, y0, x1] = await widgetRect(bytes, 'Signature1');
    expect(x0!).to.be.greaterThan(A4.width / 2 - 10);
    expect(x1!).to.be.lessThan(A4.width);
    expect(y0!).to.be.lessThan(A4.height / 3);
    const signature = signatureOf(el.report, 'Signature1');
    expect(signature.integrity).to.equal(true);
    // shown again with the new signature (on the last page) scrolled into view
    const outline = await until(
      () => viewer(el).shadowRoot!.querySelector<HTMLElement>('.field[data-field="Signature1"]'),
      'the signature outlined',
    );
    const area = viewer(el).shadowRoot!.querySelector('[part="viewport"]')!.getBoundingClientRect();
    await until(() => {
      const o = outline.getBoundingClientRect();
      return o.top >= area.top && o.bottom <= area.bottom;
    }, 'the signature in view');
    // the name is drawn with an embedded subset of Liberation Serif, extractable as text
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).to.match(/\/BaseFont \/[A-Z]{6}\+LiberationSerif-Bold/);
  });

  it('asks for a time-stamping authority before B-T, and for a place before signing', async () => {
    const el = await signPdf({ level: 'B-T' }, 'en');
    el.placeSignature();
    await el.updateComplete;
    const failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    await el.sign().catch(() => undefined);
    const { detail } = await failed;
    expect(detail.code).to.equal('INVALID_INPUT');
    expect(detail.message).to.contain('tsa-url');

    el.level = 'B-B';
    el.clearPlacement();
    await el.updateComplete;
    expect(live(el)).to.equal('Signature box removed.');
    const refused = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    await el.sign().catch(() => undefined);
    expect((await refused).detail.message).to.contain('no place for the signature');
  });
});
