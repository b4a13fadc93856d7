import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KysoError, Pkcs12Signer, type Signer } from '@kyso/core';
import { createTestPki, makeTestPdf, type TestPki } from '@kyso/testkit';
import { run, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppearanceImage,
  attachmentPreset,
  bytesSource,
  clerkSign,
  copyPreset,
  datePreset,
  type FontFamily,
  listPages,
  numberPreset,
  organizationPreset,
  PdfDocument,
  type Preset,
  type PresetPlace,
  personalPreset,
  type SignPdfOptions,
  signedBytes,
  signPdf,
  verifyPdf,
} from '../src/index.js';
import { defaultFonts, sealImage, signatureImage } from './support/appearance-kit.js';
import { mutoolVerify, pdfsig, qpdfCheck } from './support/judges.js';
import { compareWithReference, renderRegion } from './support/reference-png.js';

/** 2023-02-28 10:04:05 in Vietnam: every appearance below is drawn at this instant. */
const CLOCK = new Date('2023-02-28T03:04:05Z');
const now = () => CLOCK;
const IDS = ['lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan', 'to-chuc'] as const;

let dir: Awaited<ReturnType<typeof tempDir>>;
let fonts: FontFamily;
let signature: AppearanceImage;
let seal: AppearanceImage;
/** Certificates valid at CLOCK, for the renders; and valid today, for the verdicts. */
let atClock: TestPki;
let today: TestPki;

beforeAll(async () => {
  dir = await tempDir('kyso-presets-');
  [fonts, signature, seal, atClock, today] = await Promise.all([
    defaultFonts(),
    signatureImage(),
    sealImage(),
    createTestPki({ now: CLOCK, include: [...IDS] }),
    createTestPki({ include: [...IDS] }),
  ]);
}, 180_000);
afterAll(() => dir?.remove());

async function signerOf(pki: TestPki, id: (typeof IDS)[number]): Promise<Signer> {
  const identity = pki.get(id);
  return Pkcs12Signer.open(await identity.toPkcs12(), identity.password);
}

async function sign(
  pdf: Uint8Array,
  id: (typeof IDS)[number],
  preset: Preset,
  extra: Partial<SignPdfOptions> = {},
  pki = atClock,
): Promise<Uint8Array> {
  return signedBytes(
    await signPdf(pdf, {
      signer: await signerOf(pki, id),
      revocation: { mode: 'off' },
      now,
      fonts,
      preset,
      ...extra,
    }),
  );
}

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir.path, `${name}.pdf`);
  await writeFile(path, bytes);
  return path;
}

/** The newest signature's widget, as displayed on its page (these test pages are unrotated). */
async function lastWidget(bytes: Uint8Array): Promise<PresetPlace & { pageHeight: number }> {
  const doc = await PdfDocument.open(bytesSource(bytes));
  const pages = await listPages(doc);
  const catalog = await doc.catalog();
  const form = await doc.dict(catalog.get('AcroForm'));
  const fields = (await doc.resolve(form?.get('Fields'))) as unknown[];
  const widget = await doc.dict(fields.at(-1) as never);
  const [x0, y0, x1, y1] = widget!.get('Rect') as number[];
  const page = pages.find((p) => p.ref.key === (widget!.get('P') as { key: string }).key)!;
  return {
    page: page.index + 1,
    rect: { x: x0!, y: y0!, width: x1! - x0!, height: y1! - y0! },
    pageHeight: page.cropBox[3] - page.cropBox[1],
  };
}

