import { KysoError } from '../errors/kyso-error.js';
import type { Lang } from '../lang.js';
import { throwIfAborted } from './abort.js';
import { type CscErrorContext, cscErrorToKyso } from './errors.js';
import { isJsonObject, type JsonObject, malformed } from './json.js';

/** A bearer token, or a function the host app uses to hand out a fresh OAuth 2.0 token per request. */
export type CscAccessToken = string | ((options: { signal?: AbortSignal }) => string | Promise<string>);

export interface CscTransportOptions {
  /** Injected so browsers can route through the node-adapter and tests through a fake; globalThis.fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  accessToken?: CscAccessToken;
  /** Per HTTP request, 60 s by default (an authorize may wait for an approval on a phone). */
  timeoutMs?: number;
  lang?: Lang;
}

/** An HTTP answer whose body was read: JSON when it parsed, the text otherwise. */
export interface CscResponse {
  status: number;
  body: unknown;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** JSON POSTs to a CSC service, with the bearer token, a timeout, cancellation and kyso errors. */
export class CscTransport {
  readonly #fetch: typeof globalThis.fetch | undefined;
  readonly #token: CscAccessToken | undefined;
  readonly #timeoutMs: number;
  readonly lang: Lang;

  constructor(options: CscTransportOptions = {}) {
    this.#fetch = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch : undefined);
    this.#token = options.accessToken;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.lang = options.lang ?? 'en';
  }

  /**
   * One request. Throws only for what is not an HTTP answer: NETWORK_ERROR (unreachable, timed out)
   * and ABORTED; the caller judges the status.
   */
  async send(url: string, body: JsonObject, signal?: AbortSignal): Promise<CscResponse> {
    // called unbound: browsers refuse fetch with a `this` other than the global (Illegal invocation)
    const fetchFn = this.#fetch;
    if (!fetchFn)
      throw new KysoError('INVALID_INPUT', { params: { detail: 'no fetch available: pass { fetch }' } });
    throwIfAborted(signal);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    const token =
      typeof this.#token === 'function' ? await this.#token(signal ? { signal } : {}) : this.#token;
    if (token) headers['authorization'] = `Bearer ${token}`;
    throwIfAborted(signal);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await fetchFn(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      return { status: response.status, body: parseBody(text) };
    } catch (error) {
      if (signal?.aborted) throw new KysoError('ABORTED', { cause: error, lang: this.lang });
      const detail = timedOut
        ? `no answer within ${this.#timeoutMs} ms`
        : error instanceof Error
          ? describeFetchError(error)
          : String(error);
      throw new KysoError('NETWORK_ERROR', { params: { url, detail }, cause: error, lang: this.lang });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * A request whose success is a 2xx JSON object; any other answer becomes the kyso error the CSC
   * error mapping gives (see errors.ts).
   */
  async call(
    url: string,
    body: JsonObject,
    context: Omit<CscErrorContext, 'status' | 'lang'>,
    signal?: AbortSignal,
  ): Promise<{ status: number; json: JsonObject }> {
    const response = await this.send(url, body, signal);
    if (response.status < 200 || response.status > 299)
      throw cscErrorToKyso(response.body, { ...context, status: response.status, lang: this.lang });
    if (response.status === 204) return { status: 204, json: {} };
    if (!isJsonObject(response.body)) throw malformed(context.method, 'the body is not a JSON object');
    return { status: response.status, json: response.body };
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** undici hides the reason (ECONNREFUSED…) in `cause`; show it, it is what an operator needs. */
function describeFetchError(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  const causeText =
    cause instanceof Error ? ((cause as { code?: unknown }).code ?? cause.message) : undefined;
  return causeText ? `${error.message} (${String(causeText)})` : error.message;
}
