import { randomUUID } from 'node:crypto';
import { KysoError, toKysoError } from '@kyso/core';
import type { AuditEvent } from '../audit/audit-event.js';
import { readJsonObject } from '../http/body.js';
import { errorResponse, httpStatusOf, withHttp } from '../http/error-response.js';
import type { Handler } from '../http/handler.js';
import { createSigningService, type SigningService } from '../service/service.js';
import { MemoryStore } from '../store/memory-store.js';
import { preflight, withCors, withoutCors } from './cors.js';
import type { BridgeServiceOptions } from './options.js';
import { checkHost, checkOrigin, loopbackHosts, normalizeOrigin } from './origins.js';
import { Pairing } from './pairing.js';

const NO_STORE = { 'cache-control': 'no-store' };
/** A paired page's requests, by default: plenty for a person signing, little for a runaway script. */
const DEFAULT_RATE = { requests: 600, windowMs: 60_000 };

function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

const clip = (text: string | null) => (text === null ? undefined : text.slice(0, 200));

/**
 * The local bridge: the signing service (CSC v2, /sign-pdf) for a token on the official's own machine,
 * made safe to leave running while the browser visits other sites. Before any work, every request
 * must carry this bridge's own Host (127.0.0.1, localhost or [::1] with its port: a rebound DNS name
 * is refused 421) and an allowed Origin (403 otherwise, without CORS headers); then an allowed page
 * pairs (`POST {base}/bridge/pair`: `{}` shows a code to the official, `{ "code": … }` returns a
 * bearer token bound to its origin) and calls the CSC API with that token. CORS (Private Network
 * Access preflights included) answers allowed origins only.
 */
export function createBridge(options: BridgeServiceOptions): SigningService {
  const origins = new Set(options.allowOrigins.map(normalizeOrigin));
  if (origins.size === 0)
    throw new KysoError('USAGE', { params: { detail: 'the bridge needs at least one allowed origin' } });
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535)
    throw new KysoError('USAGE', {
      params: { detail: `the bridge's port must be 1–65535, not ${options.port}` },
    });
  const hosts = loopbackHosts(options.port);
  const store = options.store ?? new MemoryStore();
  const pairing = new Pairing(store, options.onPairingCode, options.pairing);
  const base = normalizeBase(options.basePath);
  const { allowOrigins: _origins, onPairingCode: _show, pairing: _pairing, port: _port, ...rest } = options;
  const inner = createSigningService({
    ...rest,
    store,
    authorize: (request) => pairing.authorize(request),
    access: options.access ?? (() => true),
    limits: { ...options.limits, rate: options.limits?.rate ?? DEFAULT_RATE },
  });
  let inFlight = 0;
  const onError =
    options.onError ??
    ((error: KysoError, { requestId }: { requestId: string }) => {
      const cause = error.cause instanceof Error ? ` (${error.cause.stack ?? error.cause.message})` : '';
      process.stderr.write(`kyso bridge ${requestId}: ${error.message}${cause}\n`);
    });

  async function audit(event: AuditEvent): Promise<void> {
    try {
      await options.audit?.(event);
    } catch (error) {
      onError(toKysoError(error), { requestId: event.requestId });
    }
  }

  /** `POST {base}/bridge/pair` and `/bridge/unpair`, from an allowed origin. */
  async function pairingRoute(request: Request, route: string, origin: string, requestId: string) {
    const started = Date.now();
    const action = route === '/bridge/pair' ? 'bridge/pair' : 'bridge/unpair';
    let response: Response;
    let tried = false;
    try {
      if (request.method !== 'POST')
        throw withHttp(new KysoError('USAGE', { params: { detail: `${request.method} ${route}` } }), {
          status: 405,
        });
      if (inner.draining)
        throw withHttp(new KysoError('SERVICE_BUSY', { params: { detail: 'shutting down' } }), {
          status: 503,
        });
      if (action === 'bridge/unpair') {
        if (!(await pairing.revoke(request, origin)))
          throw new KysoError('NOT_AUTHENTICATED', { params: { detail: 'no pairing of this page to end' } });
        response = new Response(null, { status: 204, headers: NO_STORE });
      } else {
        const body = await readJsonObject(request, 1024);
        const code = body['code'];
        if (code === undefined) {
          const { expiresIn } = await pairing.start(origin);
          response = Response.json(
            { status: 'code_shown', expires_in: expiresIn },
            { status: 202, headers: NO_STORE },
          );
        } else {
          if (typeof code !== 'string')
            throw new KysoError('INVALID_INPUT', { params: { detail: 'code must be a string' } });
          tried = true;
          const { token, expiresIn } = await pairing.redeem(origin, code);
          response = Response.json(
            { access_token: token, token_type: 'Bearer', expires_in: expiresIn },
            { headers: NO_STORE },
          );
        }
      }
    } catch (thrown) {
      const error = toKysoError(thrown);
      const status = httpStatusOf(error);
      if (status >= 500 && error.code === 'INTERNAL') onError(error, { requestId });
      await audit({
        time: new Date(started).toISOString(),
        requestId,
        action,
        outcome: status >= 500 ? 'error' : 'refused',
        origin,
        ...(tried ? { count: 1 } : {}),
        code: error.code,
        status,
        durationMs: Date.now() - started,
      });
      return errorResponse(error);
    }
    await audit({
      time: new Date(started).toISOString(),
      requestId,
      action,
      outcome: 'ok',
      origin,
      ...(tried ? { principal: origin } : {}),
      status: response.status,
      durationMs: Date.now() - started,
    });
    return response;
  }

  async function handle(request: Request): Promise<Response> {
    const requestId = randomUUID();
    let origin: string;
    try {
      checkHost(request, hosts);
      origin = checkOrigin(request, origins);
    } catch (thrown) {
      const error = toKysoError(thrown);
      const said = { origin: clip(request.headers.get('origin')), host: clip(request.headers.get('host')) };
      await audit({
        time: new Date().toISOString(),
        requestId,
        action: 'bridge/refused',
        outcome: 'refused',
        ...(said.origin !== undefined ? { origin: said.origin } : {}),
        ...(said.host !== undefined ? { host: said.host } : {}),
        code: error.code,
        status: httpStatusOf(error),
      });
      const refusal = withoutCors(errorResponse(error));
      refusal.headers.set('x-request-id', requestId);
      return refusal;
    }
    if (request.method === 'OPTIONS') return preflight(request, origin);
    const path = new URL(request.url).pathname;
    const route = path.startsWith(`${base}/`) ? path.slice(base.length) : undefined;
    if (route === '/bridge/pair' || route === '/bridge/unpair') {
      const response = await pairingRoute(request, route, origin, requestId);
      response.headers.set('x-request-id', requestId);
      return withCors(response, origin);
    }
    return withCors(await inner.handler(request), origin);
  }

  const handler: Handler = async (request) => {
    inFlight++;
    try {
      return await handle(request);
    } finally {
      inFlight--;
    }
  };

  return {
    handler,
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return inner.draining;
    },
    drain: (drainOptions) => inner.drain(drainOptions),
    async close(closeOptions = {}) {
      await inner.close(closeOptions);
      if (!options.store) await store.close?.();
    },
  };
}
