import { type Router as ExpressRouter, Router, urlencoded } from 'express';
import { verifyIncoming } from '../../app/incoming.js';
import { initialsField } from '../../app/initials-field.js';
import { AppError } from '../../domain/errors.js';
import { availableActions } from '../../domain/workflow.js';
import { type AppContext, currentUser, idParam, langOf, requireUser } from '../context.js';
import { documentPage } from '../pages/document.js';
import { documentListPage } from '../pages/document-list.js';
import { signInPage } from '../pages/sign-in.js';
import { incomingPage, newDraftPage } from '../pages/upload.js';
import { readUpload } from '../uploads.js';

/** The HTML pages and their form posts (each post redirects: reloading never repeats an action). */
export function pageRoutes(ctx: AppContext): ExpressRouter {
  const r = Router();
  const form = urlencoded({ extended: false, limit: '64kb' });
  const back = (id: number, error?: AppError) =>
    `/documents/${id}${error ? `?error=${encodeURIComponent(error.code)}` : ''}`;

  r.get('/', (req, res) => {
    if (currentUser(ctx, req)) res.redirect(303, '/documents');
    else res.type('html').send(signInPage(langOf(req), ctx.store.users()));
  });
  r.post('/signin', form, (req, res) => {
    const user = ctx.store.user(String(req.body?.user ?? ''));
    if (!user) throw new AppError('NOT_FOUND', { what: 'user' });
    res.setHeader('set-cookie', ctx.sessions.cookie(user.id)).redirect(303, '/documents');
  });
  r.post('/signout', (_req, res) => {
    res.setHeader('set-cookie', ctx.sessions.clearCookie()).redirect(303, '/');
  });
  r.post('/lang/:lang', (req, res) => {
    const lang = req.params.lang === 'en' ? 'en' : 'vi';
    const to = req.headers.referer && new URL(req.headers.referer).pathname;
    res
      .setHeader('set-cookie', `eoffice_lang=${lang}; Path=/; SameSite=Lax; Max-Age=31536000`)
      .redirect(303, to || '/');
  });

  r.get('/documents', (req, res) => {
    res.type('html').send(documentListPage(langOf(req), requireUser(ctx, req), ctx.store.documents()));
  });
  r.get('/documents/new', (req, res) => {
    res.type('html').send(newDraftPage(langOf(req), requireUser(ctx, req)));
  });
  r.post('/documents', async (req, res) => {
    const user = requireUser(ctx, req);
    const upload = await readUpload(req);
    if (!upload.file) throw new AppError('NOT_A_PDF', {}, 400);
    const id = await ctx.store.createDraft({
      title: upload.fields.get('title') ?? '',
      symbol: upload.fields.get('symbol') ?? '',
      actor: user.role,
      bytes: upload.file,
    });
    res.redirect(303, `/documents/${id}`);
  });
  r.get('/documents/:id', async (req, res) => {
    const user = requireUser(ctx, req);
    const lang = langOf(req);
    const id = idParam(req.params.id);
    const doc = ctx.store.document(id);
    // a reviewer about to approve initials the draft's field for it, when there is one
    const approving =
      doc.direction === 'outgoing' &&
      doc.current_version !== null &&
      availableActions(doc.state, user.role).includes('approve');
    const initials = approving
      ? await initialsField(await ctx.store.bytes(doc.current_version!), user.role)
      : undefined;
    const code = typeof req.query.error === 'string' ? req.query.error : undefined;
    const error =
      code && /^[A-Z_]+$/.test(code) ? new AppError(code as AppError['code']).localized(lang) : undefined;
    res.type('html').send(
      documentPage(
        lang,
        user,
        {
          doc,
          versions: ctx.store.versions(id),
          steps: ctx.store.steps(id),
          comments: ctx.store.comments(id),
          users: ctx.store.users(),
          credentials: ctx.credentialOf(user.id),
          ...(initials ? { initialsField: initials } : {}),
        },
        error,
      ),
    );
  });
  r.post('/documents/:id/draft', async (req, res) => {
    const user = requireUser(ctx, req);
    const id = idParam(req.params.id);
    const upload = await readUpload(req);
    if (!upload.file) throw new AppError('NOT_A_PDF', {}, 400);
    await ctx.store.replaceDraft(id, user.role, upload.file);
    res.redirect(303, back(id));
  });
  r.post('/documents/:id/submit', async (req, res) => {
    const id = idParam(req.params.id);
    await ctx.store.apply(id, requireUser(ctx, req).role, 'submit');
    res.redirect(303, back(id));
  });
  r.post('/documents/:id/reject', form, async (req, res) => {
    const id = idParam(req.params.id);
    try {
      await ctx.store.apply(id, requireUser(ctx, req).role, 'reject', {
        comment: String(req.body?.comment ?? ''),
      });
      res.redirect(303, back(id));
    } catch (error) {
      if (error instanceof AppError) res.redirect(303, back(id, error));
      else throw error;
    }
  });

  r.get('/incoming', (req, res) => {
    res.type('html').send(incomingPage(langOf(req), requireUser(ctx, req)));
  });
  r.post('/incoming', async (req, res) => {
    const user = requireUser(ctx, req);
    const upload = await readUpload(req);
    if (!upload.file) throw new AppError('NOT_A_PDF', {}, 400);
    const report = await verifyIncoming(ctx, upload.file, langOf(req));
    const id = await ctx.store.receive({
      title: upload.fields.get('title') || 'Văn bản đến',
      actor: user.role,
      bytes: upload.file,
      report,
    });
    res.redirect(303, `/documents/${id}`);
  });
  return r;
}
