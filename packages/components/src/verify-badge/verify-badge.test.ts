import type { VerificationReport } from '@kyso/core';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  axeViolations,
  cleanUp,
  fixture,
  fixtureText,
  mount,
  nextEvent,
  until,
} from '../../test/browser/support.js';
import type { KysoErrorEvent } from '../events/kyso-error-event.js';
import type { KysoVerifiedEvent } from '../events/kyso-verified-event.js';
import { defineVerifyBadge } from './define.js';
import type { VerifyBadge } from './verify-badge.js';

defineVerifyBadge();

let root: string;
before(async () => {
  root = await fixtureText('root.pem');
});
afterEach(cleanUp);

function badge(
  init: Partial<Pick<VerifyBadge, 'src' | 'data' | 'anchors' | 'trustSrc'>>,
  lang = 'vi',
): VerifyBadge {
  const el = document.createElement('verify-badge');
  Object.assign(el, init);
  return mount(el, lang);
}

async function verified(el: VerifyBadge): Promise<VerificationReport> {
  const { detail } = await nextEvent<KysoVerifiedEvent>(el, 'kyso-verified');
  await el.verificationComplete;
  return detail;
}

const part = (el: VerifyBadge, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const summary = (el: VerifyBadge) => part(el, 'summary') as HTMLButtonElement;
const shownState = (el: VerifyBadge) =>
  [...(part(el, 'base')?.classList ?? [])].find((c) => c !== 'badge') ?? 'none';
/** The panel's lines as "label: value", spaces collapsed. */
const details = (el: VerifyBadge, index = 0) =>
  [...el.shadowRoot!.querySelectorAll('[part="signature"]')[index]!.querySelectorAll('.row')].map((row) =>
    [...row.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(': '),
  );
const liveText = (el: VerifyBadge) => el.shadowRoot!.querySelector('[role="status"]')!.textContent?.trim();

/** The same file with one byte of signed content changed ("Kyso fixture" → "kyso fixture"). */
async function tampered(): Promise<Uint8Array> {
  const bytes = await fixture('valid.pdf');
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.indexOf('Kyso fixture');
  expect(at, 'signed text to change').to.be.greaterThan(0);
  bytes[at] = 'k'.charCodeAt(0);
  return bytes;
}

async function expectAccessible(el: VerifyBadge, state: string): Promise<void> {
  expect(await axeViolations(el), `${state}, collapsed`).to.deep.equal([]);
  if (summary(el).disabled) return;
  el.open = true;
  await el.updateComplete;
  expect(await axeViolations(el), `${state}, expanded`).to.deep.equal([]);
  el.open = false;
  await el.updateComplete;
}

describe('<verify-badge>', () => {
  it('shows a valid signature in green, with the circular’s fields in the panel', async () => {
    const el = badge({ src: '/fixtures/valid.pdf', anchors: [root] });
    const report = await verified(el);
    expect(report.status).to.equal('valid');
    expect(report.policy.revocation).to.equal('embedded');
    expect(shownState(el)).to.equal('valid');
    expect(part(el, 'label')!.textContent).to.equal('Chữ ký hợp lệ');
    expect(part(el, 'count')!.textContent).to.equal('1 chữ ký');
    expect(liveText(el)).to.equal('Kết quả kiểm tra: Chữ ký hợp lệ, 1 chữ ký.');
    expect(getComputedStyle(summary(el)).color).to.equal('rgb(17, 99, 41)');

    el.open = true;
    await el.updateComplete;
    const lines = details(el);
    const clock = String.raw`\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2} \+07:00`;
    const expected: (string | RegExp)[] = [
      'Người ký: Nguyễn Thị Hồng Hạnh Trưởng phòng, Ủy ban nhân dân tỉnh Thử Nghiệm',
      'Mã định danh: CCCD: 034190000002',
      'Tổ chức cấp chứng thư: CA phục vụ các cơ quan Nhà nước thử nghiệm (Ban Cơ yếu Chính phủ)',
      // the time-stamp on the Vietnamese clock
      new RegExp(`^Thời gian ký: ${clock} \\(theo dấu thời gian\\)$`),
      'Tính toàn vẹn: Nội dung được ký không bị thay đổi',
      'Hiệu lực tại thời điểm ký: chứng thư còn hiệu lực, chưa bị thu hồi',
      new RegExp(`^Thời hạn chứng thư: từ ${clock} đến ${clock}$`),
      // the DSS of B-LT is appended after the signature: an allowed change
      'Thay đổi sau khi ký: Có, thuộc loại được phép (ký tiếp, dấu thời gian, dữ liệu kiểm tra)',
      'Chứng thư gốc tin cậy: RootCA chuyên dùng Chính phủ thử nghiệm (Ban Cơ yếu Chính phủ)',
      'Định dạng: B-LT · SHA-256',
    ];
    expect(lines).to.have.length(expected.length);
    expected.forEach((e, i) => {
      if (typeof e === 'string') expect(lines[i]).to.equal(e);
      else expect(lines[i]).to.match(e);
    });
    await expectAccessible(el, 'valid');
  });

  it('shows a file changed by one byte as invalid, in red', async () => {
    const el = badge({ data: await tampered(), anchors: [root] });
    const report = await verified(el);
    expect(report.status).to.equal('invalid');
    expect(report.signatures[0]!.integrity).to.equal(false);
    expect(shownState(el)).to.equal('invalid');
    expect(part(el, 'label')!.textContent).to.equal('Chữ ký không hợp lệ');
    expect(getComputedStyle(summary(el)).color).to.equal('rgb(164, 14, 38)');
    el.open = true;
    await el.updateComplete;
    expect(part(el, 'panel')!.textContent).to.contain('Nội dung đã bị thay đổi sau khi ký');
    await expectAccessible(el, 'invalid');
  });

  it('counts three signatures, trust read from a URL', async () => {
    const el = badge({ src: '/fixtures/three.pdf', trustSrc: '/fixtures/root.pem' }, 'en');
    const report = await verified(el);
    expect(report.signatures.map((s) => s.status)).to.deep.equal(['valid', 'valid', 'valid']);
    expect(shownState(el)).to.equal('valid');
    expect(part(el, 'label')!.textContent).to.equal('Signatures valid');
    expect(part(el, 'count')!.textContent).to.equal('3 signatures');
    el.open = true;
    await el.updateComplete;
    const items = el.shadowRoot!.querySelectorAll('[part="signature"]');
    expect([...items].map((i) => i.getAttribute('data-field'))).to.deep.equal([
      'LanhDaoPhong',
      'LanhDaoVanPhong',
      'LanhDaoCoQuan',
    ]);
    expect(items[1]!.textContent).to.contain('Lê Quang Huy');
    await expectAccessible(el, 'three signatures');
  });

  it('shows a file without signatures in grey', async () => {
    const el = badge({ src: '/fixtures/unsigned.pdf', anchors: [root] });
    const report = await verified(el);
    expect(report.status).to.equal('unsigned');
    expect(shownState(el)).to.equal('unsigned');
    expect(part(el, 'label')!.textContent).to.equal('Chưa có chữ ký');
    expect(part(el, 'count')).to.equal(null);
    expect(liveText(el)).to.equal('Kết quả kiểm tra: tài liệu chưa có chữ ký số.');
    expect(getComputedStyle(summary(el)).color).to.equal('rgb(66, 74, 83)');
    await expectAccessible(el, 'unsigned');
  });

  it('shows a signature without revocation data as indeterminate, in amber; online only when asked', async () => {
    const asked: string[] = [];
    const offline: typeof fetch = async (input) => {
      asked.push(input instanceof Request ? input.url : String(input));
      throw new TypeError('offline');
    };
    const el = badge({ src: '/fixtures/indeterminate.pdf', anchors: [root] });
    el.fetch = offline;
    let report = await verified(el);
    expect(report.status).to.equal('indeterminate');
    expect(shownState(el)).to.equal('indeterminate');
    expect(part(el, 'label')!.textContent).to.equal('Chưa xác định được');
    expect(getComputedStyle(summary(el)).color).to.equal('rgb(125, 78, 0)');
    // 'embedded' (the default) asks no one, even with a fetch at hand
    expect(asked).to.deep.equal([]);
    await expectAccessible(el, 'indeterminate');

    // 'online' goes through the page's fetch (here: a network that is down) and stays indeterminate
    el.revocation = 'online';
    report = await verified(el);
    expect(report.policy.revocation).to.equal('online');
    expect(report.status).to.equal('indeterminate');
    expect(asked.length).to.be.greaterThan(0);
    expect(asked.every((url) => url.startsWith('http://127.0.0.1:'))).to.equal(true);
  });

  it('expands and collapses with Enter and Space', async () => {
    const el = badge({ src: '/fixtures/valid.pdf', anchors: [root] });
    await verified(el);
    const button = summary(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'panel')!.hidden).to.equal(true);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'panel')!.hidden).to.equal(false);
    expect(button.getAttribute('aria-controls')).to.equal(part(el, 'panel')!.id);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.open).to.equal(false);
  });

  it('reports a file that is not a PDF with kyso-error, a code and a localised message', async () => {
    const el = document.createElement('verify-badge');
    const failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    el.src = '/fixtures/not-a-pdf.pdf';
    mount(el, 'en');
    const { detail } = await failed;
    expect(detail.code).to.equal('PDF_STRUCTURE');
    expect(detail.message).to.match(/^The PDF structure is damaged/);
    await el.verificationComplete;
    expect(shownState(el)).to.equal('error');
    expect(liveText(el)).to.contain('The signatures could not be checked: The PDF structure is damaged');
    await expectAccessible(el, 'error');
  });

  it('reports a missing file and an unknown trust profile', async () => {
    const missing = document.createElement('verify-badge');
    const notFound = nextEvent<KysoErrorEvent>(missing, 'kyso-error');
    missing.src = '/fixtures/nowhere.pdf';
    mount(missing, 'vi');
    const nf = (await notFound).detail;
    expect(nf.code).to.equal('NETWORK_ERROR');
    expect(nf.message).to.contain('Không kết nối được');

    const unknown = document.createElement('verify-badge');
    unknown.setAttribute('trust-profile', 'nowhere');
    const refused = nextEvent<KysoErrorEvent>(unknown, 'kyso-error');
    unknown.src = '/fixtures/valid.pdf';
    mount(unknown, 'en');
    expect((await refused).detail.code).to.equal('UNKNOWN_TRUST_PROFILE');
  });

  it('aborts the verification under way when the document changes', async () => {
    // the first document is held back until released, so its verification is surely under way
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    class HeldBlob extends Blob {
      override async arrayBuffer(): Promise<ArrayBuffer> {
        await gate;
        return super.arrayBuffer();
      }
    }
    const chain = new HeldBlob([await (await fetch('/fixtures/chain.pdf')).arrayBuffer()]);
    const el = document.createElement('verify-badge');
    el.anchors = [root];
    const reports: VerificationReport[] = [];
    el.addEventListener('kyso-verified', (e) => reports.push(e.detail));
    el.data = chain;
    mount(el, 'vi');
    await until(() => shownState(el) === 'loading', 'loading state');
    expect(summary(el).disabled).to.equal(true);
    expect(liveText(el)).to.equal('Đang kiểm tra chữ ký số của tài liệu.');
    expect(await axeViolations(el), 'loading').to.deep.equal([]);
    el.data = undefined;
    el.src = '/fixtures/valid.pdf';
    await verified(el);
    // the abandoned chain may now go on: its report must never come
    release();
    await new Promise((r) => setTimeout(r, 300));
    expect(reports.map((r) => r.signatures.length)).to.deep.equal([1]);
    expect(part(el, 'count')!.textContent).to.equal('1 chữ ký');
  });

  it('verifies a five-signature chain and speaks the language it is given', async () => {
    const el = badge({ src: '/fixtures/chain.pdf', anchors: [root] }, 'en');
    let report = await verified(el);
    expect(report.lang).to.equal('en');
    expect(report.signatures).to.have.length(5);
    expect(part(el, 'count')!.textContent).to.equal('5 signatures');
    el.lang = 'vi';
    report = await verified(el);
    expect(report.lang).to.equal('vi');
    expect(part(el, 'count')!.textContent).to.equal('5 chữ ký');
    expect(report.signatures.filter((s) => s.signer?.identifiers?.['MST'])).to.have.length(2);
    // the verdict at a chosen time
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
    el.setAttribute('validation-time', at.toISOString());
    report = await verified(el);
    expect(new Date(report.validationTime).getTime()).to.equal(at.getTime());
  });

  it('idles without a document, and registers once', async () => {
    expect(defineVerifyBadge()).to.equal(customElements.get('verify-badge'));
    const el = badge({});
    await el.updateComplete;
    expect(shownState(el)).to.equal('idle');
    expect(summary(el).disabled).to.equal(true);
    expect(await axeViolations(el)).to.deep.equal([]);
  });
});
