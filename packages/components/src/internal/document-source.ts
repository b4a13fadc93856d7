import { type ByteSource, blobSource, bytesSource } from '@kyso/pdf';

/** Up to this size a document is read from its Blob once and then parsed and hashed in memory. */
const IN_MEMORY_LIMIT = 256 * 1024 * 1024;

/**
 * The document as @kyso/pdf's byte source. Every read of a Blob is an asynchronous copy out of the
 * browser's blob store (and the parser makes many small reads), so a document of ordinary size is
 * read whole, once; a larger one stays a Blob and is read piece by piece, keeping memory flat.
 * Imported only by the lazily loaded signing and verification code (it brings @kyso/pdf).
 */
export async function documentSource(
  document: Blob,
  signal?: AbortSignal,
  limit = IN_MEMORY_LIMIT,
): Promise<ByteSource> {
  if (document.size > limit) return blobSource(document);
  const bytes = new Uint8Array(await document.arrayBuffer());
  signal?.throwIfAborted();
  return bytesSource(bytes);
}
