/** The e-office's own API, as the page calls it: same-origin, the session cookie rides along. */
export interface Reserved {
  number: number;
  year: number;
  /** "01/KH-UBND" */
  text: string;
  /** YYYY-MM-DD, the Vietnamese date of the day. */
  date: string;
  place: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string; message?: string };
  if (!response.ok)
    throw new ApiError(body.error ?? `HTTP_${response.status}`, body.message ?? response.statusText);
  return body;
}

export async function postSigned(
  documentId: string,
  step: 'approve' | 'issue',
  bytes: Uint8Array,
): Promise<void> {
  await answer(
    await fetch(`/api/documents/${documentId}/${step}`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    }),
  );
}

export async function reserveNumber(documentId: string): Promise<Reserved> {
  return answer<Reserved>(await fetch(`/api/documents/${documentId}/number`, { method: 'POST' }));
}

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new ApiError(`HTTP_${r.status}`, r.statusText);
  return new Uint8Array(await r.arrayBuffer());
}
