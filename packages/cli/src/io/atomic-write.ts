import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KysoError, type Lang } from '@kyso/core';

/** Refuses an output that would overwrite the input (DESIGN.md: the input is never touched). */
export function assertDistinct(input: string, output: string, lang: Lang): void {
  if (resolve(input) === resolve(output)) {
    throw new KysoError('USAGE', { params: { detail: '-o must not be the input file' }, lang });
  }
}

/**
 * Writes to a temporary name beside the target and renames it into place, so a failure never
 * leaves a half-written file.
 */
export async function writeAtomically(path: string, data: Uint8Array, lang: Lang): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new KysoError('IO_ERROR', {
      params: { path, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
      lang,
      cause: error,
    });
  }
}
