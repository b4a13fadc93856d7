import { vietnamDate } from '@kyso/core';
import { type Router as ExpressRouter, Router } from 'express';
import { checkSignedStep } from '../../app/step-check.js';
import { AppError } from '../../domain/errors.js';
import { formatDocumentNumber } from '../../domain/numbering.js';
import { type AppContext, idParam, langOf, requireUser } from '../context.js';
import { readPdfBody } from '../uploads.js';

/** The signing steps, called by the page's script with the PDF it signed in the browser. */
export function apiRoutes(ctx: AppContext): ExpressRouter {
  const r = Router();

  r.post('/api/documents/:id/approve', async (req, res) => {
    const user = requireUser(ctx, req);
    const id = idParam(req.params.id);
    const doc = ctx.store.document(id);
    const signed = await readPdfBody(req);
    const previous = await ctx.store.bytes(doc.current_version!);
    const report = await checkSignedStep({
      previous,
      signed,
      signers: [user.certificate_sha256],
      who: user.name,
      count: 1,
      anchors: ctx.anchors,
      lang: langOf(req),
    });
    const after = await ctx.store.apply(id, user.role, 'approve', { signed: { bytes: signed, report } });
    res.json({ state: after.state, version: after.current_version });
  });

  // The clerk's number is reserved before signing: the number and the date are drawn in the signatures.
  r.post('/api/documents/:id/number', (req, res) => {
    const user = requireUser(ctx, req);
    const id = idParam(req.params.id);
    const { number, year } = ctx.store.reserveNumber(id, user.role);
    const today = vietnamDate(new Date());
    res.json({
      number,
      year,
      text: formatDocumentNumber(number, ctx.store.document(id).symbol),
      date: `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`,
      place: ctx.place,
    });
  });

  r.post('/api/documents/:id/issue', async (req, res) => {
    const user = requireUser(ctx, req);
    const id = idParam(req.params.id);
    const doc = ctx.store.document(id);
    if (doc.number === null) throw new AppError('INVALID_ACTION', { action: 'issue', state: doc.state });
    const signed = await readPdfBody(req);
    const previous = await ctx.store.bytes(doc.current_version!);
    const organization = ctx.pki.organizationSha256;
    const report = await checkSignedStep({
      previous,
      signed,
      signers: [organization],
      who: 'ỦY BAN NHÂN DÂN',
      // the number, the date and the seal (VN-PROFILE.md)
      count: 3,
      anchors: ctx.anchors,
      lang: langOf(req),
    });
    const after = await ctx.store.apply(id, user.role, 'issue', { signed: { bytes: signed, report } });
    res.json({ state: after.state, version: after.current_version });
  });
  return r;
}
