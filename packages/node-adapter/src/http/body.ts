import { KysoError } from '@kyso/core';

function tooLarge(limit: number): KysoError {
  return new KysoError('REQUEST_TOO_LARGE', { params: { limit } });
}

/** A declared Content-Length over the limit is refused before a byte is read. */
export function checkDeclaredLength(request: Request, limit: number): void {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
}

/**
 * The body's chunks, stopping with REQUEST_TOO_LARGE as soon as more than `limit` bytes have come
 * (a chunked upload has no Content-Length to trust).
 */
export async function* limitedChunks(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  checkDeclaredLength(request, limit);
  if (!request.body) return;
  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > limit) throw tooLarge(limit);
      yield value;
    }
  } finally {
    // stop the upload on early exit; the rest is not wanted
    reader.cancel().catch(() => {});
  }
}

/** The whole body, at most `limit` bytes. */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of limitedChunks(request, limit)) {
    chunks.push(chunk);
    size += chunk.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A JSON object body (CSC requests); an empty body is `{}`, as CSC `info` is often sent. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const bytes = await readBody(request, limit);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KysoError('INVALID_INPUT', { params: { detail: 'the body is not JSON' } });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new KysoError('INVALID_INPUT', { params: { detail: 'the body is not a JSON object' } });
  return value as Record<string, unknown>;
}
