import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTestPdf } from '@kyso/testkit';
import { tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppearanceImage,
  bytesSource,
  drawAppearance,
  type FontFamily,
  listSignatures,
  PdfDocument,
  PdfStream,
} from '../src/index.js';
import {
  defaultFonts,
  pdffonts,
  pdftotext,
  signatureImage,
  signWith,
  testSigner,
  VN_LINES,
} from './support/appearance-kit.js';
import { pdfsig, qpdfCheck } from './support/judges.js';
import { renderPage } from './support/render.js';

let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
let fonts: FontFamily;
let image: AppearanceImage;

beforeAll(async () => {
  dir = await tempDir('kyso-appearance-');
  fonts = await defaultFonts();
  image = await signatureImage();
  await testSigner(); // key generation: once, before the timed tests
  // the renders stay for a person to look at when KYSO_KEEP_RENDERS is set
  if (process.env.KYSO_KEEP_RENDERS) console.log(`renders in ${dir.path}`);
}, 120_000);
afterAll(async () => {
  if (!process.env.KYSO_KEEP_RENDERS) await dir.remove();
});

/** The personal layout the presets will refine: signature image above three centred lines. */
function personal(subsetFonts = true) {
  return drawAppearance({
    box: { width: 200, height: 110 },
    items: [
      { image, rect: { x: 0, y: 50, width: 200, height: 60 } },
      {
        text: [...VN_LINES],
        font: fonts.regular,
        size: 11,
        rect: { x: 0, y: 0, width: 200, height: 50 },
        align: 'center',
      },
    ],
    subsetFonts,
  });
}

const displayed = { x: 50, y: 60, width: 200, height: 110 };
// where the image lands inside the widget: contain 600×220 in 200×60, centred
const imageScale = Math.min(200 / 600, 60 / 220);
const imageRect = {
  x: displayed.x + (200 - 600 * imageScale) / 2,
  y: displayed.y + 50,
  width: 600 * imageScale,
  height: 220 * imageScale,
};
const textRect = { x: displayed.x, y: displayed.y, width: 200, height: 48 };

async function widgetOf(bytes: Uint8Array, index: number) {
  const doc = await PdfDocument.open(bytesSource(bytes));
  const entry = (await listSignatures(doc))[index]!;
  const widget = entry.field.dict;
  const ap = await doc.dict(widget.get('AP'));
  const normal = await doc.resolve(ap?.get('N'));
  return { widget, rect: widget.get('Rect'), normal: normal instanceof PdfStream ? normal : undefined };
}

