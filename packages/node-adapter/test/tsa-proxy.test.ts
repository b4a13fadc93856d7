import { createServer } from 'node:http';
import {
  buildTimestampRequest,
  checkTimestampToken,
  isKysoError,
  parseTimestampResponse,
  requestTimestamp,
  resolveProvider,
} from '@kyso/core';
import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerTokens, createSigningService } from '../src/index.js';
import { kysoCode, sha256 } from './support/csc-calls.js';
import { closeServer, listen, startService, type TestService } from './support/servers.js';

const TOKEN = 'tok-browser-7f3a9c';
const TSA_SECRET = 'Basic dHNhLXVzZXI6dHNhLXNlY3JldC05OTE=';
const provider = resolveProvider();
let pki: PkiServer;
let svc: TestService;
/** Headers the TSA received, as the service sent them. */
const upstreamHeaders: Headers[] = [];

function query(text = 'document'): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(
    buildTimestampRequest({ hash: 'SHA-256', digest: new Uint8Array(sha256(text)) }).der,
  );
}

async function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return fetch(`${svc.url}/kyso${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/timestamp-query', ...headers },
    body,
  });
}

beforeAll(async () => {
  pki = await startTestPki({ include: ['tsa'] });
  svc = await startService({
    basePath: '/kyso',
    authorize: bearerTokens({ [TOKEN]: 'browser' }),
    tsaProxy: {
      tsas: {
        testkit: {
          url: pki.urls.tsa,
          headers: { authorization: TSA_SECRET },
          // to see what reaches the TSA
          fetch: async (input, init) => {
            upstreamHeaders.push(new Headers(init?.headers));
            return fetch(input, init);
          },
        },
        stalled: { url: `${pki.urls.base}/tsa`, timeoutMs: 300 },
      },
      maxRequestBytes: 4096,
    },
  });
});
afterAll(async () => {
  await svc?.close();
  await pki?.close();
});

describe('the RFC 3161 proxy', () => {
  it('forwards a time-stamp query to the configured TSA and streams back a reply that verifies', async () => {
    const before = pki.requests.tsa;
    // core's own TSA client, pointed at the proxy: nonce, imprint, signature and TSA certificate checked
    const stamp = await requestTimestamp('SHA-256', new Uint8Array(sha256('page 1')), {
      url: `${svc.url}/kyso/tsa`,
      headers: { authorization: `Bearer ${TOKEN}` },
      provider,
    });
    expect(stamp.check.indication).toBe('TOTAL_PASSED');
    expect(pki.requests.tsa).toBe(before + 1);

    // and by name, checked by hand
    const request = buildTimestampRequest({ hash: 'SHA-256', digest: new Uint8Array(sha256('page 2')) });
    const res = await post('/tsa/testkit', Uint8Array.from(request.der));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/timestamp-reply');
    const reply = parseTimestampResponse(new Uint8Array(await res.arrayBuffer()));
    expect(reply.status).toBe(0);
    const check = await checkTimestampToken(reply.token!, {
      messageImprint: async () => new Uint8Array(sha256('page 2')),
      nonce: request.nonce!,
      provider,
    });
    expect(check.indication).toBe('TOTAL_PASSED');
    expect(check.tsaCertificate?.serialHex).toBe(pki.pki.tsa().serialNumberHex);
  });

  it('adds the TSA credentials on the server and passes none of the client’s headers on', async () => {
    upstreamHeaders.length = 0;
    expect((await post('/tsa/testkit', query(), { cookie: 'session=abc' })).status).toBe(200);
    const sent = upstreamHeaders.at(-1)!;
    expect(sent.get('authorization')).toBe(TSA_SECRET);
    expect(sent.get('cookie')).toBeNull();
    expect(sent.get('content-type')).toBe('application/timestamp-query');
  });

  it('refuses a TSA that is not configured, without contacting anything', async () => {
    const before = pki.requests.tsa;
    for (const path of ['/tsa/other', `/tsa/${encodeURIComponent('http://127.0.0.1:1/tsa')}`]) {
      const res = await post(path, query());
      expect(res.status, path).toBe(404);
      expect(kysoCode((await res.json()) as Record<string, unknown>)).toBe('INVALID_INPUT');
    }
    expect(pki.requests.tsa).toBe(before);
  });

  it('refuses an oversized body (413), a body that is not a TimeStampReq (400), another media type (415)', async () => {
    const before = pki.requests.tsa;
    const big = await post('/tsa', new Uint8Array(64 * 1024));
    expect(big.status).toBe(413);
    expect(kysoCode((await big.json()) as Record<string, unknown>)).toBe('REQUEST_TOO_LARGE');
    // a DER SEQUENCE, but not a time-stamp query
    const other = await post('/tsa', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]));
    expect(other.status).toBe(400);
    expect(kysoCode((await other.json()) as Record<string, unknown>)).toBe('INVALID_INPUT');
    // BER where DER is required: the query's outer length in long form
    const der = query();
    const ber = new Uint8Array([0x30, 0x81, der[1]!, ...der.subarray(2)]);
    expect((await post('/tsa', ber)).status).toBe(400);
    const json = await post('/tsa', '{"url":"http://10.0.0.1/"}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(pki.requests.tsa).toBe(before);
  });

  it('asks for authentication through the authorize hook', async () => {
    const res = await fetch(`${svc.url}/kyso/tsa`, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: query(),
    });
    expect(res.status).toBe(401);
    expect(kysoCode((await res.json()) as Record<string, unknown>)).toBe('NOT_AUTHENTICATED');
  });

  it('gives up on a TSA that does not answer in time (504) and on one that fails (502)', async () => {
    pki.outage.tsa = 'hang';
    try {
      const started = Date.now();
      const res = await post('/tsa/stalled', query());
      expect(res.status).toBe(504);
      expect(kysoCode((await res.json()) as Record<string, unknown>)).toBe('NETWORK_ERROR');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      pki.outage.tsa = 'none';
    }
    pki.outage.tsa = 'unavailable';
    try {
      const res = await post('/tsa/testkit', query());
      expect(res.status).toBe(502);
      expect(kysoCode((await res.json()) as Record<string, unknown>)).toBe('TIMESTAMP_REFUSED');
    } finally {
      pki.outage.tsa = 'none';
    }
  });

  it('cuts a reply over the size limit', async () => {
    // a TSA that answers with more than the limit, without declaring a length
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
      res.write(new Uint8Array(40 * 1024));
      res.end(new Uint8Array(40 * 1024));
    });
    const url = await listen(server);
    const small = createSigningService({
      authorize: bearerTokens({ [TOKEN]: 'browser' }),
      tsaProxy: { tsas: { big: { url } }, maxResponseBytes: 16 * 1024 },
    });
    try {
      const res = await small.handler(
        new Request('http://service/tsa', {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/timestamp-query' },
          body: query(),
        }),
      );
      expect(res.status).toBe(200);
      const error = await res.arrayBuffer().catch((e: unknown) => e);
      expect(isKysoError(error, 'NETWORK_ERROR')).toBe(true);
    } finally {
      await small.close();
      await closeServer(server);
    }
  });

  it('leaves audit lines naming the TSA, without the token or the TSA credentials', () => {
    const lines = svc.lines.join('');
    expect(svc.audit.some((e) => e.action === 'tsa' && e.outcome === 'ok' && e.tsa === 'testkit')).toBe(true);
    expect(
      svc.audit.some((e) => e.action === 'tsa' && e.status === 413 && e.code === 'REQUEST_TOO_LARGE'),
    ).toBe(true);
    expect(lines).not.toContain(TOKEN);
    expect(lines).not.toContain(TSA_SECRET);
    expect(lines).not.toContain(pki.urls.tsa);
  });

  it('checks its configuration when the service is made', () => {
    expect(() => createSigningService({ tsaProxy: { tsas: {} } })).toThrow(/no TSA/);
    expect(() => createSigningService({ tsaProxy: { tsas: { a: { url: 'ftp://x/' } } } })).toThrow(/http/);
    expect(() =>
      createSigningService({ tsaProxy: { tsas: { a: { url: 'http://x/' } }, default: 'b' } }),
    ).toThrow(/default/);
  });
});
