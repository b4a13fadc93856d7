import { KysoError, type KysoErrorCode, toKysoError } from '@kyso/core';

/** The Fetch-API shape every adapter (node:http, Express, Fastify…) wraps. */
export type Handler = (request: Request) => Promise<Response>;

export interface HandlerOptions {
  /** Where the service is mounted, e.g. `/kyso`; routes live below it. */
  basePath?: string;
  /** Reported by /health. */
  version?: string;
}

const STATUS: Partial<Record<KysoErrorCode, number>> = {
  USAGE: 400,
  INVALID_INPUT: 400,
  CREDENTIAL_NOT_AUTHORIZED: 403,
  KEY_NOT_FOUND: 404,
};

export function errorResponse(error: KysoError, status = STATUS[error.code] ?? 500): Response {
  return Response.json({ error: error.toJSON() }, { status, headers: { 'cache-control': 'no-store' } });
}

function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * The signing service as one `(Request) => Promise<Response>`. Errors leave as JSON
 * `{ error: { name, code, message, params } }`, which core rebuilds into a KysoError on the other side.
 */
export function createHandler(options: HandlerOptions = {}): Handler {
  const base = normalizeBase(options.basePath);
  return async (request) => {
    try {
      const path = new URL(request.url).pathname;
      if (path !== base && !path.startsWith(`${base}/`)) {
        return errorResponse(new KysoError('INVALID_INPUT', { params: { detail: `no route ${path}` } }), 404);
      }
      const route = path.slice(base.length) || '/';
      if (route === '/health') {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          return errorResponse(
            new KysoError('USAGE', { params: { detail: `${request.method} /health` } }),
            405,
          );
        }
        return Response.json({ status: 'ok', ...(options.version ? { version: options.version } : {}) });
      }
      return errorResponse(new KysoError('INVALID_INPUT', { params: { detail: `no route ${route}` } }), 404);
    } catch (error) {
      return errorResponse(toKysoError(error));
    }
  };
}
