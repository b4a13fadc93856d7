import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isKysoError, KysoError } from '@kyso/core';
import { withHttp } from '../http/error-response.js';
import type { NetworkPolicy } from './network-policy.js';
import { type HostResolver, pinnedLookup } from './resolve-host.js';

export interface GuardedRequest {
  method: 'GET' | 'POST';
  body?: Uint8Array;
  contentType?: string;
  /** Media types accepted in the answer (one without a Content-Type is left to the caller to judge). */
  accept: readonly string[];
}

export interface GuardedLimits {
  /** Bytes of the answer's body. */
  maxBytes: number;
  /** The whole exchange: resolution, every hop, the body. */
  timeoutMs: number;
  maxRedirects: number;
}

export interface GuardedFetchOptions extends GuardedLimits {
  policy: NetworkPolicy;
  resolve: HostResolver;
  /** The client's request: its end stops the fetch (ABORTED). */
  signal?: AbortSignal;
}

export interface GuardedAnswer {
  body: Uint8Array<ArrayBuffer>;
  contentType: string | undefined;
  /** Where the answer came from, after redirects. */
  url: string;
  redirects: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A URL for messages: never the user-info part, should one have slipped in. */
function shown(url: URL): string {
  return url.username || url.password ? `${url.protocol}//${url.host}${url.pathname}` : url.href;
}

export function urlNotAllowed(url: URL | string, detail: string): KysoError {
  return new KysoError('URL_NOT_ALLOWED', {
    params: { url: typeof url === 'string' ? url : shown(url), detail },
  });
}

function networkError(url: URL, detail: string, cause?: unknown): KysoError {
  return new KysoError('NETWORK_ERROR', { params: { url: shown(url), detail }, cause });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** http and https only, no credentials in the URL: then every address the host has must pass the policy. */
async function checkedAddresses(
  url: URL,
  options: GuardedFetchOptions,
  signal: AbortSignal,
): Promise<string[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw urlNotAllowed(url, 'only http and https URLs are fetched');
  if (url.username || url.password) throw urlNotAllowed(url, 'a URL with credentials is not fetched');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await abortable(options.resolve(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw networkError(url, `cannot resolve ${host}: ${describe(error)}`, error);
    }
  }
  if (addresses.length === 0) throw networkError(url, `${host} has no address`);
  // all of them, not the first: the connection may try any (and a name that mixes a public address
  // with an internal one is not one to trust)
  for (const address of addresses) {
    const why = options.policy.refusal(address);
    if (why) throw urlNotAllowed(url, isIP(host) ? why : `${host} resolves to ${why}`);
  }
  return [...addresses];
}

function send(
  url: URL,
  addresses: readonly string[],
  request: GuardedRequest,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    accept: request.accept.join(', '),
    'user-agent': 'kyso-node-adapter',
  };
  if (request.body) {
    headers['content-type'] = request.contentType ?? 'application/octet-stream';
    headers['content-length'] = String(request.body.length);
  }
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    // a fresh agent per request: a pooled socket to this host name would skip the check above
    const req = requestFn(
      url,
      { method: request.method, headers, lookup: pinnedLookup(addresses), agent: false, signal },
      resolve,
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

async function readLimited(
  response: IncomingMessage,
  url: URL,
  max: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => networkError(url, `the answer is larger than the ${max}-byte limit`);
  if (Number(response.headers['content-length']) > max) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  // a copy with an ArrayBuffer of its own (a Buffer may sit in Node's shared pool)
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Fetches a URL a client asked for without letting the client reach what it should not: http(s) only,
 * every address of the host checked against the policy and the connection made to a checked address
 * (no second DNS answer), redirects followed by hand and re-checked at every hop, the answer's size and
 * the whole exchange's time bounded. Refusals are URL_NOT_ALLOWED (403); failures NETWORK_ERROR (502,
 * 504 when out of time); the client going away is ABORTED.
 */
export async function guardedFetch(
  start: URL,
  request: GuardedRequest,
  options: GuardedFetchOptions,
): Promise<GuardedAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let url = start;
  let current = request;
  try {
    for (let redirects = 0; ; redirects++) {
      const addresses = await checkedAddresses(url, options, signal);
      const response = await send(url, addresses, current, signal);
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (!location) throw networkError(url, `HTTP ${status} without a Location`);
        if (redirects >= options.maxRedirects)
          throw networkError(start, `more than ${options.maxRedirects} redirects`);
        url = new URL(location, url);
        // as browsers do: 303, and 301/302 after a POST, continue with a GET
        if (status === 303 || (status <= 302 && current.method === 'POST'))
          current = { method: 'GET', accept: current.accept };
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw networkError(url, `HTTP ${status}`);
      }
      const type = response.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (type && !current.accept.includes(type)) {
        response.destroy();
        throw networkError(url, `unexpected content type ${type}`);
      }
      const body = await readLimited(response, url, options.maxBytes);
      return { body, contentType: type, url: url.href, redirects };
    }
  } catch (error) {
    if (options.signal?.aborted) throw new KysoError('ABORTED', { cause: error });
    if (timeout.aborted)
      throw withHttp(networkError(url, `no complete answer within ${options.timeoutMs} ms`, error), {
        status: 504,
      });
    if (isKysoError(error)) throw error;
    throw networkError(url, describe(error), error);
  }
}
