import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPdf, type TestPdfForm } from '../src/index.js';
import { tempDir } from '../src/node/index.js';
import { expectClean, judgeBytes, latin1 } from './pdf-judges.js';

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('kyso-pdf-');
});
afterAll(() => dir.remove());

const FORMS: TestPdfForm[] = ['classic', 'xref-stream', 'hybrid', 'pdf-2.0', 'revisions'];

describe('every form', () => {
  it.each(FORMS)('%s: judges accept it and read its pages and text', async (form) => {
    const bytes = await makeTestPdf({ form, pages: 3, title: 'Quyet dinh 42' });
    const v = await judgeBytes(dir.path, `${form}.pdf`, bytes);
    expectClean(v);
    expect(v.pages).toBe(3);
    for (let i = 1; i <= 3; i++) expect(v.text.stdout).toContain(`kyso test page ${i} of 3`);
    expect(v.text.stdout).toContain('Quyet dinh 42');
    expect(latin1(bytes.subarray(0, 9))).toBe(form === 'pdf-2.0' ? '%PDF-2.0\n' : '%PDF-1.7\n');
    expect(latin1(bytes).trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('classic: one table and trailer, nothing compressed', async () => {
    const bytes = await makeTestPdf({ form: 'classic' });
    const s = latin1(bytes);
    const v = await judgeBytes(dir.path, 'c.pdf', bytes);
    expect(s.match(/\nxref\n/g)).toHaveLength(1);
    expect(s.match(/%%EOF/g)).toHaveLength(1);
    expect(s).not.toContain('/ObjStm');
    expect(s).toMatch(
      /trailer\n<< \/Size \d+ \/Root 1 0 R \/Info 2 0 R \/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\] >>/,
    );
    expect([...v.xref.values()].every((e) => !e.compressed)).toBe(true);
  });

  it.each(['xref-stream', 'pdf-2.0'] as const)(
    '%s: an Up-predicted xref stream and object streams',
    async (form) => {
      const bytes = await makeTestPdf({ form, pages: 12, objectsPerStream: 10, fields: [sig] });
      const s = latin1(bytes);
      const v = await judgeBytes(dir.path, `${form}-many.pdf`, bytes);
      expectClean(v);
      expect(s).not.toMatch(/\nxref\n|trailer/);
      expect(s).toMatch(/\/Type \/XRef .*\/DecodeParms << \/Columns \d+ \/Predictor 12 >>/);
      const compressed = [...v.xref.values()].filter((e) => e.compressed);
      const streams = new Set(compressed.map((e) => e.stream));
      expect(compressed.length).toBeGreaterThan(20);
      expect(streams.size).toBeGreaterThan(1); // objectsPerStream 10 spreads them over several
      for (const n of streams) expect(v.xref.get(n ?? -1)?.compressed).toBe(false);
      expect(s.match(/\/Type \/ObjStm/g)?.length).toBe(streams.size);
      if (form === 'pdf-2.0') {
        expect(s).toContain('/Metadata');
        expect(s).not.toContain('/Title');
      }
    },
  );

  it.each(['free', 'omit'] as const)(
    'hybrid (%s): the objects hidden from the table are in the /XRefStm stream',
    async (hybridTable) => {
      const bytes = await makeTestPdf({ form: 'hybrid', pages: 4, hybridTable, fields: [sig] });
      const s = latin1(bytes);
      const v = await judgeBytes(dir.path, `hybrid-${hybridTable}.pdf`, bytes);
      expectClean(v);
      expect(v.pages).toBe(4);
      // Word's layout: the full table, then an empty section whose trailer carries /Prev and /XRefStm.
      const sections = [...s.matchAll(/\nxref\n([\s\S]*?)trailer\n(<<.*>>)/g)];
      expect(sections).toHaveLength(2);
      const [full, empty] = sections;
      expect(empty?.[1]).toBe('0 0\n');
      const xrefStm = Number(/\/XRefStm (\d+)/.exec(empty?.[2] ?? '')?.[1]);
      expect(s.slice(xrefStm)).toMatch(/^\d+ 0 obj\n<< \/Type \/XRef .*\/Index \[/);
      expect(full?.[2]).not.toContain('/XRefStm');

      const rows = new Map<number, string>();
      let num = 0;
      for (const line of (full?.[1] ?? '').split('\n')) {
        const head = /^(\d+) \d+$/.exec(line);
        if (head) num = Number(head[1]);
        else if (line.length > 0) rows.set(num++, line);
      }
      const compressed = [...v.xref].filter(([, e]) => e.compressed);
      expect(compressed.length).toBeGreaterThan(5);
      const hidden = [...compressed.map(([n]) => n), ...new Set(compressed.map(([, e]) => e.stream ?? -1))];
      for (const n of hidden) {
        if (hybridTable === 'free') expect(rows.get(n)).toMatch(/^\d{10} 65535 f $/);
        else expect(rows.has(n)).toBe(false);
      }
      expect(rows.get(1)).toMatch(/^\d{10} 00000 n $/); // the catalog stays in the table
    },
  );

  it('revisions: a classic file and two incremental updates, each a readable document', async () => {
    const bytes = await makeTestPdf({ form: 'revisions', pages: 3, title: 'Cong van' });
    const s = latin1(bytes);
    const ends = [...s.matchAll(/%%EOF\n/g)].map((m) => (m.index ?? 0) + m[0].length);
    expect(ends).toHaveLength(3);
    expect(ends[2]).toBe(bytes.length);
    const prevs = [...s.matchAll(/\/Prev (\d+)/g)].map((m) => Number(m[1]));
    const starts = [...s.matchAll(/startxref\n(\d+)/g)].map((m) => Number(m[1]));
    expect(prevs).toEqual([starts[0], starts[1]]);
    const expected = [
      { pages: 2, subject: undefined },
      { pages: 2, subject: 'kyso test revision 2' },
      { pages: 3, subject: 'kyso test revision 3' },
    ];
    for (const [i, end] of ends.entries()) {
      const v = await judgeBytes(dir.path, `rev-${i}.pdf`, bytes.subarray(0, end));
      expectClean(v);
      expect(v.pages).toBe(expected[i]?.pages);
      expect(v.info.stdout).toContain('Title:           Cong van');
      const subject = /Subject:\s+(.*)/.exec(v.info.stdout)?.[1];
      expect(subject).toBe(expected[i]?.subject);
    }
    // The added page is an object the first revision did not have: numbers beyond its /Size.
    const sizes = [...s.matchAll(/\/Size (\d+)/g)].map((m) => Number(m[1]));
    expect(sizes[0]).toBe(sizes[1]);
    expect(sizes[2]).toBe((sizes[1] ?? 0) + 2);
  });
});

const sig = { type: 'signature', name: 'Signature1', rect: [350, 50, 550, 120] } as const;
