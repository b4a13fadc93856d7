import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './handler.js';
import { toNodeListener } from './node-listener.js';

/** What the adapter reads of Express's request: Node's, plus the URL before mounting and a parsed body. */
type ExpressRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/**
 * Express 5 middleware serving the handler: `app.use(toExpress(service.handler))`, or under a mount
 * path as long as the service's `basePath` is the same (`app.use('/kyso', …)` with basePath `/kyso`):
 * the handler sees the original URL, and answers every request that reaches it (unknown routes 404).
 * A body already parsed by express.json() or express.raw() is passed on; a form body cannot be.
 */
export function toExpress(
  handler: Handler,
): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const listener = toNodeListener(handler, {
    pathOf: (req) => (req as ExpressRequest).originalUrl ?? req.url ?? '/',
    consumedBody: (req) => {
      const { body } = req as ExpressRequest;
      if (!req.readableEnded || body === undefined) return undefined;
      if (body instanceof Uint8Array) return body;
      return typeof body === 'string' ? body : JSON.stringify(body);
    },
  });
  return (req, res) => listener(req, res);
}
