// <sign-pdf> against kyso's own signing service: @kyso/node-adapter (CSC v2, a PKCS#12 key behind a
// PIN) started by scripts/wtr-signing-service.mjs on 127.0.0.1 and reached through the test server,
// which records every request body. The signed file is judged by poppler's pdfsig in Node.
import { fromBase64 } from '@kyso/core';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  axeViolations,
  cleanUp,
  fixture,
  mount,
  nextEvent,
  until,
  WORKER_SRC,
} from '../../test/browser/support.js';
import type { KysoErrorEvent } from '../events/kyso-error-event.js';
import type { KysoPdfLoadedEvent } from '../events/kyso-pdf-loaded-event.js';
import type { KysoSignedEvent } from '../events/kyso-signed-event.js';
import type { KysoVerifiedEvent } from '../events/kyso-verified-event.js';
import { defineVerifyBadge } from '../verify-badge/define.js';
import type { VerifyBadge } from '../verify-badge/verify-badge.js';
import { defineSignPdf } from './define.js';
import type { SignPdf } from './sign-pdf.js';

defineSignPdf();
defineVerifyBadge();

/** scripts/wtr-signing-service.mjs's SIGNING_SERVICE. */
const SERVICE = {
  base: '/signing-service/kyso',
  token: 'tok-sign-pdf-test',
  pin: '246810',
  withPin: 'nhan-vien-pin',
  withOtp: 'nhan-vien-otp',
  otp: '135790',
};

/**
 * The page's fetch with the service's token — for the service's own URLs only: the /tsa and
 * /revocation proxies, like the CSC API, want a bearer, and nobody else may see it.
 */
