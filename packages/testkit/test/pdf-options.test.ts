import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, makeTestPdf, type TestPdfForm, type TestPdfOptions } from '../src/index.js';
import { run, tempDir } from '../src/node/index.js';
import { expectClean, judgeBytes, latin1 } from './pdf-judges.js';

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('kyso-pdf-');
});
afterAll(() => dir.remove());

const FORMS: TestPdfForm[] = ['classic', 'xref-stream', 'hybrid', 'pdf-2.0', 'revisions'];

const FIELDS: TestPdfOptions['fields'] = [
  { type: 'text', name: 'so_van_ban', page: 0, rect: [72, 600, 272, 624], value: 'So 12/QD (ban chinh)' },
  { type: 'text', name: 'ghi_chu', page: 1, rect: [72, 500, 272, 524] },
  { type: 'signature', name: 'Signature1', page: 0, rect: [320, 80, 520, 160] },
  { type: 'signature', name: 'Chữ ký ẩn', page: 1, rect: [0, 0, 0, 0] },
];

interface JsonField {
  object: string;
  fullname: string;
  fieldtype: string;
  value: string | null;
  pageposfrom1: number;
  annotation: { object: string };
}

describe('fields', () => {
  it.each(FORMS)('%s: text and empty signature fields, widgets merged and on their pages', async (form) => {
    const bytes = await makeTestPdf({ form, pages: 3, fields: FIELDS });
    const v = await judgeBytes(dir.path, `fields-${form}.pdf`, bytes);
    expectClean(v);
    const json = await run('qpdf', ['--json', '--json-key=acroform', v.file]);
    expect(json.code).toBe(0);
    const acroform = (JSON.parse(json.stdout) as { acroform: { hasacroform: boolean; fields: JsonField[] } })
      .acroform;
    expect(acroform.hasacroform).toBe(true);
    const fields = acroform.fields.map((f) => ({
      name: f.fullname,
      type: f.fieldtype,
      value: f.value,
      page: f.pageposfrom1,
      merged: f.annotation.object === f.object,
    }));
    // qpdf lists them in page order; ours are in the given order.
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(fields.sort(byName)).toEqual(
      [
        { name: 'so_van_ban', type: '/Tx', value: 'u:So 12/QD (ban chinh)', page: 1, merged: true },
        { name: 'ghi_chu', type: '/Tx', value: null, page: 2, merged: true },
        { name: 'Signature1', type: '/Sig', value: null, page: 1, merged: true },
        { name: 'Chữ ký ẩn', type: '/Sig', value: null, page: 2, merged: true },
      ].sort(byName),
    );
    expect(v.text.stdout).toContain('So 12/QD (ban chinh)'); // the text field's appearance
    expect(latin1(bytes)).not.toContain('/SigFlags');
  });

  it('refuses what it cannot draw or name', async () => {
    await expect(
      makeTestPdf({ fields: [{ type: 'text', name: 'a', rect: [0, 0, 9, 9], value: 'Hà Nội' }] }),
    ).rejects.toThrow(/printable ASCII/);
    await expect(
      makeTestPdf({ fields: [{ type: 'signature', name: 'a.b', rect: [0, 0, 9, 9] }] }),
    ).rejects.toThrow(/dot/);
    await expect(
      makeTestPdf({ fields: [{ type: 'signature', name: 'x', page: 2, rect: [0, 0, 9, 9] }] }),
    ).rejects.toThrow(/page 2/);
    await expect(
      makeTestPdf({
        form: 'revisions',
        fields: [{ type: 'signature', name: 'x', page: 1, rect: [0, 0, 9, 9] }],
      }),
    ).rejects.toThrow(/added by an update/);
    await expect(makeTestPdf({ form: 'revisions', pages: 1 })).rejects.toThrow(RangeError);
    await expect(makeTestPdf({ title: 'Công văn' })).rejects.toThrow(/title/);
    await expect(makeTestPdf({ rotate: 45 as 90 })).rejects.toThrow(/rotate/);
    await expect(makeTestPdf({ version: '17' })).rejects.toThrow(/version/);
  });
});