/** pdftotext of a region, whitespace collapsed: what a reader copies out of the appearance. */
async function textIn(path: string, where: PresetPlace & { pageHeight: number }): Promise<string> {
  const { rect } = where;
  const r = await run('pdftotext', [
    '-r',
    '72',
    '-f',
    String(where.page),
    '-l',
    String(where.page),
    '-x',
    String(Math.floor(rect.x)),
    '-y',
    String(Math.floor(where.pageHeight - rect.y - rect.height)),
    '-W',
    String(Math.ceil(rect.width) + 1),
    '-H',
    String(Math.ceil(rect.height) + 1),
    path,
    '-',
  ]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.replace(/\s+/g, ' ').trim();
}

/** Renders the newest widget and holds it against its committed reference. */
async function expectReference(name: string, bytes: Uint8Array): Promise<{ path: string; text: string }> {
  const path = await save(name, bytes);
  const where = await lastWidget(bytes);
  const png = await renderRegion(path, where.page, where.pageHeight, where.rect, join(dir.path, name));
  const diff = await compareWithReference(`preset-${name}`, png);
  expect(diff.within, `${name}: ${JSON.stringify(diff)}`).toBe(true);
  return { path, text: await textIn(path, where) };
}

/** pdffonts: every font embedded as a subset with a ToUnicode map (so the text extracts exactly). */
async function expectFontsEmbedded(path: string) {
  const r = await run('pdffonts', [path]);
  expect(r.code, r.stderr).toBe(0);
  const rows = r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    if (!/\+Liberation/.test(row)) continue; // the test page's own Helvetica
    expect(row).toMatch(/CID TrueType \(OT\)|CID TrueType/);
    expect(row).toMatch(/\s+yes\s+yes\s+yes\s+/);
  }
}

