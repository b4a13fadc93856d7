import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH, run, tempDir } from '@kyso/testkit/node';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEoffice, startEoffice } from '../src/server.js';
import { overlaps, pdfWords, type Word } from './support/pdf-words.js';

/**
 * The whole chain in a real browser (Debian's Chromium through playwright-core): the specialist
 * uploads the sample draft (downloaded from the new-draft page's link), the officials sign in
 * <sign-pdf> through the app's signing service, one rejection goes back, the clerk issues; the issued
 * PDF is downloaded and judged by pdfsig and `kyso verify`, and what the signatures drew is checked
 * to stay clear of the draft's text. A screenshot of each step is saved in test-results/ (and in
 * docs/screenshots/ with EOFFICE_SCREENSHOTS=docs, for the README), the issued PDF in
 * test-results/issued.pdf.
 */
const here = fileURLToPath(new URL('..', import.meta.url));
const shots = join(here, process.env.EOFFICE_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results');
const kysoBin = fileURLToPath(new URL('../../../packages/cli/bin/kyso.js', import.meta.url));

let dir: { path: string; remove: () => Promise<void> };
let app: RunningEoffice;
let browser: Browser;
let draftPath: string;

async function as(user: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${user}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.error(`[${user}] console ${message.type()}: ${message.text()}`);
  });
  await page.goto(app.url);
  await page.getByTestId(`user-${user}`).click();
  await page.waitForURL(/\/documents/);
  return page;
}