describe('page geometry', () => {
  const geometry: TestPdfOptions = {
    pages: 4,
    rotate: [0, 90, 180, 270],
    mediaBox: [
      [100, 200, 712, 992],
      [-50, -50, 545, 792],
    ],
    cropBox: [120, 220, 600, 900],
  };

  it.each([false, true])(
    'rotation, media and crop boxes with a non-zero origin (inherited: %s)',
    async (inheritAttributes) => {
      for (const form of FORMS) {
        const bytes = await makeTestPdf({ ...geometry, form, inheritAttributes });
        const v = await judgeBytes(dir.path, `geometry-${form}-${inheritAttributes}.pdf`, bytes);
        expectClean(v);
        const boxes = await run('pdfinfo', ['-box', '-f', '1', '-l', '4', v.file]);
        const out = boxes.stdout.replace(/ +/g, ' ');
        expect(out).toContain('Page 1 rot: 0');
        expect(out).toContain('Page 2 rot: 90');
        expect(out).toContain('Page 3 rot: 180');
        expect(out).toContain('Page 4 rot: 270');
        expect(out).toContain('Page 1 MediaBox: 100.00 200.00 712.00 992.00');
        expect(out).toContain('Page 2 MediaBox: -50.00 -50.00 545.00 792.00');
        expect(out).toContain('Page 3 MediaBox: 0.00 0.00 595.28 841.89');
        expect(out).toContain('Page 1 CropBox: 120.00 220.00 600.00 900.00');
        // Text is placed inside what a viewer shows (the crop box clipped to the media box).
        for (let p = 1; p <= 4; p++) {
          const text = await run('pdftotext', ['-f', String(p), '-l', String(p), v.file, '-']);
          expect(text.stdout).toContain(`kyso test page ${p} of 4`);
        }
        const s = latin1(bytes);
        if (inheritAttributes && form === 'classic') {
          expect(s).toMatch(
            /\/Type \/Pages \/Kids \[[^\]]*\] \/Count 4 \/MediaBox \[100 200 712 992\] \/CropBox/,
          );
          // Page 1 matches the root in everything: it states none of it; the others state their /Rotate.
          expect(s.match(/\/Type \/Page \/Parent \d+ 0 R \/Contents/g)).toHaveLength(1);
          expect(s).toMatch(
            /\/Type \/Page \/Parent \d+ 0 R \/MediaBox \[-50 -50 545 792\] \/Rotate 90 \/Contents/,
          );
        }
      }
    },
  );

  it('a balanced page tree with intermediate nodes', async () => {
    const bytes = await makeTestPdf({ pages: 30, pageTreeFanout: 4 });
    const v = await judgeBytes(dir.path, 'tree.pdf', bytes);
    expectClean(v);
    expect(v.pages).toBe(30);
    const counts = [
      ...latin1(bytes).matchAll(/\/Type \/Pages (?:\/Parent \d+ 0 R )?\/Kids \[([^\]]*)\] \/Count (\d+)/g),
    ];
    // 30 pages, four kids a node: a root of 2 nodes of 15, each of 4 leaves of 3 or 4 pages.
    expect(counts.map((m) => Number(m[2]))).toEqual([30, 15, 4, 4, 4, 3, 15, 4, 4, 4, 3]);
    for (const m of counts) expect((m[1] ?? '').split(' R').length - 1).toBeLessThanOrEqual(4);
  });
});

describe('padding, line ends, trailing bytes, compression', () => {
  it.each(FORMS)('%s: padTo grows the file with an incompressible image on page 1', async (form) => {
    const bytes = await makeTestPdf({ form, padTo: 2_500_000 });
    expect(bytes.length).toBeGreaterThanOrEqual(2_500_000);
    expect(bytes.length).toBeLessThan(2_500_000 + 2048 + 4096);
    const v = await judgeBytes(dir.path, `pad-${form}.pdf`, bytes);
    expectClean(v);
    const images = await run('pdfimages', ['-list', '-f', '1', '-l', '1', v.file]);
    expect(images.stdout).toMatch(/image\s+2048\s+\d+\s+gray\s+1\s+8\s+image/);
    const gz = await run('gzip', ['-c'], { input: bytes });
    expect(gz.output.length).toBeGreaterThan(bytes.length * 0.99);
  });

  it('padding of 10 MiB spans several 8 MiB images, all drawn', async () => {
    const bytes = await makeTestPdf({ form: 'xref-stream', padTo: 10 << 20 });
    const v = await judgeBytes(dir.path, 'pad-10.pdf', bytes);
    expectClean(v);
    const images = await run('pdfimages', ['-list', v.file]);
    expect(images.stdout.match(/gray/g)).toHaveLength(2);
  });

  it.each(FORMS)('%s: CRLF line ends, uncompressed contents and trailing garbage', async (form) => {
    const bytes = await makeTestPdf({
      form,
      eolStyle: '\r\n',
      compress: false,
      trailingGarbage: '\r\n\0\0<html><body>Proxy footer</body></html>\r\n',
      fields: [{ type: 'text', name: 't', rect: [72, 72, 200, 96], value: 'crlf' }],
    });
    const s = latin1(bytes);
    expect(s.startsWith('%PDF-')).toBe(true);
    expect(s).toContain('%%EOF\r\n\r\n\0\0<html>');
    const syntax = s.replace(/stream\r\n[\s\S]*?\r\nendstream/g, 'stream endstream');
    expect(syntax).not.toMatch(/[^\r]\n/); // no bare LF outside stream data
    expect(syntax.match(/\r\n/g)?.length).toBeGreaterThan(20);
    if (form === 'classic' || form === 'revisions' || form === 'hybrid')
      expect(s).toMatch(/\d{10} \d{5} [nf]\r\n/);
    const v = await judgeBytes(dir.path, `crlf-${form}.pdf`, bytes);
    expectClean(v);
    expect(v.text.stdout).toContain('kyso test page 2 of 2');
    if (form !== 'xref-stream' && form !== 'pdf-2.0') expect(s).toContain('BT /F1 18 Tf');
  });
});

describe('determinism', () => {
  it.each(FORMS)('%s: the same options give the same bytes; the seed changes /ID', async (form) => {
    const options: TestPdfOptions = { form, pages: 3, title: 'x', fields: FIELDS, padTo: 300_000 };
    const a = await makeTestPdf(options);
    const b = await makeTestPdf(options);
    expect(bytesEqual(a, b)).toBe(true);
    const c = await makeTestPdf({ ...options, seed: 'other' });
    const id = (bytes: Uint8Array) => /\/ID \[(<[0-9A-F]+>)/.exec(latin1(bytes))?.[1];
    expect(id(a)).toMatch(/^<[0-9A-F]{32}>$/);
    expect(id(c)).not.toBe(id(a));
  });
});
