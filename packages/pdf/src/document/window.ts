import type { ByteSource } from '../io/byte-source.js';
import { NeedMoreData, PdfSyntaxError } from '../syntax/errors.js';
import { Lexer } from '../syntax/lexer.js';
import { structureError } from './structure-error.js';

const FIRST_WINDOW = 4096;
const MAX_WINDOW = 64 * 1024 * 1024;

/**
 * Runs a parse over a window of the file that grows until the parse fits, so objects are read
 * where they lie, without loading the file.
 */
export async function parseAt<T>(
  source: ByteSource,
  offset: number,
  parse: (lx: Lexer) => T,
  signal?: AbortSignal,
): Promise<T> {
  if (offset < 0 || offset >= source.size)
    throw structureError(`offset ${offset} is outside the ${source.size}-byte file`);
  for (let size = FIRST_WINDOW; ; size *= 4) {
    const length = Math.min(size, source.size - offset);
    const bytes = await source.read(offset, length, signal ? { signal } : {});
    const atEof = offset + length >= source.size;
    try {
      return parse(new Lexer(bytes, offset, atEof));
    } catch (error) {
      if (error instanceof NeedMoreData && !atEof && size < MAX_WINDOW) continue;
      if (error instanceof PdfSyntaxError) throw structureError(error.message, error);
      if (error instanceof NeedMoreData)
        throw structureError(`object at ${offset} is larger than ${MAX_WINDOW} bytes`, error);
      throw error;
    }
  }
}

/** The last occurrence of `needle` in the file's final `span` bytes (startxref, %%EOF). */
export async function findBackwards(
  source: ByteSource,
  needle: string,
  span = 2048,
): Promise<number | undefined> {
  const start = Math.max(0, source.size - span);
  const bytes = await source.read(start, source.size - start);
  const n = needle.length;
  for (let i = bytes.length - n; i >= 0; i--) {
    let ok = true;
    for (let k = 0; k < n; k++) {
      if (bytes[i + k] !== needle.charCodeAt(k)) {
        ok = false;
        break;
      }
    }
    if (ok) return start + i;
  }
  return undefined;
}

/** The first occurrence of `needle` at or after `offset`, within `limit` bytes. */
export async function findForwards(
  source: ByteSource,
  needle: string,
  offset: number,
  limit = 4096,
): Promise<number | undefined> {
  const end = Math.min(source.size, offset + limit);
  if (end <= offset) return undefined;
  const bytes = await source.read(offset, end - offset);
  const n = needle.length;
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    for (let k = 0; k < n; k++) if (bytes[i + k] !== needle.charCodeAt(k)) continue outer;
    return offset + i;
  }
  return undefined;
}
