import { SAD_HEADER } from '../sign-pdf/route.js';

/** What a page may send: the bridge token, JSON or a PDF, and the SAD of /sign-pdf. */
const ALLOWED_HEADERS = ['authorization', 'content-type', SAD_HEADER];
/** What a page may read of an answer besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'www-authenticate', 'content-disposition'];
const PREFLIGHT_VARY =
  'Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network';

/**
 * The answer to a preflight from an allowed origin. Chromium's Private Network Access preflight
 * (`Access-Control-Request-Private-Network: true`, sent when a public or private page calls a
 * loopback address) is answered `Access-Control-Allow-Private-Network: true`. No cookies are used
 * (the bridge token travels in `authorization`), so no `Allow-Credentials`.
 */
export function preflight(request: Request, origin: string): Response {
  const headers = new Headers({
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
    'access-control-max-age': '600',
    'cache-control': 'no-store',
    vary: PREFLIGHT_VARY,
  });
  if (request.headers.get('access-control-request-private-network') === 'true')
    headers.set('access-control-allow-private-network', 'true');
  return new Response(null, { status: 204, headers });
}

/** The same answer, readable by the allowed origin that asked. */
export function withCors(response: Response, origin: string): Response {
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
  headers.set('vary', 'Origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A refusal: no CORS header at all, so the page cannot read it; caches still told it varies. */
export function withoutCors(response: Response): Response {
  response.headers.set('vary', 'Origin');
  return response;
}
