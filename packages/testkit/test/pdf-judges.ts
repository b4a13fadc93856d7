import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type RunResult, run } from '../src/node/index.js';

/** What the independent judges say about one file. */
export interface Verdicts {
  file: string;
  check: RunResult;
  info: RunResult;
  text: RunResult;
  mutool: RunResult;
  /** `qpdf --show-xref`, parsed: object number → where it lives. */
  xref: Map<number, { compressed: boolean; stream?: number; offset?: number }>;
  pages: number;
}

export async function judge(file: string): Promise<Verdicts> {
  const [check, info, text, mutool, shown] = await Promise.all([
    run('qpdf', ['--check', file]),
    run('pdfinfo', [file]),
    run('pdftotext', [file, '-']),
    run('mutool', ['info', file]),
    run('qpdf', ['--show-xref', file]),
  ]);
  const xref = new Map<number, { compressed: boolean; stream?: number; offset?: number }>();
  for (const line of shown.stdout.split('\n')) {
    const c = /^(\d+)\/0: compressed; stream = (\d+), index = \d+$/.exec(line);
    if (c) xref.set(Number(c[1]), { compressed: true, stream: Number(c[2]) });
    const u = /^(\d+)\/0: uncompressed; offset = (\d+)$/.exec(line);
    if (u) xref.set(Number(u[1]), { compressed: false, offset: Number(u[2]) });
  }
  return {
    file,
    check,
    info,
    text,
    mutool,
    xref,
    pages: Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? -1),
  };
}

/** qpdf finds nothing to say, poppler and MuPDF read the file without a complaint. */
export function expectClean(v: Verdicts): void {
  expect(v.check.stderr, `qpdf --check ${v.file}`).toBe('');
  expect(v.check.code).toBe(0);
  expect(v.check.stdout).toContain('No syntax or stream encoding errors found');
  expect(v.info.code, v.info.stderr).toBe(0);
  expect(v.info.stderr).toBe('');
  expect(v.text.code).toBe(0);
  expect(v.text.stderr).toBe('');
  expect(v.mutool.code, v.mutool.stderr).toBe(0);
  expect(v.mutool.stderr).not.toMatch(/warn|error/i);
}

export async function judgeBytes(dir: string, name: string, bytes: Uint8Array): Promise<Verdicts> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return judge(file);
}

/** Latin-1 view of PDF bytes, for looking at its syntax. */
export function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
