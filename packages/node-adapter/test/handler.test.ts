import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isKysoError, kysoErrorFromJSON } from '@kyso/core';
import { describe, expect, it } from 'vitest';
import { createHandler, toNodeListener } from '../src/index.js';

describe('the Fetch-API handler', () => {
  const handler = createHandler({ basePath: '/kyso/', version: '1.2.3' });

  it('answers /health under the base path', async () => {
    const res = await handler(new Request('http://x/kyso/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '1.2.3' });
  });

  it('answers unknown routes and methods with typed JSON errors a client can rebuild', async () => {
    const outside = await handler(new Request('http://x/other/health'));
    expect(outside.status).toBe(404);
    const wrong = await handler(new Request('http://x/kyso/health', { method: 'POST', body: 'x' }));
    expect(wrong.status).toBe(405);
    const body = (await wrong.json()) as { error: string; kyso: unknown };
    expect(body.error).toBe('invalid_request');
    const rebuilt = kysoErrorFromJSON(body.kyso, 'vi');
    expect(isKysoError(rebuilt, 'USAGE')).toBe(true);
    expect(rebuilt.message).toContain('Cách dùng không hợp lệ');
  });
});

describe('the node:http adapter', () => {
  it('serves the handler on 127.0.0.1 and closes cleanly', async () => {
    const server = createServer(toNodeListener(createHandler({ basePath: '/kyso' })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/kyso/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(await res.json()).toEqual({ status: 'ok' });
      const missing = await fetch(`http://127.0.0.1:${port}/kyso/nope`, { method: 'POST', body: 'data' });
      expect(missing.status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
