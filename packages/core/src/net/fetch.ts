import { KysoError } from '../errors/kyso-error.js';

export type FetchFunction = typeof globalThis.fetch;

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchRequest {
  method: 'GET' | 'POST';
  body?: Uint8Array;
  /** Content-Type of the body. */
  contentType?: string;
  /** Media types accepted in the answer (a missing Content-Type is left to the parser to judge). */
  accept: readonly string[];
  /** More request headers (e.g. a TSA's credentials). */
  headers?: Record<string, string>;
  /**
   * Cookies: `omit` by default (a CA's responder or a third-party TSA must not see the page's);
   * `same-origin` for the application's own services that know the user by a session cookie.
   */
  credentials?: 'omit' | 'same-origin';
}

/** The caller's cancellation and the per-request timeout, as one signal. */
function combine(timeoutMs: number, signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (!signal) return timeout;
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([signal, timeout]);
  const controller = new AbortController();
  for (const s of [signal, timeout]) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** Reads the body chunk by chunk, giving up as soon as it passes `max` bytes. */
async function readBody(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > max) {
    await response.body?.cancel().catch(() => {});
    throw new Error(`the answer (${declared} bytes) is larger than the ${max}-byte limit`);
  }
  const reader = response.body?.getReader();
  if (!reader) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.length > max) throw new Error(`the answer is larger than the ${max}-byte limit`);
    return whole;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new Error(`the answer is larger than the ${max}-byte limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * What a JSON error body says (`error_description`, as kyso's service and OAuth-style APIs send it),
 * read within 4 KiB; nothing for any other body, which is not read.
 */
async function explanation(response: Response): Promise<string> {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    await response.body?.cancel().catch(() => {});
    return '';
  }
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(await readBody(response, 4096)));
    const said =
      typeof body === 'object' && body !== null
        ? (body as Record<string, unknown>)['error_description']
        : undefined;
    return typeof said === 'string' && said ? `: ${said.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}

/** undici says "fetch failed" and puts the reason in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== error.message ? `${error.message} (${cause})` : error.message;
}

/** Only http and https are fetched: no ldap://, file:, data: or javascript: from a certificate. */
export function fetchableUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * One request through the injected fetch, bounded in time and size. Any failure (network, timeout,
 * non-2xx status, unexpected media type, oversized body) is NETWORK_ERROR; the caller's own
 * cancellation is ABORTED.
 */
export async function fetchBinary(
  fetchFn: FetchFunction,
  url: string,
  request: FetchRequest,
  limits: FetchLimits,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (!fetchableUrl(url))
    throw new KysoError('NETWORK_ERROR', { params: { url, detail: 'only http and https URLs are fetched' } });
  const combined = combine(limits.timeoutMs, signal);
  try {
    const response = await fetchFn(url, {
      method: request.method,
      ...(request.body ? { body: request.body.slice() } : {}),
      headers: {
        ...request.headers,
        accept: request.accept.join(', '),
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
      },
      signal: combined,
      redirect: 'follow',
      credentials: request.credentials ?? 'omit',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}${await explanation(response)}`);
    const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type && !request.accept.includes(type)) {
      await response.body?.cancel().catch(() => {});
      throw new Error(`unexpected content type ${type}`);
    }
    return await readBody(response, limits.maxBytes);
  } catch (error) {
    if (signal?.aborted) throw new KysoError('ABORTED', { cause: error });
    const timedOut = combined.aborted && !signal?.aborted;
    const detail = timedOut ? `no answer within ${limits.timeoutMs} ms` : describeError(error);
    throw new KysoError('NETWORK_ERROR', { params: { url, detail }, cause: error });
  }
}
