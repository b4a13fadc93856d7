import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CreateTestPkiOptions, createTestPki } from '../pki/build.js';
import type { TestPki } from '../pki/test-pki.js';
import { type PkiUrls, pkiUrls } from '../pki/urls.js';
import type { CrlOptions } from '../revocation/crl.js';
import type { OcspOptions } from '../revocation/ocsp.js';
import type { TimestampOptions } from '../tsa/timestamp.js';

export type PkiService = 'tsa' | 'ocsp' | 'crl' | 'ca';

/**
 * How a service misbehaves, for tests of clients: `unavailable` answers 503, `reset` drops the
 * connection, `hang` never answers (until the server closes).
 */
export type Outage = 'none' | 'unavailable' | 'reset' | 'hang';

export interface PkiServerOptions {
  /** 0 (an ephemeral port) by default. */
  port?: number;
  /** Loopback only by default; tests never address another host. */
  host?: string;
  /** The responders' clock (genTime, producedAt, thisUpdate); real time by default. */
  clock?: () => Date;
  tsa?: Omit<TimestampOptions, 'now'>;
  ocsp?: Omit<OcspOptions, 'now'>;
  crl?: Omit<CrlOptions, 'now'>;
}

export interface PkiServer {
  readonly pki: TestPki;
  readonly url: string;
  readonly urls: PkiUrls;
  /** Set per service at any time. */
  readonly outage: Record<PkiService, Outage>;
  /** Requests received per service (outages included). */
  readonly requests: Record<PkiService, number>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const MAX_REQUEST = 64 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Uint8Array).length;
    if (size > MAX_REQUEST) throw new HttpError(413, 'request too large');
    chunks.push(chunk as Uint8Array);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function send(res: ServerResponse, status: number, type: string, body: Uint8Array | string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const ROUTE = /^\/(tsa|ocsp|crl|ca)(?:\/([^/]+?)(?:\.(crl|cer))?)?(?:\/(.+))?$/;

async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}

function serve(server: Server, pki: TestPki, url: string, options: PkiServerOptions): PkiServer {
  const clock = options.clock ?? (() => new Date());
  const outage: Record<PkiService, Outage> = { tsa: 'none', ocsp: 'none', crl: 'none', ca: 'none' };
  const requests: Record<PkiService, number> = { tsa: 0, ocsp: 0, crl: 0, ca: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const m = ROUTE.exec(path);
    if (!m) throw new HttpError(404, 'not found');
    const service = m[1] as PkiService;
    const id = m[2] ? decodeURIComponent(m[2]) : undefined;
    requests[service]++;
    switch (outage[service]) {
      case 'unavailable':
        throw new HttpError(503, `${service} is down (test outage)`);
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'none':
        break;
    }
    if (service === 'tsa') {
      if (req.method !== 'POST') throw new HttpError(405, 'POST a timestamp-query');
      send(
        res,
        200,
        'application/timestamp-reply',
        await pki.respondTimestamp(await readBody(req), { ...options.tsa, now: clock() }),
      );
      return;
    }
    if (!id || !pki.has(id)) throw new HttpError(404, 'unknown CA');
    if (service === 'ocsp') {
      // RFC 6960 Appendix A: POST the DER request, or GET it base64-encoded in the path.
      let body: Uint8Array;
      if (req.method === 'POST') body = await readBody(req);
      else if (req.method === 'GET' && m[4])
        body = new Uint8Array(Buffer.from(decodeURIComponent(m[4]), 'base64'));
      else throw new HttpError(405, 'POST an ocsp-request');
      send(
        res,
        200,
        'application/ocsp-response',
        await pki.respondOcsp(body, { ...options.ocsp, now: clock() }),
      );
      return;
    }
    if (req.method !== 'GET') throw new HttpError(405, 'GET only');
    if (service === 'crl' && m[3] === 'crl') {
      send(res, 200, 'application/pkix-crl', await pki.crl(id, { ...options.crl, now: clock() }));
      return;
    }
    if (service === 'ca' && m[3] === 'cer') {
      send(res, 200, 'application/pkix-cert', pki.get(id).certificate);
      return;
    }
    throw new HttpError(404, 'not found');
  };

  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const status = error instanceof HttpError ? error.status : 500;
      send(res, status, 'text/plain; charset=utf-8', error instanceof Error ? error.message : String(error));
    });
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      // The handle is released just after the close callback: resolve on the next loop turn, after libuv has closed it.
      server.close(() => setTimeout(resolve, 0));
      server.closeAllConnections();
    });
    return closing;
  };
  return { pki, url, urls: pkiUrls(url), outage, requests, close, [Symbol.asyncDispose]: close };
}

/**
 * Starts TSA, OCSP, CRL and CA-certificate endpoints on 127.0.0.1 and builds a test PKI whose
 * certificates point at them. `close()` stops everything and leaves no handle open.
 */
export async function startTestPki(
  options: PkiServerOptions & Omit<CreateTestPkiOptions, 'baseUrl'> = {},
): Promise<PkiServer> {
  const server = createServer();
  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const url = `http://${address.address}:${address.port}`;
  try {
    const pki = await createTestPki({ ...options, baseUrl: url });
    return serve(server, pki, url, options);
  } catch (error) {
    server.close();
    throw error;
  }
}

/** Serves an existing PKI (a persisted dev PKI, say) on the port its certificates name. */
export async function servePki(pki: TestPki, options: PkiServerOptions = {}): Promise<PkiServer> {
  const named = pki.urls ? new URL(pki.urls.base) : undefined;
  const port = options.port ?? (named ? Number(named.port) : 0);
  const host = options.host ?? (named ? named.hostname : '127.0.0.1');
  const server = createServer();
  const address = await listen(server, port, host);
  return serve(server, pki, `http://${address.address}:${address.port}`, options);
}
