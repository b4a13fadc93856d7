import type { Request as ExpressRequest } from 'express';
import { AppError } from '../domain/errors.js';

export interface Upload {
  fields: Map<string, string>;
  file: Uint8Array | undefined;
}

const MAX = 50 * 1024 * 1024;

async function rawBody(req: ExpressRequest): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX) throw new AppError('NOT_A_PDF', {}, 413);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A multipart form (fields and one `file`), parsed by the platform's own Request.formData(). */
export async function readUpload(req: ExpressRequest): Promise<Upload> {
  const body = await rawBody(req);
  const form = await new Request('http://upload.invalid/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body,
  })
    .formData()
    .catch(() => {
      throw new AppError('NOT_A_PDF', {}, 400);
    });
  const fields = new Map<string, string>();
  let file: Uint8Array | undefined;
  for (const [key, value] of form) {
    if (typeof value === 'string') fields.set(key, value.normalize('NFC'));
    else if (key === 'file') file = new Uint8Array(await value.arrayBuffer());
  }
  if (file && !isPdf(file)) throw new AppError('NOT_A_PDF', {}, 400);
  return { fields, file };
}

/** A signed PDF posted as the request body (application/pdf). */
export async function readPdfBody(req: ExpressRequest): Promise<Uint8Array> {
  const body = await rawBody(req);
  if (!isPdf(body)) throw new AppError('NOT_A_PDF', {}, 400);
  return body;
}

function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