describe('presets drawn at a fixed clock match their reference renders', () => {
  let personal: Uint8Array;
  beforeAll(async () => {
    personal = await sign(
      await makeTestPdf({ pages: 1 }),
      'lanh-dao-phong',
      personalPreset({ image: signature }),
    );
  }, 60_000);

  it('personal: the blue signature over the name and title', async () => {
    const { text, path } = await expectReference('personal', personal);
    expect(text).toBe('Nguyễn Thị Hồng Hạnh Trưởng phòng');
    await expectFontsEmbedded(path);
  }, 60_000);

  it('the comparison is sharp enough to see one missing diacritic', async () => {
    const wrong = await sign(
      await makeTestPdf({ pages: 1 }),
      'lanh-dao-phong',
      personalPreset({ image: signature, name: 'Nguyễn Thị Hồng Hanh' }),
    );
    const path = await save('personal-wrong', wrong);
    const where = await lastWidget(wrong);
    const png = await renderRegion(path, where.page, where.pageHeight, where.rect, join(dir.path, 'wrong'));
    if (process.env.KYSO_UPDATE_REFERENCES === '1') return;
    const diff = await compareWithReference('preset-personal', png);
    expect(diff.within, JSON.stringify(diff)).toBe(false);
  }, 60_000);

  it('personal without an image draws its lines alone', async () => {
    const bytes = await sign(await makeTestPdf({ pages: 1 }), 'lanh-dao-van-phong', personalPreset());
    const { text } = await expectReference('personal-text', bytes);
    expect(text).toBe('Lê Quang Huy Chánh Văn phòng');
  }, 60_000);

  it('organization: the seal at its real size, the name and the time', async () => {
    const bytes = await sign(personal, 'to-chuc', organizationPreset({ seal }));
    const { text, path } = await expectReference('organization', bytes);
    // the seal's box also covers the left of the signer's name, as a stamp on paper does
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM Thời gian ký: 2023-02-28T10:04:05+07:00');
    expect((await pdfsig(path)).valid).toEqual([true, true]);
  }, 60_000);

  it('organization: the dotted time style', async () => {
    const bytes = await sign(personal, 'to-chuc', organizationPreset({ seal, timeStyle: 'dotted' }));
    const path = await save('organization-dotted', bytes);
    expect(await textIn(path, await lastWidget(bytes))).toContain(
      'ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM Thời gian ký: 28.02.2023 10:04:05 +07:00',
    );
  }, 60_000);

  it('number: "Số: 12/KH-UBND" under the organisation’s name', async () => {
    const bytes = await sign(personal, 'to-chuc', numberPreset({ number: '12/KH-UBND' }));
    const { text } = await expectReference('number', bytes);
    expect(text).toBe('Số: 12/KH-UBND');
    const where = await lastWidget(bytes);
    expect(where.page).toBe(1);
    expect(where.rect.x).toBeLessThan(300); // the left column
  }, 60_000);

  it('date: the place and the date line under the motto', async () => {
    const bytes = await sign(
      personal,
      'to-chuc',
      datePreset({ placeName: 'Thái Bình', date: { year: 2023, month: 2, day: 28 } }),
    );
    const { text } = await expectReference('date', bytes);
    expect(text).toBe('Thái Bình, ngày 28 tháng 02 năm 2023');
    expect((await lastWidget(bytes)).rect.x).toBeGreaterThan(250); // the right column
  }, 60_000);

  it('clerk: number, date and seal in one call, each drawn as its own preset draws it', async () => {
    const clerk = await clerkSign(personal, {
      signer: await signerOf(atClock, 'to-chuc'),
      revocation: { mode: 'off' },
      now,
      fonts,
      number: '12/KH-UBND',
      date: { year: 2023, month: 2, day: 28 },
      placeName: 'Thái Bình',
      seal,
    });
    const all = await signedBytes(clerk);
    const path = await save('clerk', all);
    expect((await pdfsig(path)).valid).toEqual([true, true, true, true]);
    // each of the three updates, cut where it ends, shows its widget as the single preset did
    const doc = await PdfDocument.open(bytesSource(all));
    const ends = doc.revisions.map((r) => r.end).slice(-3);
    const names = ['number', 'date', 'organization'];
    for (const [i, end] of ends.entries()) {
      const revision = all.subarray(0, end);
      const where = await lastWidget(revision);
      const png = await renderRegion(
        path,
        where.page,
        where.pageHeight,
        where.rect,
        join(dir.path, `clerk-${i}`),
      );
      const diff = await compareWithReference(`preset-${names[i]}`, png);
      expect(diff.within, `${names[i]}: ${JSON.stringify(diff)}`).toBe(true);
    }
  }, 60_000);

  it('attachment: number and time at the top right, 10 pt, no image', async () => {
    const bytes = await sign(
      await makeTestPdf({ pages: 2 }),
      'to-chuc',
      attachmentPreset({ number: '12/KH-UBND' }),
      { signingOrder: { allowOrganizationFirst: true } },
    );
    const { text } = await expectReference('attachment', bytes);
    expect(text).toBe('12/KH-UBND Thời gian ký: 2023-02-28T10:04:05+07:00');
    const where = await lastWidget(bytes);
    expect(where.page).toBe(1);
    expect(where.rect.y + where.rect.height).toBeGreaterThan(where.pageHeight - 60);
  }, 60_000);

  it('copy: SAO Y, the copying organisation and the time', async () => {
    const bytes = await sign(
      await makeTestPdf({ pages: 1 }),
      'to-chuc',
      copyPreset({ kind: 'SAO Y', organizationName: 'Văn phòng Ủy ban nhân dân tỉnh' }),
      { signingOrder: { allowOrganizationFirst: true } },
    );
    const { text } = await expectReference('copy', bytes);
    expect(text).toBe('SAO Y Văn phòng Ủy ban nhân dân tỉnh Thời gian ký: 2023-02-28T10:04:05+07:00');
  }, 60_000);
});