const withToken: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
  const ours = url.origin === window.location.origin && url.pathname.startsWith(`${SERVICE.base}/`);
  if (!ours) return fetch(input, init);
  const headers = new Headers(init?.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${SERVICE.token}`);
  return fetch(input, { ...init, headers });
};

/** A <sign-pdf> on the unsigned fixture, signing invisibly through the service with `credential`. */
async function serviceSigner(credential: string, lang: string): Promise<SignPdf> {
  const el = window.document.createElement('sign-pdf');
  el.workerSrc = WORKER_SRC;
  el.src = '/fixtures/unsigned.pdf';
  el.cscUrl = SERVICE.base;
  el.credential = credential;
  el.accessToken = SERVICE.token;
  el.revocation = 'off';
  el.invisible = true;
  const loaded = nextEvent(el, 'kyso-pdf-loaded');
  mount(el, lang);
  await loaded;
  return el;
}

interface Logged {
  method: string;
  path: string;
  bytes: number;
  body: string;
}

async function serviceLog(): Promise<Logged[]> {
  return (await fetch('/signing-service/log')).json() as Promise<Logged[]>;
}

/** Requests testkit's TSA, OCSP and CRL servers received (the browser reaches them only through the service). */
async function pkiRequests(): Promise<Record<'tsa' | 'ocsp' | 'crl' | 'ca', number>> {
  return (await fetch('/signing-service/pki-requests')).json() as Promise<
    Record<'tsa' | 'ocsp' | 'crl' | 'ca', number>
  >;
}

async function pdfsig(bytes: Uint8Array): Promise<{ valid: boolean[]; output: string }> {
  const response = await fetch('/signing-service/pdfsig', { method: 'POST', body: new Uint8Array(bytes) });
  return response.json() as Promise<{ valid: boolean[]; output: string }>;
}

async function openDialog(el: SignPdf): Promise<HTMLDialogElement> {
  return until(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'the PIN dialog');
}

afterEach(cleanUp);

describe('<sign-pdf> with a CSC signing service', () => {
  it('asks the PIN in its dialog, sends only digests, and writes a file pdfsig accepts', async () => {
    const document = await fixture('valid.pdf'); // already signed once, 53 KB
    const rootPem = await (await fetch('/signing-service/root.pem')).text();
    const el = window.document.createElement('sign-pdf');
    el.workerSrc = WORKER_SRC;
    el.file = document;
    el.cscUrl = SERVICE.base;
    el.credential = SERVICE.withPin;
    el.accessToken = SERVICE.token;
    el.anchors = [rootPem];
    el.revocation = 'off';
    el.reason = 'Phê duyệt';
    const loaded = nextEvent<KysoPdfLoadedEvent>(el, 'kyso-pdf-loaded');
    mount(el, 'vi');
    await loaded;
    await el.updateComplete;
    el.placeSignature(1);
    await el.updateComplete;
    const sign = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="sign-button"]')!;
    const seen = (await serviceLog()).length;

    // 1. Escape in the PIN dialog: ABORTED, and nothing was authorised
    let failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    sign.click();
    let dialog = await openDialog(el);
    expect(dialog.querySelector('h2')!.textContent).to.equal('Nhập mã PIN');
    expect(dialog.textContent).to.contain(`Khóa ký: ${SERVICE.withPin}`);
    expect(el.shadowRoot!.activeElement).to.equal(dialog.querySelector('input'));
    expect(await axeViolations(el), 'PIN dialog open').to.deep.equal([]);
    await sendKeys({ press: 'Escape' });
    expect((await failed).detail.code).to.equal('ABORTED');
    expect((await serviceLog()).slice(seen).map((r) => r.path)).not.to.include(
      '/kyso/csc/v2/credentials/authorize',
    );

    // 2. a wrong PIN: the service refuses, the message is localised
    failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    await until(() => !sign.disabled, 'Sign offered again');
    sign.click();
    dialog = await openDialog(el);
    await sendKeys({ type: '000000' });
    await sendKeys({ press: 'Enter' });
    const wrong = (await failed).detail;
    expect(wrong.code).to.equal('PIN_INCORRECT');
    expect(wrong.message).to.equal('Mã PIN không đúng.');
    expect(el.signedBytes).to.equal(undefined);

    // 3. the right PIN
    const signed = nextEvent<KysoSignedEvent>(el, 'kyso-signed');
    await until(() => !sign.disabled, 'Sign offered again');
    sign.click();
    dialog = await openDialog(el);
    expect(dialog.querySelector('input')!.value, 'the last PIN is not kept').to.equal('');
    await sendKeys({ type: SERVICE.pin });
    await sendKeys({ press: 'Enter' });
    const { detail } = await signed;
    expect(detail.bytes.length).to.be.greaterThan(document.length);
    // the original bytes are untouched: the signature is an incremental update
    expect(detail.bytes.subarray(0, document.length)).to.deep.equal(document);
    const ours = detail.report!.signatures.find((s) => s.field === detail.fieldName)!;
    expect(ours.integrity).to.equal(true);
    expect(ours.status).to.equal('valid');
    expect(ours.signer!.commonName).to.equal('Đỗ Minh Khôi');
    // the earlier signature is still intact
    expect(detail.report!.signatures.find((s) => s.field === 'LanhDaoPhong')!.integrity).to.equal(true);

    // what reached the service: small JSON bodies with SHA-256 digests, never the document
    const requests = (await serviceLog()).slice(seen);
    const paths = requests.map((r) => r.path);
    for (const path of ['/kyso/csc/v2/credentials/authorize', '/kyso/csc/v2/signatures/signHash'])
      expect(paths, path).to.include(path);
    expect(
      paths.every((p) => p.startsWith('/kyso/csc/v2/')),
      paths.join(' '),
    ).to.equal(true);
    const pdfMarkers = ['%PDF', 'JVBERi', 'endobj', 'ZW5kb2Jq'];
    for (const r of requests) {
      expect(r.bytes, `${r.path} body size`).to.be.lessThan(2048);
      for (const marker of pdfMarkers) expect(r.body, `${r.path} carries ${marker}`).not.to.contain(marker);
    }
    const total = requests.reduce((n, r) => n + r.bytes, 0);
    expect(total, 'all bodies together').to.be.lessThan(document.length / 5);
    const signHashes = requests.filter((r) => r.path.endsWith('/signatures/signHash'));
    expect(signHashes.length).to.equal(1);
    const body = JSON.parse(signHashes[0]!.body) as { hashes: string[]; hashAlgorithmOID: string };
    expect(body.hashAlgorithmOID).to.equal('2.16.840.1.101.3.4.2.1');
    expect(body.hashes.map((h) => fromBase64(h).length)).to.deep.equal([32]);
    // the PIN went to credentials/authorize, and only there
    const withPin = requests.filter((r) => r.body.includes(SERVICE.pin)).map((r) => r.path);
    expect(withPin).to.deep.equal(['/kyso/csc/v2/credentials/authorize']);

    // poppler, in Node, accepts both signatures
    const judged = await pdfsig(detail.bytes);
    expect(judged.valid, judged.output).to.deep.equal([true, true]);
  });

  it('signs with a credential the service unlocks itself (no PIN asked)', async () => {
    const el = window.document.createElement('sign-pdf');
    el.workerSrc = WORKER_SRC;
    el.src = '/fixtures/unsigned.pdf';
    el.setAttribute('csc-url', `${SERVICE.base}/csc/v2`);
    el.setAttribute('credential', 'nhan-vien');
    el.accessToken = SERVICE.token;
    el.revocation = 'off';
    el.invisible = true;
    const loaded = nextEvent(el, 'kyso-pdf-loaded');
    mount(el, 'en');
    await loaded;
    const bytes = (await el.sign())!;
    expect(el.shadowRoot!.querySelector('dialog[open]')).to.equal(null);
    const judged = await pdfsig(bytes);
    expect(judged.valid, judged.output).to.deep.equal([true]);

    // a missing token is the service's refusal, as a kyso-error
    el.accessToken = undefined;
    const failed = nextEvent<KysoErrorEvent>(el, 'kyso-error');
    await el.sign().catch(() => undefined);
    expect((await failed).detail.code).to.equal('NOT_AUTHENTICATED');
  });

  it('time-stamps through the service (B-T): only the time-stamp query goes to its /tsa proxy', async () => {
    const el = await serviceSigner('nhan-vien', 'en');
    el.fetch = withToken;
    el.tsaUrl = `${SERVICE.base}/tsa`;
    const seen = (await serviceLog()).length;
    const bytes = (await el.sign())!;
    const ours = el.report!.signatures[0]!;
    expect(ours.level).to.equal('B-T');
    expect(ours.timestamp?.time, 'a signature time-stamp').to.be.a('string');
    expect(ours.integrity).to.equal(true);
    const tsa = (await serviceLog()).slice(seen).filter((r) => r.path === '/kyso/tsa');
    expect(tsa.length).to.equal(1);
    // a DER TimeStampReq: a few dozen bytes, never the document
    expect(tsa[0]!.bytes).to.be.lessThan(512);
    for (const marker of ['%PDF', 'endobj']) expect(tsa[0]!.body).not.to.contain(marker);
    const judged = await pdfsig(bytes);
    expect(judged.valid, judged.output).to.deep.equal([true]);
  });

  it('asks the one-time password in its dialog when the service wants one', async () => {
    const el = await serviceSigner(SERVICE.withOtp, 'vi');
    const seen = (await serviceLog()).length;
    const signing = el.sign();
    const dialog = await openDialog(el);
    expect(dialog.querySelector('h2')!.textContent).to.equal('Nhập mã xác thực (OTP)');
    expect(el.shadowRoot!.activeElement).to.equal(dialog.querySelector('input'));
    expect(await axeViolations(el), 'OTP dialog open').to.deep.equal([]);
    await sendKeys({ type: SERVICE.otp });
    await sendKeys({ press: 'Enter' });
    const bytes = (await signing)!;
    const judged = await pdfsig(bytes);
    expect(judged.valid, judged.output).to.deep.equal([true]);
    // the OTP went to credentials/authorize, and only there
    const carried = (await serviceLog())
      .slice(seen)
      .filter((r) => r.body.includes(SERVICE.otp))
      .map((r) => r.path);
    expect(carried).to.deep.equal(['/kyso/csc/v2/credentials/authorize']);
  });
});

describe("revocation through the signing service's /revocation route", () => {
  /** What the browser asked the route: OCSP or CRL URLs with certificates, never the document. */
  function revocationQueries(
    requests: Logged[],
  ): { url: string; certificates: string[]; ocspRequest?: string }[] {
    const asked = requests.filter((r) => r.path === '/kyso/revocation');
    for (const r of asked) {
      expect(r.bytes, 'a revocation query').to.be.lessThan(8192);
      for (const marker of ['%PDF', 'JVBERi', 'endobj']) expect(r.body).not.to.contain(marker);
    }
    return asked.map(
      (r) => JSON.parse(r.body) as { url: string; certificates: string[]; ocspRequest?: string },
    );
  }

  it('signs at B-LT: the pre-signing check and the DSS get their OCSP answers through the service', async () => {
    const rootPem = await (await fetch('/signing-service/root.pem')).text();
    const el = await serviceSigner('nhan-vien', 'vi');
    el.fetch = withToken;
    el.level = 'B-LT';
    el.tsaUrl = `${SERVICE.base}/tsa`;
    el.revocation = 'online';
    el.setAttribute('revocation-url', `${SERVICE.base}/revocation`);
    el.anchors = [rootPem];
    const seen = (await serviceLog()).length;
    const before = await pkiRequests();
    const bytes = (await el.sign())!;

    // the badge checked the new file online through the route (the default once it is given), and
    // found the answers in the DSS first: valid
    const inner = el.shadowRoot!.querySelector<VerifyBadge>('verify-badge')!;
    expect([inner.revocation, inner.revocationUrl]).to.deep.equal(['online', `${SERVICE.base}/revocation`]);
    expect(el.report!.policy.revocation).to.equal('online');
    const ours = el.report!.signatures[0]!;
    expect(ours.level).to.equal('B-LT');
    expect(ours.status, JSON.stringify(ours.errors)).to.equal('valid');
    expect(ours.certificate.revocation).to.include({ status: 'good', source: 'ocsp', embedded: true });
    expect(ours.timestamp?.indication).to.equal('TOTAL_PASSED');

    const queries = revocationQueries((await serviceLog()).slice(seen));
    // the signer (checked before signing and for the DSS) and the TSA, each by OCSP at testkit
    expect(queries.length).to.be.greaterThan(1);
    for (const q of queries) {
      expect(q.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/ocsp\/root$/);
      expect(q.ocspRequest, 'an OCSP request').to.be.a('string');
      expect(q.certificates.length, 'the certificate and its issuer').to.equal(2);
    }
    const after = await pkiRequests();
    expect(after.ocsp - before.ocsp, 'OCSP requests testkit answered').to.equal(queries.length);

    const judged = await pdfsig(bytes);
    expect(judged.valid, judged.output).to.deep.equal([true]);
  });

  it('gathers B-LT evidence through the route even when the pre-signing check is off', async () => {
    const el = await serviceSigner('nhan-vien', 'en'); // revocation="off"
    el.fetch = withToken;
    el.level = 'B-LT';
    el.tsaUrl = `${SERVICE.base}/tsa`;
    el.revocationUrl = `${SERVICE.base}/revocation`;
    const seen = (await serviceLog()).length;
    const bytes = (await el.sign())!;
    const queries = revocationQueries((await serviceLog()).slice(seen));
    expect(queries.length, 'OCSP through the service for the DSS').to.be.greaterThan(0);
    const judged = await pdfsig(bytes);
    expect(judged.valid, judged.output).to.deep.equal([true]);
  });

  it('lets <verify-badge> check online through the service, where the browser alone cannot', async () => {
    const rootPem = await (await fetch('/signing-service/root.pem')).text();
    const signer = await serviceSigner('nhan-vien', 'en');
    signer.fetch = withToken;
    signer.tsaUrl = `${SERVICE.base}/tsa`;
    const bytes = (await signer.sign())!; // B-T: no revocation data in the file
    cleanUp();

    const el = window.document.createElement('verify-badge') as VerifyBadge;
    el.data = bytes;
    el.anchors = [rootPem];
    el.revocation = 'online';
    el.fetch = withToken;
    let verified = nextEvent<KysoVerifiedEvent>(el, 'kyso-verified');
    mount(el, 'en');
    // straight from the page, testkit's OCSP server (another origin, no CORS) cannot be asked
    let report = (await verified).detail;
    expect(report.status).to.equal('indeterminate');
    expect(report.signatures[0]!.certificate.revocation.status).to.equal('unknown');

    const seen = (await serviceLog()).length;
    verified = nextEvent<KysoVerifiedEvent>(el, 'kyso-verified');
    el.revocationUrl = `${SERVICE.base}/revocation`;
    report = (await verified).detail;
    const ours = report.signatures[0]!;
    expect(report.status, JSON.stringify(ours.errors)).to.equal('valid');
    expect(ours.certificate.revocation).to.include({ status: 'good', source: 'ocsp', embedded: false });
    await el.verificationComplete;
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.classList.contains('valid')).to.equal(true);
    expect(await axeViolations(el), 'valid, verified online').to.deep.equal([]);
    const queries = revocationQueries((await serviceLog()).slice(seen));
    expect(queries.length).to.be.greaterThan(0);
    expect(queries.every((q) => q.ocspRequest !== undefined)).to.equal(true);
  });
});
