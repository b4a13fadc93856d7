import { randomUUID } from 'node:crypto';
import { KysoError, toKysoError } from '@kyso/core';
import type { AuditEvent } from '../audit/audit-event.js';
import { isDenial, type Principal } from '../auth/principal.js';
import { cscInfo } from '../csc/info.js';
import { errorResponse, httpStatusOf, withHttp } from '../http/error-response.js';
import type { Handler } from '../http/handler.js';
import { checkRate } from '../limits/rate-limit.js';
import { type RequestContext, resolveCore, type ServiceCore } from './core.js';
import type { SigningServiceOptions } from './options.js';
import { type ProtectedTarget, protectedTarget } from './protected-routes.js';

export interface SigningService {
  /** The whole service as one Fetch-API function; mount it with toNodeListener, toExpress… */
  readonly handler: Handler;
  /** Requests being worked on. */
  readonly inFlight: number;
  readonly draining: boolean;
  /**
   * Graceful shutdown, first half: new requests get 503 (health says `draining`, so a load balancer
   * stops sending), those in flight finish. True when all finished within `timeoutMs` (30 s by default).
   */
  drain(options?: { timeoutMs?: number }): Promise<boolean>;
  /** Drains, then closes the credentials and the store the service made. */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

const JSON_HEADERS = { 'cache-control': 'no-store' };

function routeOf(core: ServiceCore, request: Request): string | undefined {
  const path = new URL(request.url).pathname;
  if (path !== core.base && !path.startsWith(`${core.base}/`)) return undefined;
  return path.slice(core.base.length) || '/';
}

function notFound(route: string): KysoError {
  return withHttp(new KysoError('INVALID_INPUT', { params: { detail: `no route ${route}` } }), {
    status: 404,
    error: 'invalid_request',
  });
}

function wrongMethod(method: string, route: string): KysoError {
  return withHttp(new KysoError('USAGE', { params: { detail: `${method} ${route}` } }), {
    status: 405,
    error: 'invalid_request',
  });
}

/**
 * The signing service: CSC v2 (`/csc/v2/…`), whole-document signing (`/sign-pdf`), the browser
 * helpers when configured (`/tsa`, `/revocation`) and `/health`, under `basePath`. Every request but
 * health and CSC info passes, in order: the concurrency gate (429), the host's authorize hook
 * (401/403), the per-principal rate (429), the body limit (413), then the route, and leaves one
 * audit line.
 */
export function createSigningService(options: SigningServiceOptions = {}): SigningService {
  const core = resolveCore(options);
  let inFlight = 0;
  let draining = false;
  const idle: (() => void)[] = [];

  const settle = () => {
    if (--inFlight === 0) for (const resolve of idle.splice(0)) resolve();
  };

  async function audit(event: AuditEvent): Promise<void> {
    if (!core.audit) return;
    try {
      await core.audit(event);
    } catch (error) {
      core.onError(toKysoError(error), { requestId: event.requestId });
    }
  }

  async function authenticate(request: Request, signal: AbortSignal): Promise<Principal> {
    if (!core.authorize)
      throw new KysoError('NOT_AUTHENTICATED', { params: { detail: 'the service has no authorize hook' } });
    const result = await core.authorize(request, { signal });
    if (!isDenial(result)) {
      if (typeof result.id !== 'string' || result.id === '')
        throw new KysoError('INTERNAL', {
          params: { detail: 'the authorize hook gave a principal without id' },
        });
      return result;
    }
    const detail = result.reason ?? (result.deny === 'forbidden' ? 'access denied' : 'no valid credentials');
    if (result.deny === 'forbidden')
      throw withHttp(new KysoError('CREDENTIAL_NOT_AUTHORIZED', { params: { detail } }), {
        status: 403,
        error: 'access_denied',
      });
    throw new KysoError('NOT_AUTHENTICATED', { params: { detail } });
  }

  async function protectedRoute(
    request: Request,
    route: string,
    target: ProtectedTarget,
    requestId: string,
  ): Promise<Response> {
    const started = Date.now();
    const { action } = target;
    const note: Partial<AuditEvent> = {};
    let principal: Principal | undefined;
    let release: (() => void) | undefined;
    let response: Response;
    try {
      if (request.method !== 'POST') throw wrongMethod(request.method, route);
      release = await core.gate.acquire(request.signal);
      principal = await authenticate(request, request.signal);
      if (core.rate) await checkRate(core.store, core.rate, principal.id);
      const ctx: RequestContext = { requestId, request, signal: request.signal, principal, note };
      response = await target.run(ctx);
    } catch (thrown) {
      const error = toKysoError(thrown);
      const status = httpStatusOf(error);
      if (status >= 500 && error.code === 'INTERNAL') core.onError(error, { requestId });
      response = errorResponse(error);
      await audit({
        time: new Date(started).toISOString(),
        requestId,
        action,
        outcome: status >= 500 ? 'error' : 'refused',
        ...(principal ? { principal: principal.id } : {}),
        ...note,
        code: error.code,
        status,
        durationMs: Date.now() - started,
      });
      return response;
    } finally {
      release?.();
    }
    await audit({
      time: new Date(started).toISOString(),
      requestId,
      action,
      outcome: 'ok',
      principal: principal.id,
      ...note,
      status: response.status,
      durationMs: Date.now() - started,
    });
    return response;
  }

  async function handle(request: Request, requestId: string): Promise<Response> {
    const route = routeOf(core, request);
    if (route === undefined) throw notFound(new URL(request.url).pathname);
    if (route === '/health') {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw wrongMethod(request.method, route);
      return Response.json(
        { status: draining ? 'draining' : 'ok', ...(core.version ? { version: core.version } : {}) },
        { status: draining ? 503 : 200, headers: JSON_HEADERS },
      );
    }
    if (draining)
      throw withHttp(new KysoError('SERVICE_BUSY', { params: { detail: 'shutting down' } }), { status: 503 });
    if (route === '/csc/v2/info') {
      if (request.method !== 'POST' && request.method !== 'GET') throw wrongMethod(request.method, route);
      return Response.json(cscInfo(core), { headers: JSON_HEADERS });
    }
    const target = protectedTarget(core, route);
    if (target) return protectedRoute(request, route, target, requestId);
    throw notFound(route);
  }

  const handler: Handler = async (request) => {
    const requestId = randomUUID();
    inFlight++;
    try {
      const response = await handle(request, requestId).catch((error: unknown) => errorResponse(error));
      response.headers.set('x-request-id', requestId);
      return response;
    } finally {
      settle();
    }
  };

  async function drain({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
    draining = true;
    if (inFlight === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      new Promise<boolean>((resolve) => idle.push(() => resolve(true))),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return finished;
  }

  return {
    handler,
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    drain,
    async close(closeOptions = {}) {
      await drain(closeOptions);
      for (const credential of core.credentials.values()) await credential.close?.();
      if (core.ownsStore) await core.store.close?.();
    },
  };
}
