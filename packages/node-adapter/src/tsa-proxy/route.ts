import { KysoError } from '@kyso/core';
import { readBody } from '../http/body.js';
import { byteLimit } from '../http/byte-limit.js';
import { withHttp } from '../http/error-response.js';
import type { RequestContext, ServiceCore } from '../service/core.js';
import { TSA_NAME } from './proxy.js';
import { checkTimestampQuery } from './timestamp-query.js';

const QUERY_TYPE = 'application/timestamp-query';
const REPLY_TYPES = [
  'application/timestamp-reply',
  'application/timestamp-response',
  'application/octet-stream',
];

function mediaType(header: string | null): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function unknownTsa(name: string): KysoError {
  return withHttp(
    new KysoError('INVALID_INPUT', { params: { detail: `no TSA named "${name}" is configured` } }),
    { status: 404, error: 'invalid_request' },
  );
}

/** Node's errors name the failing address; the client learns the kind of failure only. */
function failure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return code ? `the TSA is unreachable (${code})` : 'the TSA is unreachable';
}

/**
 * `POST {base}/tsa[/{name}]`: an RFC 3161 query (checked to be a DER TimeStampReq, within the size
 * limit) goes to the configured TSA of that name — never to a URL of the client's choosing — with the
 * TSA's own headers (credentials) added here and none of the client's passed on; the reply is streamed
 * back as application/timestamp-reply, bounded in size and, through the same signal, in time.
 */
export async function tsaProxyRoute(
  core: ServiceCore,
  ctx: RequestContext,
  name: string | undefined,
): Promise<Response> {
  const proxy = core.tsaProxy!;
  const chosen = name ?? proxy.defaultName;
  if (!TSA_NAME.test(chosen)) throw unknownTsa(chosen.slice(0, 64));
  ctx.note.tsa = chosen;
  const target = proxy.targets.get(chosen);
  if (!target) throw unknownTsa(chosen);
  if (mediaType(ctx.request.headers.get('content-type')) !== QUERY_TYPE)
    throw withHttp(new KysoError('INVALID_INPUT', { params: { detail: `send ${QUERY_TYPE}` } }), {
      status: 415,
    });
  const query = await readBody(ctx.request, proxy.maxRequestBytes);
  ctx.note.bytes = query.length;
  checkTimestampQuery(query);

  const label = `TSA ${chosen}`;
  const timeoutMs = target.timeoutMs ?? proxy.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  let upstream: Response;
  try {
    upstream = await (target.fetch ?? globalThis.fetch)(target.url, {
      method: 'POST',
      body: query,
      headers: { ...target.headers, 'content-type': QUERY_TYPE, accept: REPLY_TYPES[0]! },
      signal,
      // the configured URL is the one contacted: a redirect would send the query (and the TSA's
      // credentials) elsewhere
      redirect: 'error',
    });
  } catch (error) {
    if (ctx.signal.aborted) throw new KysoError('ABORTED', { cause: error });
    const detail = timeout.aborted ? `no answer within ${timeoutMs} ms` : failure(error);
    throw withHttp(new KysoError('NETWORK_ERROR', { params: { url: label, detail }, cause: error }), {
      status: timeout.aborted ? 504 : 502,
    });
  }
  const refuse = (detail: string): never => {
    upstream.body?.cancel().catch(() => {});
    throw new KysoError('TIMESTAMP_REFUSED', { params: { url: label, detail } });
  };
  if (!upstream.ok) refuse(`HTTP ${upstream.status}`);
  const type = mediaType(upstream.headers.get('content-type'));
  if (type && !REPLY_TYPES.includes(type)) refuse(`unexpected content type ${type}`);
  const declared = Number(upstream.headers.get('content-length') ?? Number.NaN);
  if (declared > proxy.maxResponseBytes) refuse(`a ${declared}-byte reply is over the limit`);

  // no Content-Length passed on: fetch may have decoded a compressed reply, which the length counted
  const headers = { 'content-type': REPLY_TYPES[0]!, 'cache-control': 'no-store' };
  const body = upstream.body?.pipeThrough(
    byteLimit(
      proxy.maxResponseBytes,
      () =>
        new KysoError('NETWORK_ERROR', {
          params: { url: label, detail: `the reply is over ${proxy.maxResponseBytes} bytes` },
        }),
    ),
  );
  return new Response(body ?? null, { status: 200, headers });
}
