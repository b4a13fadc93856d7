import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { appendFile, copyFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { KysoError } from '@kyso/core';

export interface PendingOutput {
  /** Appends the signed bytes and moves the file into place. */
  commit(appended: Uint8Array): Promise<void>;
  /** Removes the partial file. */
  abort(): Promise<void>;
}

function ioError(output: string, error: unknown): KysoError {
  if (error instanceof KysoError) return error;
  return new KysoError('IO_ERROR', {
    params: { path: output, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
    cause: error,
  });
}

/**
 * Starts writing input + (later) appended bytes to `output` through a temporary file: the kernel
 * copies the input (no pass through JavaScript memory) while the caller hashes and signs, and the
 * output appears only when complete. The input is never touched.
 */
export function beginSignedFile(input: string, output: string): PendingOutput {
  if (resolve(input) === resolve(output))
    throw new KysoError('USAGE', { params: { detail: 'the output must not be the input file' } });
  const temp = join(dirname(resolve(output)), `.${basename(output)}.${randomBytes(6).toString('hex')}.part`);
  // a reflink where the file system has them (Btrfs, XFS): no byte copied; a kernel copy elsewhere
  const copied = copyFile(input, temp, constants.COPYFILE_FICLONE).then(
    () => undefined,
    (error: unknown) => error,
  );
  return {
    async commit(appended) {
      const failure = await copied;
      try {
        if (failure) throw failure;
        await appendFile(temp, appended);
        await rename(temp, output);
      } catch (error) {
        await rm(temp, { force: true });
        throw ioError(output, error);
      }
    },
    async abort() {
      await copied;
      await rm(temp, { force: true });
    },
  };
}

/** Writes input + appended bytes to `output` atomically. */
export async function writeSignedFile(input: string, appended: Uint8Array, output: string): Promise<void> {
  await beginSignedFile(input, output).commit(appended);
}