describe('the seal over the personal signature', () => {
  it('covers one third (± 5 %) of the personal image, measured by MuPDF from what it paints', async () => {
    const first = await sign(
      await makeTestPdf({ pages: 1 }),
      'lanh-dao-co-quan',
      personalPreset({ image: signature }),
    );
    const bytes = await sign(first, 'to-chuc', organizationPreset({ seal }));
    const path = await save('overlap', bytes);
    const trace = await run('mutool', ['trace', path, '1']);
    expect(trace.code, trace.stderr).toBe(0);
    const images = [
      ...trace.stdout.matchAll(/<fill_image [^>]*transform="([^"]+)" width="(\d+)" height="(\d+)"/g),
    ].map((m) => {
      const [a, , , d, e] = m[1]!.split(' ').map(Number) as [number, number, number, number, number];
      return { x0: e, x1: e + a, height: d, px: Number(m[2]) };
    });
    const personal = images.find((i) => i.px === signature.width)!;
    const stamp = images.find((i) => i.px === seal.width)!;
    expect(personal && stamp).toBeTruthy();
    // the seal at its real size: 36 mm = 102.05 pt
    expect(stamp.x1 - stamp.x0).toBeCloseTo(102.05, 1);
    expect(stamp.height).toBeCloseTo(102.05, 1);
    const overlap =
      (Math.min(stamp.x1, personal.x1) - Math.max(stamp.x0, personal.x0)) / (personal.x1 - personal.x0);
    expect(Math.abs(overlap - 1 / 3)).toBeLessThanOrEqual(0.05);
    expect(stamp.x0).toBeLessThan(personal.x0); // on its left side
    // the written rectangles say the same: the seal widget's left edge is the seal's
    const widget = await lastWidget(bytes);
    expect(widget.rect.x).toBeCloseTo(stamp.x0, 1);
    expect(widget.rect.width).toBeCloseTo(102.05, 1);
  }, 60_000);

  it('follows the personal signature wherever it was placed, and into an existing field', async () => {
    const pdf = await makeTestPdf({
      pages: 2,
      fields: [{ type: 'signature', name: 'ChuTich', rect: [300, 200, 500, 300], page: 1 }],
    });
    const first = await sign(pdf, 'lanh-dao-co-quan', personalPreset({ image: signature }), {
      field: 'ChuTich',
    });
    const bytes = await sign(first, 'to-chuc', organizationPreset({ seal }));
    const where = await lastWidget(bytes);
    expect(where.page).toBe(2);
    // the field is 200 × 100: the image is fitted in its upper part, centred, and the seal covers its left third
    expect(where.rect.x + where.rect.width).toBeGreaterThan(300);
    expect(where.rect.x).toBeLessThan(300);
  }, 60_000);
});

describe('the signing order (VN-PROFILE.md)', () => {
  it('refuses an organisation signature on a document no person has signed', async () => {
    const pdf = await makeTestPdf({ pages: 1 });
    const error = await sign(pdf, 'to-chuc', organizationPreset({ seal })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KysoError);
    expect((error as KysoError).code).toBe('ORGANIZATION_BEFORE_PERSONAL');
  }, 60_000);

  it('refuses the clerk’s step on a document no person has signed, with no bytes out', async () => {
    const error = await clerkSign(await makeTestPdf({ pages: 1 }), {
      signer: await signerOf(atClock, 'to-chuc'),
      revocation: { mode: 'off' },
      now,
      fonts,
      number: '12/KH-UBND',
    }).catch((e: unknown) => e);
    expect((error as KysoError).code).toBe('ORGANIZATION_BEFORE_PERSONAL');
  }, 60_000);

  it('lets a digitised copy be sealed first when asked, in the signature block', async () => {
    const pdf = await makeTestPdf({ pages: 1 });
    const bytes = await sign(pdf, 'to-chuc', organizationPreset({ seal }), {
      signingOrder: { allowOrganizationFirst: true },
    });
    const where = await lastWidget(bytes);
    expect(where.rect.x).toBeGreaterThan(250);
    expect(where.rect.y).toBeLessThan(300);
  }, 60_000);

  it('does not count a personal signature whose document was altered after it', async () => {
    const signed = await sign(
      await makeTestPdf({ pages: 1, title: 'Draft for approval' }),
      'lanh-dao-phong',
      personalPreset(),
    );
    const at = new TextDecoder('latin1').decode(signed).indexOf('(Draft for approval)');
    expect(at).toBeGreaterThan(0);
    const broken = signed.slice();
    broken[at + 1] = 'd'.charCodeAt(0);
    const error = await sign(broken, 'to-chuc', numberPreset({ number: '1/QĐ-UBND' })).catch(
      (e: unknown) => e,
    );
    expect((error as KysoError).code).toBe('ORGANIZATION_BEFORE_PERSONAL');
  }, 60_000);
});

