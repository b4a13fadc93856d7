import { open, rename, rm } from 'node:fs/promises';
import { NoiseStream } from '../pdf/noise.js';
import type { Piece } from '../pdf/writer.js';

/** One buffer for the whole file: small pieces are gathered into it, padding generated in it. */
const CHUNK = 1 << 20;

/**
 * Writes pieces to `path` through a single reused 1 MiB buffer, so memory stays flat whatever the
 * file's size. The file appears under its name only once complete (written aside, then renamed).
 * Returns the number of bytes written.
 */
export async function writePieces(path: string, pieces: Iterable<Piece>): Promise<number> {
  const partial = `${path}.partial-${process.pid}`;
  const file = await open(partial, 'w');
  const buffer = new Uint8Array(CHUNK);
  let used = 0;
  let total = 0;
  const flush = async () => {
    let done = 0;
    while (done < used) done += (await file.write(buffer, done, used - done)).bytesWritten;
    total += used;
    used = 0;
  };
  try {
    for (const piece of pieces) {
      if (piece instanceof Uint8Array) {
        for (let at = 0; at < piece.length; ) {
          const n = Math.min(CHUNK - used, piece.length - at);
          buffer.set(piece.subarray(at, at + n), used);
          used += n;
          at += n;
          if (used === CHUNK) await flush();
        }
        continue;
      }
      const noise = new NoiseStream(piece.seed);
      for (let left = piece.length; left > 0; ) {
        const n = Math.min(CHUNK - used, left);
        noise.fill(buffer.subarray(used, used + n));
        used += n;
        left -= n;
        if (used === CHUNK) await flush();
      }
    }
    await flush();
    await file.close();
    await rename(partial, path);
    return total;
  } catch (error) {
    await file.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}
