import { access, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPki, makeTestPdf } from '@kyso/testkit';
import { run, tempDir, writeTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
const assets = new URL('../../pdf/test/assets/', import.meta.url);
const fontFile = new URL('../../pdf/fonts/LiberationSerif-Regular.ttf', import.meta.url);
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { PW: 'kyso-test', KYSO_LANG: 'en', ...env } });
const key = (id: string) => ['--p12', `pki/p12/${id}.p12`, '--password-env', 'PW', '--revocation', 'off'];
const exists = (p: string) =>
  access(file(p)).then(
    () => true,
    () => false,
  );

async function pdfsigValid(name: string): Promise<boolean[]> {
  const r = await run('pdfsig', [file(name)]);
  return [...r.stdout.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1] === 'Signature is Valid.');
}
const pdftotext = async (name: string, page = 1) =>
  (await run('pdftotext', ['-f', String(page), '-l', String(page), file(name), '-'])).stdout;

beforeAll(async () => {
  dir = await tempDir('kyso-preset-cli-');
  const pki = await createTestPki({ include: ['lanh-dao-co-quan', 'to-chuc'] });
  await writeTestPki(pki, file('pki'));
  await writeFile(file('draft.pdf'), await makeTestPdf({ pages: 1 }));
  await copyFile(new URL('signature-blue.png', assets), file('signature.png'));
  await copyFile(new URL('seal-red-36mm-300dpi.png', assets), file('seal.png'));
  await copyFile(fontFile, file('font.ttf'));
}, 120_000);
afterAll(() => dir.remove());

describe('kyso sign --preset', () => {
  it('signs the personal preset, then the clerk’s number, date and seal; all valid', async () => {
    const personal = await kyso([
      'sign',
      'draft.pdf',
      '-o',
      'personal.pdf',
      ...key('lanh-dao-co-quan'),
      '--preset',
      'personal',
      '--image',
      'signature.png',
    ]);
    expect(personal.stderr).toBe('');
    expect(personal.code).toBe(0);
    const clerk = await kyso([
      'sign',
      'personal.pdf',
      '-o',
      'issued.pdf',
      ...key('to-chuc'),
      '--preset',
      'clerk',
      '--doc-number',
      '12/KH-UBND',
      '--date',
      '2023-02-28',
      '--place',
      'Thái Bình',
      '--image',
      'seal.png',
    ]);
    expect(clerk.stderr).toBe('');
    expect(clerk.code).toBe(0);
    expect(clerk.stdout).toMatch(/fields Signature2, Signature3, Signature4/);
    expect(await pdfsigValid('issued.pdf')).toEqual([true, true, true, true]);
    const text = await pdftotext('issued.pdf');
    for (const line of [
      'Số: 12/KH-UBND',
      'Thái Bình, ngày 28 tháng 02 năm 2023',
      'Phạm Đức Thắng',
      'ỦY BAN NHÂN DÂN TỈNH',
    ])
      expect(text).toContain(line);
    const verify = await kyso([
      'verify',
      'issued.pdf',
      '--trust',
      'pki/trust-anchors.pem',
      '--revocation',
      'off',
      '--json',
    ]);
    expect(verify.code, verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout) as {
      signatures: { indication: string; modificationsAfter: string }[];
    };
    expect(report.signatures.map((s) => s.indication)).toEqual(Array(4).fill('TOTAL_PASSED'));
    expect(report.signatures.some((s) => s.modificationsAfter === 'disallowed')).toBe(false);
  }, 120_000);

  it('refuses the organisation before any person, leaving no file, unless allowed', async () => {
    const refused = await kyso([
      'sign',
      'draft.pdf',
      '-o',
      'org-first.pdf',
      ...key('to-chuc'),
      '--preset',
      'number',
      '--doc-number',
      '01/SY-UBND',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^kyso: ORGANIZATION_BEFORE_PERSONAL: /);
    expect(await exists('org-first.pdf')).toBe(false);
    const vi = await kyso([
      '--lang',
      'vi',
      'sign',
      'draft.pdf',
      '-o',
      'org-first.pdf',
      ...key('to-chuc'),
      '--preset',
      'number',
      '--doc-number',
      '1',
    ]);
    expect(vi.stderr).toMatch(/^kyso: ORGANIZATION_BEFORE_PERSONAL: .*(cá nhân|người)/);
    const copy = await kyso([
      'sign',
      'draft.pdf',
      '-o',
      'copy.pdf',
      ...key('to-chuc'),
      '--allow-organization-first',
      '--preset',
      'copy',
      '--copy-kind',
      'sao lục',
      '--org-name',
      'Văn phòng Ủy ban nhân dân tỉnh',
      '--time-style',
      'dotted',
      '--font',
      'font.ttf',
    ]);
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(0);
    expect(await pdfsigValid('copy.pdf')).toEqual([true]);
    const text = await pdftotext('copy.pdf');
    expect(text).toContain('SAO LỤC');
    expect(text).toContain('Văn phòng Ủy ban nhân dân tỉnh');
    expect(text).toMatch(/Thời gian ký: \d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d \+07:00/);
  }, 120_000);

  it('refuses preset options that do not fit together, with USAGE', async () => {
    const base = ['sign', 'personal.pdf', '-o', 'x.pdf', ...key('to-chuc')];
    for (const [extra, message] of [
      [['--preset', 'stamp'], /--preset must be/],
      [['--preset', 'number'], /needs --doc-number/],
      [['--preset', 'attachment'], /needs --doc-number/],
      [['--preset', 'copy'], /needs --copy-kind/],
      [['--preset', 'copy', '--copy-kind', 'SAO CHÉP'], /--copy-kind must be/],
      [['--preset', 'organization', '--time-style', 'us'], /--time-style must be iso or dotted/],
      [['--doc-number', '12/KH'], /--doc-number needs --preset/],
      [['--preset', 'clerk', '--doc-number', '1', '--field', 'A'], /--field and --visible do not apply/],
      [['--preset', 'date', '--date', '2023-02-30'], /.+/],
    ] as const) {
      const r = await kyso([...base, ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr, extra.join(' ')).toMatch(/^kyso: (USAGE|INVALID_INPUT): /);
      expect(r.stderr, extra.join(' ')).toMatch(message);
    }
    expect(await exists('x.pdf')).toBe(false);
  }, 120_000);
});
