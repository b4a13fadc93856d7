import type { ByteSource } from '../io/byte-source.js';
import { latin1 } from '../syntax/chars.js';

const CHUNK = 4 * 1024 * 1024;
const OVERLAP = 64;

/**
 * Finds every match of a pattern in the whole file, chunk by chunk (with an overlap so matches that
 * straddle chunks are kept). For repairing files whose cross-reference chain is broken.
 */
export async function scanFile(
  source: ByteSource,
  pattern: RegExp,
  signal?: AbortSignal,
): Promise<{ offset: number; match: RegExpExecArray }[]> {
  const out: { offset: number; match: RegExpExecArray }[] = [];
  const seen = new Set<number>();
  for (let at = 0; at < source.size; at += CHUNK) {
    signal?.throwIfAborted();
    const length = Math.min(CHUNK + OVERLAP, source.size - at);
    const text = latin1(await source.read(at, length));
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const offset = at + m.index;
      if (!seen.has(offset)) {
        seen.add(offset);
        out.push({ offset, match: m });
      }
    }
  }
  return out;
}

/** The offsets every "startxref" in the file points to, in file order (each names one section). */
export async function allStartXrefs(source: ByteSource): Promise<number[]> {
  const hits = await scanFile(source, /startxref\s+(\d+)/);
  const offsets = hits.map((h) => Number(h.match[1]));
  return [...new Set(offsets)].filter((o) => o > 0 && o < source.size);
}
