import { KysoError } from '@kyso/core/errors';

/** A PDF handed to an element directly: a File or Blob, or its bytes. */
export type PdfData = Blob | Uint8Array | ArrayBuffer;

/**
 * The document an element was given, as a Blob (random access without copying it again): `data`
 * when set, else the bytes at `src`. Undefined when neither is set. A failed download is
 * NETWORK_ERROR; an abort propagates as is.
 */
export async function loadDocument(
  src: string | undefined,
  data: PdfData | undefined,
  signal: AbortSignal,
): Promise<Blob | undefined> {
  if (data instanceof Blob) return data;
  // a copy: the caller may reuse its buffer, and a view of shared memory is no BlobPart
  if (data instanceof Uint8Array || data instanceof ArrayBuffer)
    return new Blob([new Uint8Array(data)], { type: 'application/pdf' });
  if (!src) return undefined;
  const url = new URL(src, document.baseURI).href;
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new KysoError('NETWORK_ERROR', {
      params: { url, detail: error instanceof Error ? error.message : String(error) },
      cause: error,
    });
  }
  if (!response.ok)
    throw new KysoError('NETWORK_ERROR', {
      params: {
        url,
        detail: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      },
    });
  return response.blob();
}
