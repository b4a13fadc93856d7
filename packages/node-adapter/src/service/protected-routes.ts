import type { AuditAction } from '../audit/audit-event.js';
import { CSC_ROUTES } from '../csc/routes.js';
import { readJsonObject } from '../http/body.js';
import { revocationRoute } from '../revocation-fetcher/route.js';
import { signPdfRoute } from '../sign-pdf/route.js';
import { tsaProxyRoute } from '../tsa-proxy/route.js';
import type { RequestContext, ServiceCore } from './core.js';

/** A route behind authentication: what the audit calls it, and what it does once the request passed. */
export interface ProtectedTarget {
  action: AuditAction;
  run: (ctx: RequestContext) => Promise<Response>;
}

const JSON_HEADERS = { 'cache-control': 'no-store' };

function tsaName(route: string): string | undefined {
  if (route === '/tsa') return undefined;
  try {
    return decodeURIComponent(route.slice('/tsa/'.length));
  } catch {
    return route.slice('/tsa/'.length);
  }
}

/**
 * The authenticated routes under the base path, or undefined (404). The browser helpers exist only
 * when configured, so a service without them answers their paths as it answers any unknown one.
 */
export function protectedTarget(core: ServiceCore, route: string): ProtectedTarget | undefined {
  if (route === '/sign-pdf') return { action: 'sign-pdf', run: (ctx) => signPdfRoute(core, ctx) };
  if (core.tsaProxy && (route === '/tsa' || route.startsWith('/tsa/'))) {
    const name = tsaName(route);
    return { action: 'tsa', run: (ctx) => tsaProxyRoute(core, ctx, name) };
  }
  if (core.revocationFetcher && route === '/revocation')
    return { action: 'revocation', run: (ctx) => revocationRoute(core, ctx) };
  const method = route.slice('/csc/v2/'.length);
  if (!route.startsWith('/csc/v2/') || !Object.hasOwn(CSC_ROUTES, method)) return undefined;
  const csc = CSC_ROUTES[method]!;
  return {
    action: csc.action,
    run: async (ctx) => {
      const body = await readJsonObject(ctx.request, core.jsonBytes);
      return Response.json(await csc.method(core, ctx, body), { headers: JSON_HEADERS });
    },
  };
}
