import { isKysoError } from '@kyso/core';
import { type SigningService, toExpress } from '@kyso/node-adapter';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { AppError } from '../domain/errors.js';
import { BASE_PATH } from '../signing/service.js';
import type { AppContext } from './context.js';
import { langOf } from './context.js';
import { apiRoutes } from './routes/api.js';
import { fileRoutes } from './routes/files.js';
import { pageRoutes } from './routes/pages.js';
import { sampleRoutes } from './routes/samples.js';

/** The whole web application: pages, the signing API, files, the signing service and the client assets. */
export function createApp(ctx: AppContext, signing: SigningService, assetsDir: string): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  app.use(BASE_PATH, toExpress(signing.handler));
  app.use('/assets', express.static(assetsDir, { fallthrough: false, maxAge: 0 }));
  app.use(pageRoutes(ctx));
  app.use(apiRoutes(ctx));
  app.use(fileRoutes(ctx));
  app.use(sampleRoutes());

  const errors: ErrorRequestHandler = (error, req, res, _next) => {
    const lang = langOf(req);
    const api = req.path.startsWith('/api/');
    if (error instanceof AppError) {
      if (error.status === 401 && !api) return void res.redirect(303, '/');
      res.status(error.status);
      if (api) return void res.json({ error: error.code, message: error.localized(lang) });
      return void res.type('text/plain').send(error.localized(lang));
    }
    if (isKysoError(error)) {
      // bad input (a PDF kyso cannot read): the user's problem, said in their language
      const message = error.code === 'INTERNAL' ? 'Internal error' : error.message;
      res.status(400);
      if (api) return void res.json({ error: error.code, message });
      return void res.type('text/plain').send(message);
    }
    console.error(error);
    res.status(500);
    if (api)
      return void res.json({ error: 'INTERNAL', message: lang === 'vi' ? 'Lỗi máy chủ.' : 'Server error.' });
    res.type('text/plain').send(lang === 'vi' ? 'Lỗi máy chủ.' : 'Server error.');
  };
  app.use(errors);
  return app;
}
