import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a fake CSC service saw: tests assert on it (the bearer token, only digests in the bodies…). */
export interface SeenRequest {
  path: string;
  authorization: string | undefined;
  /** The raw body text, so a test can check nothing but the expected fields travelled. */
  text: string;
  body: Record<string, unknown>;
}

export type Answer = { status: number; body?: unknown } | 'hang';
export type Handler = (path: string, body: Record<string, unknown>, headers: IncomingHttpHeaders) => Answer;

export interface JsonServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A JSON-over-POST server on 127.0.0.1 and an ephemeral port; 'hang' never answers (for timeouts and aborts). */
export async function startJsonServer(handler: Handler): Promise<JsonServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_request', error_description: 'body is not JSON' }));
        return;
      }
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requests.push({ path, authorization: req.headers.authorization, text, body });
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      const answer = handler(path, body, req.headers);
      if (answer === 'hang') return;
      if (answer.body === undefined) res.writeHead(answer.status).end();
      else {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
