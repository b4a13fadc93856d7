import { toPem } from '@kyso/core';
import { verifyPdf } from '@kyso/pdf';
import { type Router as ExpressRouter, Router } from 'express';
import { type AppContext, idParam, langOf, requireUser } from '../context.js';

/** Every version as a download, with its verification report. */
export function fileRoutes(ctx: AppContext): ExpressRouter {
  const r = Router();
  r.get('/files/versions/:vid', async (req, res) => {
    requireUser(ctx, req);
    const version = ctx.store.version(idParam(req.params.vid));
    const bytes = await ctx.store.bytes(version.id);
    res
      .type('application/pdf')
      .setHeader(
        'content-disposition',
        `attachment; filename="van-ban-${version.document_id}-v${version.seq}.pdf"`,
      )
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  r.get('/documents/:id/versions/:vid/report', async (req, res) => {
    requireUser(ctx, req);
    const version = ctx.store.version(idParam(req.params.vid));
    if (version.document_id !== idParam(req.params.id)) return void res.sendStatus(404);
    // verified now, so the report says what holds today (revocation included)
    const report = await verifyPdf(await ctx.store.bytes(version.id), {
      anchors: ctx.anchors,
      intermediates: ctx.intermediates,
      revocation: 'online',
      lang: langOf(req),
    });
    res.json(report);
  });
  r.get('/trust.pem', (_req, res) => {
    res.type('application/x-pem-file').send(toPem(ctx.pki.root, 'CERTIFICATE'));
  });
  return r;
}
