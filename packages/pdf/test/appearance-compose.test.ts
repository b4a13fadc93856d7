import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTestPdf } from '@kyso/testkit';
import { tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeSignatureField } from '../src/fields/signature-field.js';
import {
  type AppearanceImage,
  bytesSource,
  drawAppearance,
  type FontFamily,
  name,
  PdfDict,
  PdfDocument,
  type PdfRef,
  plainBox,
} from '../src/index.js';
import { DocumentEdit } from '../src/writer/document-edit.js';
import { defaultFonts, fakeBox, pdffonts, pdftotext, signatureImage } from './support/appearance-kit.js';
import { qpdfCheck } from './support/judges.js';
import { renderPage } from './support/render.js';

let fonts: FontFamily;
let image: AppearanceImage;
let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  fonts = await defaultFonts();
  image = await signatureImage();
  dir = await tempDir('kyso-compose-');
});
afterAll(() => dir.remove());

const text = (s: Uint8Array) => new TextDecoder('latin1').decode(s);

describe('drawAppearance', () => {
  it('names fonts and images in /Resources and draws items in order', async () => {
    const { box, dictAt } = fakeBox(200, 100);
    const drawn = await drawAppearance({
      items: [
        { image, rect: { x: 0, y: 40, width: 200, height: 60 } },
        {
          text: 'Nguyễn Thị Hồng Hạnh',
          font: fonts.bold,
          size: 10,
          rect: { x: 0, y: 20, width: 200, height: 20 },
        },
        { text: 'Giám đốc', font: fonts.italic, size: 10, rect: { x: 0, y: 0, width: 200, height: 20 } },
        { text: '', font: fonts.regular, size: 10, rect: { x: 0, y: 0, width: 200, height: 20 } },
      ],
    })(box);
    const resources = drawn.resources!;
    const fontDict = resources.get('Font') as PdfDict;
    expect(fontDict.keys()).toEqual(['F1', 'F2']); // the empty item embeds nothing
    expect(dictAt(fontDict.get('F1'))!.name('BaseFont')).toMatch(/\+LiberationSerif-Bold$/);
    expect(dictAt(fontDict.get('F2'))!.name('BaseFont')).toMatch(/\+LiberationSerif-Italic$/);
    expect((resources.get('XObject') as PdfDict).keys()).toEqual(['Im1']);
    const ops = text(drawn.content);
    expect(ops.indexOf('/Im1 Do')).toBeLessThan(ops.indexOf('/F1 10 Tf'));
    expect(ops.indexOf('/F1 10 Tf')).toBeLessThan(ops.indexOf('/F2 10 Tf'));
    expect(ops.startsWith('q\n') && ops.endsWith('\nQ')).toBe(true);
  });

  it('scales a design box uniformly into a widget of another size, centred, and passes the box to item functions', async () => {
    const seen: { width: number; height: number }[] = [];
    const drawer = drawAppearance({
      box: { width: 200, height: 100 },
      items: (b) => {
        seen.push(b);
        return [{ image, rect: { x: 0, y: 0, width: b.width, height: b.height } }];
      },
    });
    const wide = await drawer(fakeBox(400, 100).box);
    expect(text(wide.content)).toContain('1 0 0 1 100 0 cm');
    const small = await drawer(fakeBox(100, 50).box);
    expect(text(small.content)).toContain('0.5 0 0 0.5 0 0 cm');
    const same = await drawer(fakeBox(200, 100).box);
    expect(text(same.content)).not.toMatch(/^q\n\S+ 0 0 \S+ \S+ \S+ cm/);
    expect(seen).toEqual([
      { width: 200, height: 100 },
      { width: 200, height: 100 },
      { width: 200, height: 100 },
    ]);
    // without a design box, item functions get the widget's own box
    const own: { width: number; height: number }[] = [];
    await drawAppearance({
      items: (b) => {
        own.push(b);
        return [];
      },
    })(fakeBox(120, 30).box);
    expect(own).toEqual([{ width: 120, height: 30 }]);
  });

  it('shares one font and one image across the widgets of an update, and not across updates', async () => {
    const shared = new Map<string, unknown>();
    const a = fakeBox(200, 100, shared);
    // both boxes add to the same list, as two widgets of one update do
    const b = { ...fakeBox(200, 100, shared).box, add: a.box.add };
    const one = drawAppearance({
      items: [
        { image, rect: { x: 0, y: 0, width: 100, height: 50 } },
        { text: 'Hà Nội', font: fonts.regular, size: 10, rect: { x: 0, y: 50, width: 200, height: 50 } },
      ],
    });
    const two = drawAppearance({
      items: [
        { image, rect: { x: 0, y: 0, width: 100, height: 50 } },
        { text: 'Thái Bình', font: fonts.regular, size: 10, rect: { x: 0, y: 50, width: 200, height: 50 } },
      ],
    });
    const first = await one(a.box);
    const count = a.added.length;
    const second = await two(b);
    expect(a.added.length).toBe(count); // nothing new written
    const refOf = (r: PdfDict | undefined, kind: string, key: string) =>
      (r!.get(kind) as PdfDict).get(key) as PdfRef;
    expect(refOf(second.resources, 'Font', 'F1')).toBe(refOf(first.resources, 'Font', 'F1'));
    expect(refOf(second.resources, 'XObject', 'Im1')).toBe(refOf(first.resources, 'XObject', 'Im1'));
    // another update (its own shared map) writes its own font and image objects
    const other = fakeBox(200, 100);
    await two(other.box);
    expect(other.added.length).toBe(count);
  });

  it('keeps plainBox, the default frame, working with the new drawer contract', async () => {
    const drawn = await plainBox(fakeBox(120, 40).box);
    expect(text(drawn.content)).toBe('q 0.2 0.2 0.2 RG 1 w 0.5 0.5 119.00 39.00 re S Q');
  });
});

