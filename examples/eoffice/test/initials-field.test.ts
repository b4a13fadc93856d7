import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesSource, listFields, PdfDocument } from '@kyso/pdf';
import { makeTestPdf } from '@kyso/testkit';
import { run, tempDir } from '@kyso/testkit/node';
import { describe, expect, it } from 'vitest';
import { initialsField } from '../src/app/initials-field.js';
import { buildDraftPdf } from '../src/sample/draft-pdf.js';
import { overlaps, pdfWords } from './support/pdf-words.js';

/** The reviewers' initials ("ký tắt"): empty signature fields of the sample draft, clear of its text. */
describe('the initials fields', () => {
  it('are found for the two reviewers in the sample draft, and in no other PDF', async () => {
    const draft = await buildDraftPdf();
    expect(await initialsField(draft, 'lanh-dao-phong')).toBe('ky-tat-lanh-dao-phong');
    expect(await initialsField(draft, 'lanh-dao-van-phong')).toBe('ky-tat-lanh-dao-van-phong');
    expect(await initialsField(draft, 'lanh-dao-co-quan')).toBeUndefined();
    expect(await initialsField(draft, 'van-thu')).toBeUndefined();
    const plain = await makeTestPdf({ pages: 1 });
    expect(await initialsField(plain, 'lanh-dao-phong')).toBeUndefined();
  });

  it('sit after the text and after "Lưu: …" on the last page, touching no word', async () => {
    const dir = await tempDir('eoffice-initials-');
    try {
      const bytes = await buildDraftPdf();
      const path = join(dir.path, 'du-thao.pdf');
      await writeFile(path, bytes);
      const sig = await run('pdfsig', [path]);
      expect(sig.stdout.match(/The signature form field is not signed\./g)).toHaveLength(2);

      const doc = await PdfDocument.open(bytesSource(bytes));
      const fields = await listFields(doc, await doc.dict((await doc.catalog()).get('AcroForm')));
      const boxes = await Promise.all(
        fields.map(async (f) => {
          const [x1, y1, x2, y2] = (await doc.resolve(f.dict.get('Rect'))) as number[];
          return { name: f.name, x1: x1!, y1: y1!, x2: x2!, y2: y2! };
        }),
      );
      expect(boxes.map((b) => b.name)).toEqual(['ky-tat-lanh-dao-phong', 'ky-tat-lanh-dao-van-phong']);
      const { words } = await pdfWords(path);
      const last = words.filter((w) => w.page === 2);
      for (const box of boxes) expect(last.filter((w) => overlaps(w, box)).map((w) => w.text)).toEqual([]);
      // each right after its line: the text's "./." and the recipients' last line
      const end = last.find((w) => w.text.endsWith('./.'))!;
      const kept = last.find((w) => w.text === 'KGVX.')!;
      const [department, office] = boxes;
      expect(department!.x1 - end.x2).toBeGreaterThan(0);
      expect(department!.x1 - end.x2).toBeLessThan(12);
      expect(department!.y1).toBeLessThan(end.y2);
      expect(office!.x1 - kept.x2).toBeGreaterThan(0);
      expect(office!.x1 - kept.x2).toBeLessThan(12);
      expect(office!.y1).toBeLessThan(kept.y2);
    } finally {
      await dir.remove();
    }
  });
});