async function shot(page: Page, name: string) {
  // the first page drawn and the badge's verdict in, so the picture shows what the user sees
  const viewer = page.locator('kyso-pdf-viewer .page[data-rendered]').first();
  if (await page.locator('kyso-pdf-viewer').count()) await viewer.waitFor({ timeout: 60_000 });
  if (await page.locator('verify-badge').count())
    await page.waitForFunction(
      () => {
        const text = document.querySelector('verify-badge')?.shadowRoot?.textContent ?? '';
        return !/Đang kiểm tra|Checking|Verifying/.test(text);
      },
      undefined,
      { timeout: 60_000 },
    );
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function stateOf(page: Page): Promise<string | null> {
  return page.getByTestId('state').getAttribute('data-state');
}

/** Clicks the page's action and waits for the reload that follows a signed step. */
async function signStep(page: Page, action: 'approve' | 'issue', expected: string) {
  if (action === 'approve') await page.locator('sign-pdf#signer').waitFor();
  await page.getByTestId(action).click();
  try {
    await expect.poll(() => stateOf(page), { timeout: 90_000, interval: 500 }).toBe(expected);
  } catch (error) {
    await shot(page, `failed-${action}`);
    const said = await page
      .getByTestId('client-status')
      .textContent()
      .catch(() => '');
    throw new Error(`${action} did not reach ${expected}: ${said}`, { cause: error });
  }
}

// Chromium is installed by .ci/run; elsewhere the test says it was skipped
describe.skipIf(process.env.CI !== 'true' && !existsSync(CHROMIUM_PATH))('the e-office in Chromium', () => {
  beforeAll(async () => {
    dir = await tempDir('eoffice-e2e-');
    await mkdir(shots, { recursive: true });
    await mkdir(join(here, 'test-results'), { recursive: true });
    app = await startEoffice({ dataDir: join(dir.path, 'data'), host: '127.0.0.1', port: 0, pkiPort: 0 });
    draftPath = join(dir.path, 'du-thao.pdf');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await dir?.remove();
  });

  it('walks the chain with one rejection, issues, and the issued PDF verifies', async () => {
    const specialist = await as('chuyen-vien');
    await specialist.goto(new URL('/documents/new', app.url).href);
    // the sample draft, from the page's own link, as someone trying the demo would take it
    const [sample] = await Promise.all([
      specialist.waitForEvent('download'),
      specialist.getByTestId('sample-draft').click(),
    ]);
    expect(sample.suggestedFilename()).toBe('du-thao-ke-hoach.pdf');
    await sample.saveAs(draftPath);
    await specialist.locator('#file').setInputFiles(draftPath);
    await shot(specialist, '1-chuyen-vien-du-thao');
    await specialist.getByTestId('upload').click();
    await specialist.waitForURL(/\/documents\/\d+$/);
    const url = specialist.url();
    await specialist.getByTestId('submit').click();
    await expect.poll(() => stateOf(specialist)).toBe('review-department');

    const department = await as('lanh-dao-phong');
    await department.goto(url);
    await signStep(department, 'approve', 'review-office');
    await shot(department, '2-lanh-dao-phong-da-ky');

    const office = await as('lanh-dao-van-phong');
    await office.goto(url);
    await office.locator('#comment').fill('Đề nghị bổ sung căn cứ pháp lý.');
    await office.getByTestId('reject').click();
    await expect.poll(() => stateOf(office)).toBe('review-department');
    await shot(office, '3-lanh-dao-van-phong-tra-lai');

    await department.goto(url);
    await signStep(department, 'approve', 'review-office');
    await office.goto(url);
    await signStep(office, 'approve', 'review-agency');
    await shot(office, '4-lanh-dao-van-phong-da-ky');

    const agency = await as('lanh-dao-co-quan');
    await agency.goto(url);
    await signStep(agency, 'approve', 'numbering');
    await shot(agency, '5-lanh-dao-co-quan-da-ky');

    const clerk = await as('van-thu');
    await clerk.goto(url);
    await signStep(clerk, 'issue', 'issued');
    await expect.poll(() => clerk.getByTestId('number').textContent()).toMatch(/^01\/KH-UBND$/);
    await clerk.locator('verify-badge').first().waitFor();
    await shot(clerk, '6-van-thu-ban-hanh');
    // the badge checked every certificate online, through the signing service's revocation route
    const badgeText = await clerk.evaluate(
      () =>
        document.querySelector('[data-testid="badge"]')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '',
    );
    expect(badgeText).toContain('Trạng thái thu hồi: kiểm tra trực tuyến');
    expect(badgeText.match(/chưa bị thu hồi/g)).toHaveLength(6);

    // the list shows each document's verdict, verified in the browser
    await clerk.goto(new URL('/documents', app.url).href);
    await clerk.locator('[data-testid="outgoing"] verify-badge').first().waitFor();
    await clerk.waitForFunction(
      () =>
        /Chữ ký hợp lệ/.test(
          document.querySelector('[data-testid="outgoing"] verify-badge')?.shadowRoot?.textContent ?? '',
        ),
      undefined,
      { timeout: 60_000 },
    );
    await shot(clerk, '7-danh-sach-van-ban');
    await clerk.goto(url);

    // the issued version, downloaded as a user would
    const links = clerk.locator('[data-testid^="download-"]');
    const [download] = await Promise.all([clerk.waitForEvent('download'), links.last().click()]);
    const issued = join(dir.path, 'issued.pdf');
    await download.saveAs(issued);
    const pdfsig = await run('pdfsig', [issued]);
    expect(pdfsig.stdout.match(/Signature is Valid\./g)).toHaveLength(6);
    // the reviewers initialled the draft's fields (ký tắt); no field is left unsigned
    expect(pdfsig.stdout).toContain('Signature Field Name: ky-tat-lanh-dao-phong');
    expect(pdfsig.stdout).toContain('Signature Field Name: ky-tat-lanh-dao-van-phong');
    expect(pdfsig.stdout).not.toContain('not signed');
    const trust = join(dir.path, 'trust.pem');
    await writeFile(trust, await (await fetch(new URL('/trust.pem', app.url))).text());
    const verify = await run(process.execPath, [
      kysoBin,
      'verify',
      issued,
      '--trust',
      trust,
      '--revocation',
      'off',
      '--json',
    ]);
    expect(verify.code, verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout) as {
      status: string;
      signatures: { modificationsAfter: string }[];
    };
    expect(report.status).toBe('valid');
    expect(report.signatures.every((s) => s.modificationsAfter !== 'disallowed')).toBe(true);
    await copyFile(issued, join(here, 'test-results', 'issued.pdf'));
    const text = await run('pdftotext', [issued, '-']);
    expect(text.stdout).toContain('Số: 01/KH-UBND');
    expect(text.stdout).toMatch(/Thử Nghiệm, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(text.stdout).toContain('KẾ HOẠCH\nTriển khai văn phòng điện tử năm 2025');
    expect((await readFile(issued)).length).toBeGreaterThan(0);

    // what the signatures drew (number, date line, names, seal text) lies clear of the draft's words
    const draft = await pdfWords(draftPath);
    const drawn = await pdfWords(issued);
    const key = (w: Word) => `${w.page} ${w.text} ${w.x1} ${w.y1}`;
    const own = new Set(draft.words.map(key));
    const added = drawn.words.filter((w) => !own.has(key(w)));
    expect(added.map((w) => w.text).join(' ')).toContain('Số: 01/KH-UBND');
    const clashes = added.flatMap((a) =>
      draft.words.filter((d) => d.page === a.page && overlaps(a, d)).map((d) => `${a.text} × ${d.text}`),
    );
    expect(clashes).toEqual([]);
  }, 600_000);
});
