/**
 * zlib (FlateDecode) through the platform's CompressionStream/DecompressionStream: in every
 * evergreen browser and in Node 18+, so no dependency and no Node built-in.
 */

async function pump(
  stream: CompressionStream | DecompressionStream,
  data: Uint8Array,
  lenient: boolean,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const written = writer
    .write(new Uint8Array(data))
    .then(() => writer.close())
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch (error) {
    // A damaged end of stream is common in real files: keep what inflated, as viewers do.
    if (!lenient || size === 0) throw error;
  }
  await written;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function inflate(data: Uint8Array, lenient = true): Promise<Uint8Array> {
  return pump(new DecompressionStream('deflate'), data, lenient);
}

export function deflate(data: Uint8Array): Promise<Uint8Array> {
  return pump(new CompressionStream('deflate'), data, false);
}
