import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningService } from '../service/service.js';
import { toNodeListener } from './node-listener.js';

export interface ServeOptions {
  /** 0 (any free port) by default. */
  port?: number;
  /** 127.0.0.1 by default: exposing the service on other interfaces is a deliberate choice. */
  host?: string;
  /** Aborting it shuts the server down gracefully. */
  signal?: AbortSignal;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /**
   * Graceful shutdown: stops accepting connections, lets requests in flight finish (and their
   * responses stream out) for up to `timeoutMs` (30 s by default), then cuts what is left and closes
   * the service (credentials, store).
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

/** Serves a SigningService on node:http. */
export function serve(service: SigningService, options: ServeOptions = {}): Promise<RunningServer> {
  return serveOnceBound(() => service, options);
}

/**
 * Serves the service `make` builds once the server is bound, for services that must know the
 * address they answer on (the local bridge checks Host headers against its port). Requests that
 * arrive before it is made wait for it.
 */
export async function serveOnceBound(
  make: (address: AddressInfo) => SigningService,
  options: ServeOptions = {},
): Promise<RunningServer> {
  let ready!: (listener: ReturnType<typeof toNodeListener>) => void;
  const listener = new Promise<ReturnType<typeof toNodeListener>>((resolve) => {
    ready = resolve;
  });
  const server = createServer((req, res) => {
    void listener.then((serveRequest) => serveRequest(req, res));
  });
  // keep-alive sockets must not outlive a shutdown by minutes
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let service: SigningService;
  try {
    service = make(address);
  } catch (error) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    throw error;
  }
  ready(toNodeListener(service.handler));
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  const close = ({ timeoutMs = 30_000 }: { timeoutMs?: number } = {}) => {
    closing ??= (async () => {
      const deadline = Date.now() + timeoutMs;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await service.drain({ timeoutMs });
      const left = Math.max(0, deadline - Date.now());
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        stopped,
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, left);
        }),
      ]);
      clearTimeout(timer);
      await stopped;
      await service.close({ timeoutMs: 0 });
    })();
    return closing;
  };
  if (options.signal) {
    if (options.signal.aborted) await close();
    else options.signal.addEventListener('abort', () => void close(), { once: true });
  }
  return { url: `http://${host}:${address.port}`, close };
}