describe('two widgets in one incremental update', () => {
  it('write one subset font holding both widgets’ glyphs, and both texts extract', async () => {
    const pdf = await makeTestPdf({ pages: 1 });
    const doc = await PdfDocument.open(bytesSource(pdf));
    const edit = new DocumentEdit(doc);
    const lines = [
      ['Nguyễn Thị Hồng Hạnh', 'Trưởng phòng'],
      ['ỦY BAN NHÂN DÂN', 'ngày 28 tháng 02 năm 2023'],
    ];
    for (const [i, text] of lines.entries()) {
      await placeSignatureField(edit, {
        name: `Widget${i + 1}`,
        visible: { page: 1, rect: { x: 50, y: 500 - 100 * i, width: 250, height: 60 } },
        appearance: drawAppearance({
          items: [{ text, font: fonts.regular, size: 12, rect: { x: 0, y: 0, width: 250, height: 60 } }],
        }),
        value: edit.add(new PdfDict([['Type', name('Sig')]])),
      });
    }
    const update = edit.update.build(true);
    const bytes = new Uint8Array(pdf.length + update.bytes.length);
    bytes.set(pdf);
    bytes.set(update.bytes, pdf.length);
    const path = join(dir.path, 'two-widgets.pdf');
    await writeFile(path, bytes);
    expect((await qpdfCheck(path)).ok).toBe(true);
    const ours = (await pdffonts(path)).filter((f) => f.name.includes('LiberationSerif'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    const extracted = await pdftotext(path, 1);
    for (const line of lines.flat()) expect(extracted).toContain(line);
    // the first widget's glyphs still render after the second grew the subset
    const r = await renderPage(path, 1, join(dir.path, 'two-widgets'));
    expect(r.region({ x: 50, y: 500, width: 250, height: 60 }).dark).toBeGreaterThan(150);
    expect(r.region({ x: 50, y: 400, width: 250, height: 60 }).dark).toBeGreaterThan(150);
  });
});
