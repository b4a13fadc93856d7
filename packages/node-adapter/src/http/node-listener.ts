import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './handler.js';

export interface NodeListenerOptions {
  /** The path and query the handler sees; `req.url` by default (Express passes `originalUrl`). */
  pathOf?: (req: IncomingMessage) => string;
  /**
   * A body some middleware has already consumed (e.g. a global express.json()): given here it is
   * passed on instead of the exhausted stream.
   */
  consumedBody?: (req: IncomingMessage) => Uint8Array | string | undefined;
}

/**
 * The request body as a web stream, with backpressure. Cancelling it (a refusal before the whole body
 * came, e.g. 413) discards the rest instead of erroring: the response then closes the connection.
 * (Node 20's Readable.toWeb throws on data arriving after a cancel.)
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!cancelled) controller.close();
      });
      req.on('error', (error) => {
        if (!cancelled) controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.resume();
    },
  });
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * Adapts a Fetch-API handler to `node:http`, streaming both bodies with backpressure. A client that
 * goes away aborts the request's signal (so queued or running work stops). After a refusal the server
 * did not read the body for (413, 429…), the connection is closed rather than drained.
 */
export function toNodeListener(
  handler: Handler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let url: URL;
    try {
      url = new URL(options.pathOf?.(req) ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      // a Host header no URL can hold ("a b"): thrown here, it would end the process
      res.writeHead(400, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"error":"invalid_request","error_description":"Bad Host header or request target"}');
      return;
    }
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const consumed = hasBody ? options.consumedBody?.(req) : undefined;
    const headers = headersOf(req);
    if (consumed !== undefined) {
      headers.delete('content-length');
      headers.delete('transfer-encoding');
    }
    const body =
      consumed !== undefined ? { body: consumed } : hasBody ? { body: bodyOf(req), duplex: 'half' } : {};
    const request = new Request(url, {
      method: req.method ?? 'GET',
      headers,
      signal: controller.signal,
      ...body,
    } as RequestInit);
    handler(request)
      .then(async (response) => {
        const out = Object.fromEntries(response.headers);
        if (hasBody && !req.readableEnded && consumed === undefined) out['connection'] = 'close';
        res.writeHead(response.status, out);
        if (!response.body || req.method === 'HEAD') {
          res.end();
          return;
        }
        for await (const chunk of response.body) {
          if (res.destroyed) break;
          if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
        }
        res.end();
      })
      .catch(() => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json', connection: 'close' });
          res.end('{"error":"server_error","error_description":"Internal error"}');
        } else res.destroy();
      });
  };
}
