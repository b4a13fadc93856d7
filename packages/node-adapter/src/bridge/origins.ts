import { KysoError } from '@kyso/core';
import { withHttp } from '../http/error-response.js';

/** An allowlist entry as the origin a browser sends (`https://app.example`, no path, default port dropped). */
export function normalizeOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new KysoError('USAGE', { params: { detail: `allowed origin is not a URL: ${value}` } });
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    throw new KysoError('USAGE', {
      params: { detail: `allowed origin must be http(s) without credentials: ${value}` },
    });
  return url.origin;
}

/**
 * The Host headers a request to the bridge may carry: its loopback names with its port. Any other
 * (a DNS name that rebinds to 127.0.0.1, above all) means the browser thinks it talks to another site.
 */
export function loopbackHosts(port: number): ReadonlySet<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const hosts = names.map((name) => `${name}:${port}`);
  // browsers leave the default port out
  if (port === 80) hosts.push(...names);
  return new Set(hosts);
}

const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

export function refused(status: 403 | 421, detail: string): KysoError {
  return withHttp(new KysoError('ORIGIN_NOT_ALLOWED', { params: { detail } }), {
    status,
    error: status === 421 ? 'invalid_request' : 'access_denied',
  });
}

/** The Host header, when it is one of `hosts`; ORIGIN_NOT_ALLOWED (421 Misdirected Request) otherwise. */
export function checkHost(request: Request, hosts: ReadonlySet<string>): string {
  const host = (request.headers.get('host') ?? '').toLowerCase();
  if (!hosts.has(host))
    throw refused(
      421,
      `the Host header "${clip(host)}" is not this bridge's address (127.0.0.1 or localhost)`,
    );
  return host;
}

/** The request's Origin, when it is on the allowlist; ORIGIN_NOT_ALLOWED (403) otherwise, or without one. */
export function checkOrigin(request: Request, allowed: ReadonlySet<string>): string {
  const origin = request.headers.get('origin');
  if (origin === null)
    throw refused(403, 'the request has no Origin header (only web pages may use the bridge)');
  if (!allowed.has(origin))
    throw refused(403, `the origin ${clip(origin)} is not on the bridge's list (--allow-origin)`);
  return origin;
}
