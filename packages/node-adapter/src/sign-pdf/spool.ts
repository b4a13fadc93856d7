import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limitedChunks } from '../http/body.js';

export interface Spooled {
  path: string;
  size: number;
  /** Deletes the file and its private directory. */
  remove(): Promise<void>;
}

/**
 * Streams a request body into a private temporary file (mode 0600 in a fresh 0700 directory), at most
 * `limit` bytes: signing needs random access to the PDF, and the file keeps it out of memory.
 */
export async function spoolBody(request: Request, limit: number): Promise<Spooled> {
  const dir = await mkdtemp(join(tmpdir(), 'kyso-sign-pdf-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'input.pdf');
  let size = 0;
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      for await (const chunk of limitedChunks(request, limit)) {
        await handle.write(chunk);
        size += chunk.length;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, size, remove };
}
