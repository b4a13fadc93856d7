import { resolve } from 'node:path';
import { KysoError } from '@kyso/core';
import { createTestPki } from '@kyso/testkit';
import { writeTestPki } from '@kyso/testkit/node';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';

/**
 * Where `npm start` serves the dev PKI's TSA, OCSP and CRLs (`kyso serve --dev` makes a fresh PKI and
 * serves it on a free port, named in the certificates it issues).
 */
export const DEV_PKI_BASE_URL = 'http://127.0.0.1:8788';

const TEXT = {
  en: (dir: string, n: number) =>
    `Wrote a throwaway PKI with ${n} identities to ${dir}\nIdentities, roles and passwords: ${dir}/README.txt\n`,
  vi: (dir: string, n: number) =>
    `Đã tạo hệ thống PKI dùng thử gồm ${n} danh tính tại ${dir}\nDanh tính, vai trò và mật khẩu: ${dir}/README.txt\n`,
};

/** kyso dev-pki DIR [--base-url URL] [--only ID,...] */
export async function devPki(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    { 'base-url': { type: 'string' }, only: { type: 'string' } },
    ctx.lang,
  );
  if (positionals.length !== 1) {
    throw new KysoError('USAGE', {
      params: { detail: 'kyso dev-pki DIR: give exactly one folder' },
      lang: ctx.lang,
    });
  }
  const dir = resolve(ctx.cwd, positionals[0]!);
  const baseUrl = values['base-url'] ?? DEV_PKI_BASE_URL;
  try {
    new URL(baseUrl);
  } catch {
    throw new KysoError('USAGE', {
      params: { detail: `--base-url is not a URL: ${baseUrl}` },
      lang: ctx.lang,
    });
  }
  const include = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let pki: Awaited<ReturnType<typeof createTestPki>>;
  try {
    pki = await createTestPki({ baseUrl, ...(include ? { include } : {}) });
  } catch (error) {
    throw new KysoError('USAGE', {
      params: { detail: (error as Error).message },
      lang: ctx.lang,
      cause: error,
    });
  }
  try {
    await writeTestPki(pki, dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY')
      throw new KysoError('OUTPUT_EXISTS', { params: { path: dir }, lang: ctx.lang, cause: error });
    throw new KysoError('IO_ERROR', {
      params: { path: dir, detail: code ?? String(error) },
      lang: ctx.lang,
      cause: error,
    });
  }
  ctx.stdout(TEXT[ctx.lang](dir, pki.identities.length));
  return EXIT.ok;
}
