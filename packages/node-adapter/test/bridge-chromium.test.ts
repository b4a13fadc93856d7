import { constants, createVerify, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@kyso/testkit/node';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEvent,
  createBridge,
  type PairingCode,
  type SigningService,
  toNodeListener,
} from '../src/index.js';
import { BRIDGE_PIN, tokenLikeCredential } from './support/bridge.js';
import { closeServer, listen } from './support/servers.js';

/**
 * The bridge as a browser meets it: Debian's Chromium (through playwright-core) on a page of the
 * agency's web application, served from one 127.0.0.1 port, calls the bridge on another — CORS
 * preflights and all — pairs with the code the official reads off the bridge's console, lists the
 * credentials and signs a hash. A page from an origin not on the bridge's list gets nothing. A third
 * page is made "public" for Chromium (--ip-address-space-overrides), as an agency's site on the
 * Internet is: Local Network Access then asks the user, and without that permission the fetch fails
 * before the bridge sees anything.
 */
const available = existsSync(CHROMIUM_PATH);

/** A web application's server: one empty page, whatever the path. */
async function startPage(title: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1>`);
  });
  return { server, url: await listen(server) };
}

let pki: TestPki;
let browser: Browser;
let app: { server: Server; url: string };
let stranger: { server: Server; url: string };
/** Served on loopback, but public in Chromium's eyes. */
let publicApp: { server: Server; url: string };
let bridgeServer: Server;
let bridge: SigningService;
let bridgeUrl: string;
const codes: PairingCode[] = [];
const audit: AuditEvent[] = [];
/** What reached the bridge, as Chromium sent it. */
const received: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  if (!available) return;
  pki = await createTestPki({ include: ['lanh-dao-phong'] });
  app = await startPage('Quản lý văn bản');
  stranger = await startPage('Trang khác');
  publicApp = await startPage('Cổng dịch vụ công');
  // built by hand rather than with serveBridge, to record the requests as they arrive
  let listener: ReturnType<typeof toNodeListener> | undefined;
  bridgeServer = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    listener!(req, res);
  });
  bridgeUrl = await listen(bridgeServer);
  bridge = createBridge({
    port: (bridgeServer.address() as AddressInfo).port,
    allowOrigins: [app.url, publicApp.url],
    onPairingCode: (pairing) => codes.push(pairing),
    audit: (event) => {
      audit.push(event);
    },
    credentials: [await tokenLikeCredential(pki, 'lanh-dao-phong')],
  });
  listener = toNodeListener(bridge.handler);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--ip-address-space-overrides=${new URL(publicApp.url).host}=public`],
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const server of [app?.server, stranger?.server, publicApp?.server, bridgeServer])
    if (server) await closeServer(server);
  await bridge?.close({ timeoutMs: 1000 });
});

async function open(url: string, grantLocalNetworkAccess = false): Promise<Page> {
  const context = await browser.newContext();
  if (grantLocalNetworkAccess) await context.grantPermissions(['local-network-access'], { origin: url });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** A JSON POST from the page, as its own script would make it; a fetch that fails returns its error. */
function pagePost(page: Page, url: string, body: unknown, token?: string) {
  return page.evaluate(
    async ({ url, body, token }) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        });
        return { status: response.status, json: (await response.json()) as Record<string, unknown> };
      } catch (error) {
        return { error: { name: (error as Error).name, message: (error as Error).message } };
      }
    },
    { url, body, token },
  );
}