describe('a visible signature with the blue signature image and Vietnamese text', () => {
  it('on an upright and a rotated, cropped page: valid, clean, extractable, embedded, where asked', async () => {
    const pdf = await makeTestPdf({ pages: 2, rotate: [0, 90], cropBox: [20, 30, 575, 800] });
    const once = await signWith(pdf, { visible: { page: 1, rect: displayed }, appearance: personal() });
    const bytes = await signWith(once, { visible: { page: 2, rect: displayed }, appearance: personal() });
    const path = file('personal.pdf');
    await writeFile(path, bytes);

    expect((await pdfsig(path)).valid).toEqual([true, true]);
    const qpdf = await qpdfCheck(path);
    expect(qpdf.ok, qpdf.output).toBe(true);

    // the widget rectangles in user space: as given on page 1, turned and shifted on page 2
    expect((await widgetOf(bytes, 0)).rect).toEqual([70, 90, 270, 200]);
    expect((await widgetOf(bytes, 1)).rect).toEqual([
      20 + 555 - 60 - 110,
      30 + 50,
      20 + 555 - 60,
      30 + 50 + 200,
    ]);
    const turned = await widgetOf(bytes, 1);
    expect(turned.normal?.dict.get('Matrix')).toEqual([0, 1, -1, 0, 0, 0]);
    expect(turned.normal?.dict.get('BBox')).toEqual([0, 0, 200, 110]);

    for (const page of [1, 2]) {
      for (const layout of [false, true]) {
        const text = await pdftotext(path, page, layout);
        expect(text).not.toContain('\uFFFD');
        for (const line of VN_LINES) expect(text, `page ${page}`).toContain(line);
      }
    }

    const rows = await pdffonts(path);
    const ours = rows.filter((r) => r.name.includes('LiberationSerif'));
    expect(ours).toHaveLength(2); // one per update, each shared by its widget's text
    for (const row of ours) {
      expect(row.name).toMatch(/^[A-Z]{6}\+LiberationSerif$/);
      expect(row).toMatchObject({
        type: 'CID TrueType',
        encoding: 'Identity-H',
        emb: 'yes',
        sub: 'yes',
        uni: 'yes',
      });
    }
    // nothing else but the test page's own two standard fonts
    expect(
      rows
        .filter((r) => !r.name.includes('LiberationSerif'))
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Helvetica', 'Times-Roman']);

    for (const page of [1, 2]) {
      const r = await renderPage(path, page, file(`personal-${page}`));
      expect(r.width).toBe(page === 1 ? 555 : 770);
      const img = r.region(imageRect);
      expect(img.blue, `page ${page} blue ink in the image rect`).toBeGreaterThan(300);
      // the blue is the image's, so the mean of its region leans blue
      expect(img.mean[2]).toBeGreaterThan(img.mean[0] + 5);
      const text = r.region(textRect);
      expect(text.dark, `page ${page} text ink`).toBeGreaterThan(400);
      expect(text.blue).toBe(0);
      // no blue anywhere outside the widget (the transparent background shows the page)
      const whole = r.region({ x: 0, y: 0, width: r.width, height: r.height });
      const inside = r.region(displayed);
      expect(whole.blue - inside.blue, `page ${page} blue outside`).toBe(0);
    }
  }, 60_000);

  it('renders the subset exactly as the whole font: every glyph and composite part is there', async () => {
    // every Vietnamese letter with every tone, upper and lower case (many are composite glyphs)
    const vowels = 'aăâeêioôơuưy';
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    const letters = [...vowels].flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))).join('') + 'đ';
    const lines = [letters, letters.toUpperCase(), ...VN_LINES];
    const draw = (subsetFonts: boolean) =>
      drawAppearance({
        items: [{ text: lines, font: fonts.regular, size: 9, rect: { x: 4, y: 4, width: 492, height: 92 } }],
        subsetFonts,
      });
    const pdf = await makeTestPdf({ pages: 1 });
    const rect = { x: 40, y: 400, width: 500, height: 100 };
    const renders = [];
    for (const subset of [true, false]) {
      const bytes = await signWith(pdf, { visible: { page: 1, rect }, appearance: draw(subset) });
      const path = file(`glyphs-${subset ? 'subset' : 'full'}.pdf`);
      await writeFile(path, bytes);
      const fontsListed = await pdffonts(path);
      expect(fontsListed.find((f) => f.name.includes('LiberationSerif'))?.sub).toBe(subset ? 'yes' : 'no');
      const text = await pdftotext(path, 1);
      expect(text).toContain(letters);
      expect(text).toContain(letters.toUpperCase());
      renders.push(await renderPage(path, 1, file(`glyphs-${subset ? 'subset' : 'full'}`), 144));
    }
    const [subset, full] = renders;
    expect(subset!.region(rect).dark).toBeGreaterThan(2000);
    expect(Buffer.from(subset!.ppm).equals(Buffer.from(full!.ppm))).toBe(true);
  }, 60_000);
});

describe('signing an existing empty field', () => {
  it('draws into the widget’s own rectangle, upright on a rotated page, replacing its /AP', async () => {
    // a field on page 2 (rotated 90) whose /Rect displays as 100×55 at (50, 60)
    const pdf = await makeTestPdf({
      pages: 2,
      rotate: [0, 90],
      fields: [
        { type: 'signature', name: 'ChuKy1', page: 1, rect: [595.28 - 60 - 55, 50, 595.28 - 60, 150] },
      ],
    });
    const bytes = await signWith(pdf, { field: 'ChuKy1', appearance: personal() });
    const path = file('field.pdf');
    await writeFile(path, bytes);
    expect((await pdfsig(path)).valid).toEqual([true]);
    expect((await qpdfCheck(path)).ok).toBe(true);
    const { rect, normal } = await widgetOf(bytes, 0);
    expect(rect).toEqual([595.28 - 60 - 55, 50, 595.28 - 60, 150]);
    expect(normal?.dict.get('Matrix')).toEqual([0, 1, -1, 0, 0, 0]);
    const bbox = normal?.dict.get('BBox') as number[];
    expect(bbox[2]).toBeCloseTo(100, 6);
    expect(bbox[3]).toBeCloseTo(55, 6);
    const text = await pdftotext(path, 2);
    for (const line of VN_LINES) expect(text).toContain(line);
    // the 200×110 design is scaled by one half into the 100×55 widget
    const r = await renderPage(path, 2, file('field'));
    const half = {
      x: 50 + imageRect.x / 2 - displayed.x / 2,
      y: 60 + 25,
      width: imageRect.width / 2,
      height: 30,
    };
    expect(r.region(half).blue).toBeGreaterThan(50);
    const whole = r.region({ x: 0, y: 0, width: r.width, height: r.height });
    expect(whole.blue - r.region({ x: 50, y: 60, width: 100, height: 55 }).blue).toBe(0);
  }, 60_000);

  it('leaves an existing field’s appearance alone when no appearance is asked for', async () => {
    const pdf = await makeTestPdf({
      fields: [{ type: 'signature', name: 'ChuKy1', rect: [100, 100, 300, 160] }],
    });
    const bytes = await signWith(pdf, { field: 'ChuKy1' });
    expect((await widgetOf(bytes, 0)).widget.get('AP')).toBeUndefined();
  }, 60_000);
});
