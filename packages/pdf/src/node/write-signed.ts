import { randomBytes } from 'node:crypto';
import { appendFile, copyFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KysoError } from '@kyso/core';

/**
 * Writes input + appended bytes to `output` through a temporary file and a rename: the input is
 * copied by the kernel (no pass through JavaScript memory), a failure leaves no partial output, and
 * the input is never touched.
 */
export async function writeSignedFile(input: string, appended: Uint8Array, output: string): Promise<void> {
  if (resolve(input) === resolve(output))
    throw new KysoError('USAGE', { params: { detail: 'the output must not be the input file' } });
  const temp = join(dirname(resolve(output)), `.${basename(output)}.${randomBytes(6).toString('hex')}.part`);
  try {
    await copyFile(input, temp);
    await appendFile(temp, appended);
    await rename(temp, output);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof KysoError) throw error;
    throw new KysoError('IO_ERROR', {
      params: { path: output, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
      cause: error,
    });
  }
}