describe.skipIf(!available && process.env.CI !== 'true')('the bridge from Chromium', () => {
  it('pairs a page of the allowed origin, lists credentials and signs a hash', async () => {
    const page = await open(app.url);
    const asked = await pagePost(page, `${bridgeUrl}/bridge/pair`, {});
    expect(asked).toEqual({ status: 202, json: { status: 'code_shown', expires_in: 120 } });
    // the official reads the code off the bridge's console and types it into the page
    const code = codes.at(-1)!;
    expect(code.origin).toBe(app.url);
    const paired = await pagePost(page, `${bridgeUrl}/bridge/pair`, { code: code.code });
    expect(paired.status, JSON.stringify(paired)).toBe(200);
    const token = paired.json!['access_token'] as string;

    const list = await pagePost(page, `${bridgeUrl}/csc/v2/credentials/list`, { credInfo: true }, token);
    expect(list.status, JSON.stringify(list)).toBe(200);
    expect(list.json!['credentialIDs']).toEqual(['lanh-dao-phong']);

    const digest = await page.evaluate(async () => {
      const bytes = new Uint8Array(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode('Công văn số 12/UBND')),
      );
      return btoa(String.fromCharCode(...bytes));
    });
    const authorized = await pagePost(
      page,
      `${bridgeUrl}/csc/v2/credentials/authorize`,
      {
        credentialID: 'lanh-dao-phong',
        numSignatures: 1,
        hashes: [digest],
        hashAlgorithmOID: '2.16.840.1.101.3.4.2.1',
        PIN: BRIDGE_PIN,
      },
      token,
    );
    expect(authorized.status, JSON.stringify(authorized)).toBe(200);
    const signed = await pagePost(
      page,
      `${bridgeUrl}/csc/v2/signatures/signHash`,
      {
        credentialID: 'lanh-dao-phong',
        SAD: authorized.json!['SAD'],
        hashes: [digest],
        signAlgo: '1.2.840.113549.1.1.11',
      },
      token,
    );
    expect(signed.status, JSON.stringify(signed)).toBe(200);
    const [signature] = signed.json!['signatures'] as string[];
    const verifier = createVerify('sha256');
    verifier.update('Công văn số 12/UBND');
    const key = new X509Certificate(pki.get('lanh-dao-phong').certificate).publicKey;
    expect(
      verifier.verify({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(signature!, 'base64')),
    ).toBe(true);

    // what Chromium sent: preflights for the JSON and bearer requests, the page's Origin, the bridge's Host
    const preflights = received.filter((r) => r.method === 'OPTIONS');
    expect(preflights.length).toBeGreaterThan(0);
    for (const r of received) {
      expect(r.headers.origin).toBe(app.url);
      expect(r.headers.host).toBe(new URL(bridgeUrl).host);
    }
    // loopback to loopback: no Private Network Access preflight header is expected
    console.log(
      `[chromium] ${received.length} requests (${preflights.length} preflights); ` +
        `Access-Control-Request-Private-Network seen: ${preflights.some((r) => r.headers['access-control-request-private-network'] !== undefined)}`,
    );
    await page.context().close();
  });

  it('gives a page of another origin nothing: fetch fails with a TypeError, no code is shown', async () => {
    const page = await open(stranger.url);
    const before = codes.length;
    const viaJson = await pagePost(page, `${bridgeUrl}/bridge/pair`, {});
    expect(viaJson).toEqual({ error: { name: 'TypeError', message: 'Failed to fetch' } });
    // a "simple" request (no preflight) reaches the bridge, which refuses it before any work
    const simple = await page.evaluate(async (url) => {
      try {
        await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
        return 'read';
      } catch (error) {
        return (error as Error).name;
      }
    }, `${bridgeUrl}/bridge/pair`);
    expect(simple).toBe('TypeError');
    expect(codes.length).toBe(before);
    const refused = audit.filter((e) => e.action === 'bridge/refused' && e.origin === stranger.url);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((e) => e.status === 403 && e.code === 'ORIGIN_NOT_ALLOWED')).toBe(true);
    await page.context().close();
  });

  it('from a public page, fails with a TypeError unless the user allowed local network access', async () => {
    const reached = () => received.filter((r) => r.headers.origin === publicApp.url).length;
    const denied = await open(publicApp.url);
    expect(await pagePost(denied, `${bridgeUrl}/bridge/pair`, {})).toEqual({
      error: { name: 'TypeError', message: 'Failed to fetch' },
    });
    // Chromium stopped it before it left: the bridge saw nothing (not even a preflight)
    expect(reached()).toBe(0);
    await denied.context().close();

    const allowed = await open(publicApp.url, true);
    const asked = await pagePost(allowed, `${bridgeUrl}/bridge/pair`, {});
    expect(asked).toMatchObject({ status: 202 });
    expect(codes.at(-1)!.origin).toBe(publicApp.url);
    expect(reached()).toBeGreaterThan(0);
    console.log(
      `[chromium] public page with local-network-access granted: Access-Control-Request-Private-Network seen: ${received.some(
        (r) =>
          r.headers.origin === publicApp.url &&
          r.headers['access-control-request-private-network'] !== undefined,
      )}`,
    );
    await allowed.context().close();
  });
});
