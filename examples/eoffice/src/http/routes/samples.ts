import { type Router as ExpressRouter, Router } from 'express';
import { buildDraftPdf } from '../../sample/draft-pdf.js';

/** Where the new-draft page offers the sample draft. */
export const SAMPLE_DRAFT_PATH = '/samples/du-thao-ke-hoach.pdf';

/**
 * The sample draft a specialist can upload to try the chain: a Vietnamese plan in the Decree 30
 * layout, built once on first request (the same bytes every time) and kept in memory. Public: it is
 * demo content, not a document of the office.
 */
export function sampleRoutes(): ExpressRouter {
  const r = Router();
  let draft: Promise<Uint8Array> | undefined;
  r.get(SAMPLE_DRAFT_PATH, async (_req, res) => {
    draft ??= buildDraftPdf().catch((error: unknown) => {
      draft = undefined;
      throw error;
    });
    const bytes = await draft;
    res
      .type('application/pdf')
      .setHeader('content-disposition', 'attachment; filename="du-thao-ke-hoach.pdf"')
      .setHeader('cache-control', 'public, max-age=3600')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  return r;
}