describe('the full chain: three personal signatures, then the clerk', () => {
  it('ends with every signature valid by pdfsig, MuPDF, qpdf and kyso, and no disallowed modification', async () => {
    let pdf = await makeTestPdf({ pages: 2 });
    // the two reviewers initial the last page's margin; the head of the agency signs the block
    const initials = (x: number): PresetPlace => ({ page: 2, rect: { x, y: 60, width: 110, height: 45 } });
    const current = { now: () => new Date() };
    pdf = await sign(pdf, 'lanh-dao-phong', personalPreset(), { ...current, visible: initials(60) }, today);
    pdf = await sign(pdf, 'lanh-dao-van-phong', personalPreset({ place: initials(180) }), current, today);
    pdf = await sign(pdf, 'lanh-dao-co-quan', personalPreset({ image: signature }), current, today);
    const clerk = await clerkSign(pdf, {
      signer: await signerOf(today, 'to-chuc'),
      revocation: { mode: 'off' },
      fonts,
      number: '12/KH-UBND',
      placeName: 'Thái Bình',
      seal,
    });
    expect(clerk.fieldNames).toHaveLength(3);
    const bytes = await signedBytes(clerk);
    const path = await save('chain', bytes);
    expect((await pdfsig(path)).valid).toEqual([true, true, true, true, true, true]);
    expect((await mutoolVerify(path)).intact).toEqual([true, true, true, true, true, true]);
    expect((await qpdfCheck(path)).ok).toBe(true);
    const report = await verifyPdf(bytes, {
      anchors: [today.get('root').certificate],
      revocation: 'off',
    });
    expect(report.signatures.map((s) => s.indication)).toEqual(Array(6).fill('TOTAL_PASSED'));
    for (const s of report.signatures)
      expect(s.modificationsAfter, `${s.field}: ${JSON.stringify(s.modifications)}`).not.toBe('disallowed');
    // the page shows the clerk's text where the standard layout wants it
    const page1 = await run('pdftotext', ['-f', '1', '-l', '1', path, '-']);
    expect(page1.stdout).toContain('Số: 12/KH-UBND');
    expect(page1.stdout).toContain('Thái Bình, ngày');
    const page2 = await run('pdftotext', ['-f', '2', '-l', '2', path, '-']);
    for (const line of ['Nguyễn Thị Hồng Hạnh', 'Lê Quang Huy', 'Phạm Đức Thắng', 'ỦY BAN NHÂN DÂN TỈNH'])
      expect(page2.stdout).toContain(line);
  }, 180_000);
});

describe('the date line does not depend on the host’s time zone', () => {
  const zone = process.env.TZ;
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  // 20:30 UTC on 4 January is 03:30 on 5 January in Vietnam
  const late = new Date('2024-01-04T20:30:00Z');
  for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles']) {
    it(`TZ=${tz}`, async () => {
      process.env.TZ = tz;
      const pki = atClock;
      const personalDoc = await sign(await makeTestPdf({ pages: 1 }), 'lanh-dao-phong', personalPreset());
      const bytes = await signedBytes(
        await signPdf(personalDoc, {
          signer: await signerOf(pki, 'to-chuc'),
          revocation: { mode: 'off' },
          now: () => late,
          fonts,
          preset: datePreset(),
        }),
      );
      const path = await save(`date-${tz.replace('/', '-')}`, bytes);
      expect(await textIn(path, await lastWidget(bytes))).toBe('ngày 05 tháng 01 năm 2024');
    }, 60_000);
  }
});

it('reads the committed references (a missing file fails, never passes)', async () => {
  await expect(readFile(new URL('./references/preset-personal.png', import.meta.url))).resolves.toBeTruthy();
});
