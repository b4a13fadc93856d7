import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './servers.js';

export interface StubServer {
  /** e.g. `http://127.0.0.1:40123` (IPv6 hosts in brackets). */
  url: string;
  /** Requests received, as `METHOD path`. */
  seen: string[];
  close(): Promise<void>;
}

/** A plain HTTP server on `host` (127.0.0.1 by default) answering with `handle`, for misbehaving upstreams. */
export async function stubServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
  host = '127.0.0.1',
): Promise<StubServer> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    seen,
    close: () => closeServer(server),
  };
}
