import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDraftPdf } from '../src/sample/draft-pdf.js';
import { type Box, mm, overlaps, pdfWords } from './support/pdf-words.js';

/**
 * The sample draft judged by the real tools: qpdf for the file's structure, poppler for its text,
 * fonts and rendering, and pdftotext's word boxes for where the text is — away from the places the
 * clerk's number and date and the officials' signatures are drawn (@kyso/pdf's
 * presets/page-layout.ts, worked out here again from its margins).
 */
let dir: { path: string; remove: () => Promise<void> };
let path: string;
let bytes: Uint8Array;

beforeAll(async () => {
  dir = await tempDir('eoffice-draft-');
  bytes = await buildDraftPdf();
  path = join(dir.path, 'du-thao.pdf');
  await writeFile(path, bytes);
});
afterAll(async () => {
  await dir?.remove();
});

describe('the sample draft', () => {
  it('is a well-formed PDF (qpdf --check) and the same bytes every time', async () => {
    const check = await run('qpdf', ['--check', path]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
    expect(check.stderr).toBe('');
    expect(Buffer.from(await buildDraftPdf()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('gives its Vietnamese text back exactly, in NFC', async () => {
    const out = await run('pdftotext', [path, '-']);
    expect(out.code, out.stderr).toBe(0);
    const text = out.stdout;
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain('KẾ HOẠCH\nTriển khai văn phòng điện tử năm 2025\n');
    for (const line of ['ỦY BAN NHÂN DÂN', 'TỈNH THỬ NGHIỆM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])
      expect(text).toContain(line);
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      'Hoàn thiện hệ thống văn phòng điện tử liên thông từ tỉnh đến cấp xã; bảo đảm 100% văn bản đi của các ' +
        'cơ quan hành chính nhà nước trên địa bàn tỉnh (trừ văn bản mật) được ký số và gửi, nhận trên môi ' +
        'trường điện tử.',
    );
    expect(flat).toContain('Nơi nhận: - Bộ Khoa học và Công nghệ;');
    expect(flat).toMatch(/TM\. ỦY BAN NHÂN DÂN.*CHỦ TỊCH/);
    // the blanks the clerk fills in
    expect(text).not.toContain('Số:');
    expect(text).not.toMatch(/Thử Nghiệm, ngày/);
    const info = await run('pdfinfo', [path]);
    expect(info.stdout).toMatch(/^Title:\s+Kế hoạch triển khai văn phòng điện tử năm 2025$/m);
    expect(info.stdout).toMatch(/^Pages:\s+2$/m);
    expect(info.stdout).toMatch(/^Page size:\s+595.28 x 841.89 pts \(A4\)$/m);
  });

  it('draws with embedded subset fonts only, each with a ToUnicode map', async () => {
    const out = await run('pdffonts', [path]);
    expect(out.code, out.stderr).toBe(0);
    const rows = out.stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      // name, type (two words), encoding, emb, sub, uni
      expect(row).toMatch(/^[A-Z]{6}\+LiberationSerif\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
  });

  it('renders without an error', async () => {
    const out = await run('pdftoppm', ['-png', '-r', '60', path, join(dir.path, 'page')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    for (const page of [1, 2]) {
      const png = await readFile(join(dir.path, `page-${page}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('leaves the clerk’s number and date line and the signature block empty', async () => {
    const { pages, words: all } = await pdfWords(path);
    expect(pages).toHaveLength(2);
    expect(all.length).toBeGreaterThan(400);
    const { width: W, height: H } = pages[0]!;
    // page-layout.ts: top margin 20 mm, header 16 mm, left 30 mm, left column 80 mm, right 15 mm;
    // a 13 pt line at 1.25 (and a 14 pt one fits as well)
    const clerkTop = H - mm(20) - mm(16);
    const clerkLine: Box = { x1: mm(30), x2: W - mm(15), y1: clerkTop - 14 * 1.25, y2: clerkTop };
    // personal preset: 170 pt wide, the demo's 600 × 220 signature image, 11 pt name and 9.9 pt title
    // lines, centred in the right half at 22 % of the height; the 36 mm seal over the image's left third
    const centre = (W / 2 + (W - mm(15))) / 2;
    const height = (170 * 220) / 600 + (11 + 9.9) * 1.25;
    const personal: Box = {
      x1: centre - 85,
      x2: centre + 85,
      y1: H * 0.22 - height / 2,
      y2: H * 0.22 + height / 2,
    };
    const imageMiddle = personal.y1 + (11 + 9.9) * 1.25 + (170 * 220) / 600 / 2;
    const seal: Box = {
      x1: personal.x1 + 170 / 3 - mm(36),
      x2: personal.x1 + 170 / 3,
      y1: imageMiddle - mm(36) / 2 - 40,
      y2: imageMiddle + mm(36) / 2,
    };
    const onFirst = all.filter((w) => w.page === 1);
    const onLast = all.filter((w) => w.page === pages.length);
    expect(onFirst.filter((w) => overlaps(w, clerkLine)).map((w) => w.text)).toEqual([]);
    expect(onLast.filter((w) => overlaps(w, personal) || overlaps(w, seal)).map((w) => w.text)).toEqual([]);
    // the header stays above the clerk's line, the title under it
    const header = onFirst.filter((w) => ['ỦY', 'TỈNH', 'CỘNG', 'Độc'].includes(w.text));
    expect(header.length).toBe(4);
    for (const w of header) expect(w.y1).toBeGreaterThan(clerkTop);
    // the signature block's title sits right above the signatures
    const chairman = onLast.find((w) => w.text === 'CHỦ')!;
    expect(chairman.y1).toBeGreaterThan(seal.y2);
    expect(chairman.y1 - seal.y2).toBeLessThan(40);
  });
});
