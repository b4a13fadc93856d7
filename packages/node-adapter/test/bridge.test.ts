import { constants, createVerify, X509Certificate } from 'node:crypto';
import { CscSigner, isKysoError, KysoError } from '@kyso/core';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridge, MemoryStore, type StateStore, serveBridge } from '../src/index.js';
import {
  BRIDGE_PIN,
  corsHeaders,
  type RawResponse,
  raw,
  startBridge,
  type TestBridge,
  tokenLikeCredential,
} from './support/bridge.js';
import { b64, kysoCode, SHA256_OID, SHA256_WITH_RSA, sha256 } from './support/csc-calls.js';

const APP = 'https://eoffice.example.gov.vn';
const OTHER_APP = 'http://127.0.0.1:5173';
const EVIL = 'https://evil.example';
let pki: TestPki;
let bridge: TestBridge;

beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong'] });
  bridge = await startBridge({
    allowOrigins: [`${APP}/some/path`, OTHER_APP],
    credentials: [await tokenLikeCredential(pki, 'lanh-dao-phong')],
    pdf: { revocation: { mode: 'off' } },
  });
});
afterAll(async () => {
  await bridge?.close();
});

const post = (path: string, origin: string | undefined, body: unknown, token?: string) =>
  raw(bridge.url, path, {
    body,
    headers: {
      ...(origin ? { origin } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });

/** Pairs `origin` the way a page does: ask for a code, read it off the official's console, send it back. */
async function pair(origin = APP): Promise<string> {
  const asked = await post('/bridge/pair', origin, {});
  expect(asked.status, asked.text).toBe(202);
  const shown = bridge.codes.at(-1)!;
  expect(shown.origin).toBe(origin);
  const paired = await post('/bridge/pair', origin, { code: shown.code });
  expect(paired.status, paired.text).toBe(200);
  return paired.json['access_token'] as string;
}

const code = (r: RawResponse) => kysoCode(r.json);

describe('the local bridge: Host, Origin and CORS before any work', () => {
  it('refuses a forged Host (DNS rebinding) with 421, even with an allowed origin and a valid token', async () => {
    const token = await pair();
    for (const host of [
      `evil.example:${bridge.port}`,
      `127.0.0.1.nip.io:${bridge.port}`,
      `127.0.0.1:${bridge.port + 1}`,
      '127.0.0.1',
      `localhost.:${bridge.port}`,
    ]) {
      const r = await raw(bridge.url, '/csc/v2/credentials/list', {
        body: {},
        headers: { host, origin: APP, authorization: `Bearer ${token}` },
      });
      expect([r.status, code(r)], host).toEqual([421, 'ORIGIN_NOT_ALLOWED']);
      expect(corsHeaders(r), host).toEqual([]);
    }
    // the loopback names with the bridge's port are its own
    for (const host of [`127.0.0.1:${bridge.port}`, `localhost:${bridge.port}`, `[::1]:${bridge.port}`]) {
      const r = await raw(bridge.url, '/health', { headers: { host, origin: APP } });
      expect(r.status, host).toBe(200);
    }
    // a Host no URL can hold is a 400 from the node:http adapter (it used to end the process)
    const broken = await raw(bridge.url, '/health', { headers: { host: 'a b', origin: APP } });
    expect(broken.status).toBe(400);
    expect((await raw(bridge.url, '/health', { headers: { origin: APP } })).status).toBe(200);
    const refused = bridge.audit.filter((e) => e.action === 'bridge/refused' && e.status === 421);
    expect(refused.map((e) => e.host)).toContain(`evil.example:${bridge.port}`);
  });

  it('refuses a request without Origin or from an origin not on the list, without CORS headers', async () => {
    const none = await raw(bridge.url, '/csc/v2/info', { body: {} });
    expect([none.status, code(none)]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    for (const origin of [
      EVIL,
      'null',
      `${APP}:8443`,
      'http://eoffice.example.gov.vn',
      'http://localhost:5173',
    ]) {
      const r = await raw(bridge.url, '/csc/v2/info', { body: {}, headers: { origin } });
      expect([r.status, code(r)], origin).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
      expect(corsHeaders(r), origin).toEqual([]);
      // nothing is done for them: not even a pairing code
      const pairing = await raw(bridge.url, '/bridge/pair', { body: {}, headers: { origin } });
      expect(pairing.status).toBe(403);
    }
    expect(bridge.codes.every((c) => c.origin === APP || c.origin === OTHER_APP)).toBe(true);
    // an allowed origin (the list's path ignored) reads the answer, and caches are told it varies
    const ok = await raw(bridge.url, '/csc/v2/info', { body: {}, headers: { origin: APP } });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe(APP);
    expect(ok.headers['vary']).toBe('Origin');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers preflights, Private Network Access included, for allowed origins only', async () => {
    const preflight = (origin: string, pna: boolean) =>
      raw(bridge.url, '/csc/v2/signatures/signHash', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
          ...(pna ? { 'access-control-request-private-network': 'true' } : {}),
        },
      });
    const ok = await preflight(APP, true);
    expect(ok.status).toBe(204);
    expect(ok.headers).toMatchObject({
      'access-control-allow-origin': APP,
      'access-control-allow-private-network': 'true',
      'access-control-allow-methods': 'GET, POST',
    });
    expect(ok.headers['access-control-allow-headers']).toContain('authorization');
    expect(ok.headers['access-control-allow-headers']).toContain('content-type');
    expect(ok.headers['vary']).toContain('Origin');
    expect(ok.headers['vary']).toContain('Access-Control-Request-Private-Network');
    const withoutPna = await preflight(APP, false);
    expect(withoutPna.status).toBe(204);
    expect(withoutPna.headers['access-control-allow-private-network']).toBeUndefined();
    const evil = await preflight(EVIL, true);
    expect(evil.status).toBe(403);
    expect(corsHeaders(evil)).toEqual([]);
  });
});

describe('the local bridge: pairing', () => {
  it('needs a pairing: CSC calls without a token, or with a made-up one, are 401', async () => {
    const none = await post('/csc/v2/credentials/list', APP, {});
    expect([none.status, code(none)]).toEqual([401, 'NOT_AUTHENTICATED']);
    expect(none.headers['access-control-allow-origin']).toBe(APP);
    const madeUp = await post('/csc/v2/credentials/list', APP, {}, 'A'.repeat(43));
    expect([madeUp.status, code(madeUp)]).toEqual([401, 'NOT_AUTHENTICATED']);
  });

  it('refuses a wrong code, gives a token for the right one once, bound to the origin', async () => {
    const asked = await post('/bridge/pair', APP, {});
    expect(asked.json).toEqual({ status: 'code_shown', expires_in: 120 });
    const shown = bridge.codes.at(-1)!;
    expect(shown.code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(shown.expiresAt.getTime()).toBeGreaterThan(Date.now());
    // the page never sees the code
    expect(asked.text).not.toContain(shown.code.slice(0, 4));

    const wrong = await post('/bridge/pair', APP, {
      code: shown.code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA',
    });
    expect([wrong.status, code(wrong)]).toEqual([400, 'PAIRING_CODE_INCORRECT']);
    expect((wrong.json['kyso'] as { params: Record<string, unknown> }).params['attemptsLeft']).toBe(2);
    // another allowed origin cannot use the code shown for this one
    const elsewhere = await post('/bridge/pair', OTHER_APP, { code: shown.code });
    expect(code(elsewhere)).toBe('PAIRING_CODE_INCORRECT');

    // typed in lower case, without the dash: still the code
    const right = await post('/bridge/pair', APP, { code: shown.code.replace('-', ' ').toLowerCase() });
    expect(right.status, right.text).toBe(200);
    expect(right.json).toMatchObject({ token_type: 'Bearer', expires_in: 8 * 3600 });
    const token = right.json['access_token'] as string;
    expect(token).toMatch(/^[\w-]{43}$/);
    // used once
    expect(code(await post('/bridge/pair', APP, { code: shown.code }))).toBe('PAIRING_CODE_INCORRECT');

    const list = await post('/csc/v2/credentials/list', APP, {}, token);
    expect(list.status, list.text).toBe(200);
    expect(list.json['credentialIDs']).toEqual(['lanh-dao-phong']);
    // the same token from another allowed origin is not a pairing of that origin
    const stolen = await post('/csc/v2/credentials/list', OTHER_APP, {}, token);
    expect([stolen.status, code(stolen)]).toEqual([401, 'NOT_AUTHENTICATED']);

    // unpairing ends it
    expect((await post('/bridge/unpair', APP, {}, token)).status).toBe(204);
    expect((await post('/csc/v2/credentials/list', APP, {}, token)).status).toBe(401);
  });

  it('voids a code after three wrong tries, and limits pairing requests per origin', async () => {
    await post('/bridge/pair', OTHER_APP, {});
    const shown = bridge.codes.at(-1)!;
    const attempts = [];
    for (const guess of ['2222-2222', '3333-3333', 'not a code']) {
      const r = await post('/bridge/pair', OTHER_APP, { code: guess });
      attempts.push((r.json['kyso'] as { params: Record<string, unknown> }).params['attemptsLeft']);
    }
    expect(attempts).toEqual([2, 1, 0]);
    // the right code no longer works: the official must ask for a new one
    expect(code(await post('/bridge/pair', OTHER_APP, { code: shown.code }))).toBe('PAIRING_CODE_INCORRECT');

    const limited = await startBridge({
      allowOrigins: [APP],
      credentials: [],
      pairing: { rate: { requests: 4, windowMs: 60_000 } },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await raw(limited.url, '/bridge/pair', {
          body: i % 2 ? { code: 'ABCD-EFGH' } : {},
          headers: { origin: APP },
        });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([202, 400, 202, 400, 429, 429]);
      expect(limited.codes).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });
});

describe('the local bridge: signing', () => {
  it('signs through core CscSigner with the page origin, and logs no PIN, SAD, token or code', async () => {
    const token = await pair();
    const seen: string[] = [];
    const pageFetch: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('origin', APP);
      const response = await fetch(input, { ...init, headers });
      seen.push(await response.clone().text());
      return response;
    };
    const signer = new CscSigner({
      baseUrl: bridge.url,
      credentialId: 'lanh-dao-phong',
      accessToken: token,
      pin: async () => BRIDGE_PIN,
      fetch: pageFetch,
    });
    const digest = new Uint8Array(sha256('công văn 12/UBND'));
    const value = await signer.sign({ digest, hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' });
    const certificate = new X509Certificate(pki.get('lanh-dao-phong').certificate);
    expect(certificate.publicKey.asymmetricKeyType).toBe('rsa');
    expect(value.length).toBe(256);

    // a wrong PIN is refused by the key, typed back to the page
    const wrongPin = new CscSigner({
      baseUrl: bridge.url,
      credentialId: 'lanh-dao-phong',
      accessToken: token,
      pin: async () => '000000',
      fetch: pageFetch,
    });
    const refused = await wrongPin
      .sign({ digest, hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' })
      .catch((e: unknown) => e);
    expect(isKysoError(refused, 'PIN_INCORRECT')).toBe(true);

    // a raw authorize + signHash, to hold the SAD
    const authorized = await post(
      '/csc/v2/credentials/authorize',
      APP,
      {
        credentialID: 'lanh-dao-phong',
        numSignatures: 1,
        hashes: [b64(digest)],
        hashAlgorithmOID: SHA256_OID,
        PIN: BRIDGE_PIN,
      },
      token,
    );
    const sad = authorized.json['SAD'] as string;
    expect(sad).toMatch(/^[\w-]{20,}$/);
    const signed = await post(
      '/csc/v2/signatures/signHash',
      APP,
      { credentialID: 'lanh-dao-phong', SAD: sad, hashes: [b64(digest)], signAlgo: SHA256_WITH_RSA },
      token,
    );
    expect(signed.status, signed.text).toBe(200);
    const [signature] = signed.json['signatures'] as string[];
    const verifier = createVerify('sha256');
    verifier.update('công văn 12/UBND');
    expect(
      verifier.verify(
        { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(signature!, 'base64'),
      ),
    ).toBe(true);

    // the audit speaks of what happened, by origin, and of nothing secret
    const actions = bridge.audit.filter((e) => e.principal === APP).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['bridge/pair', 'credentials/authorize', 'signatures/signHash']),
    );
    const codes = bridge.codes.map((c) => c.code);
    const secrets = [BRIDGE_PIN, '000000', sad, token, ...codes, ...codes.map((c) => c.replace('-', ''))];
    const logged = bridge.logs.join('\n');
    expect(logged.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logged).not.toContain(secret);
    // (they did cross the wire: the SAD CscSigner used came back in an answer)
    expect(seen.join('\n')).toContain('"SAD"');
  });
});

describe('the local bridge: a page that cannot reach it', () => {
  /** The README's helper, as a page would carry it. */
  function bridgeError(error: unknown, url: string): unknown {
    const cause = isKysoError(error, 'NETWORK_ERROR') ? error.cause : error;
    return cause instanceof TypeError
      ? new KysoError('BRIDGE_UNREACHABLE', { params: { url }, cause: error, lang: 'vi' })
      : error;
  }

  it('sees a TypeError from fetch (refused by the browser, or no bridge) as BRIDGE_UNREACHABLE', async () => {
    const blocked: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const signer = new CscSigner({
      baseUrl: 'http://127.0.0.1:8789',
      credentialId: 'token',
      accessToken: 'x',
      fetch: blocked,
    });
    const error = await signer.certificates().catch((e: unknown) => e);
    expect(isKysoError(error, 'NETWORK_ERROR')).toBe(true);
    const shown = bridgeError(error, 'http://127.0.0.1:8789');
    expect(isKysoError(shown, 'BRIDGE_UNREACHABLE')).toBe(true);
    expect((shown as KysoError).message).toMatch(
      /^Không kết nối được cầu nối ký số kyso tại http:\/\/127\.0\.0\.1:8789/,
    );
    expect((shown as KysoError).localize('en')).toContain('local network access');
    // a refusal the bridge answered is not that
    const answered = new KysoError('PIN_INCORRECT');
    expect(bridgeError(answered, 'http://127.0.0.1:8789')).toBe(answered);
  });
});

describe('the local bridge: configuration', () => {
  it('listens on 127.0.0.1 only, and needs an allowed origin and a store with get()', async () => {
    const base = { allowOrigins: [APP], onPairingCode: () => {} };
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '::1']) {
      const error = await serveBridge({ ...base, host }).catch((e: unknown) => e);
      expect(isKysoError(error, 'USAGE'), host).toBe(true);
    }
    const local = await serveBridge({ ...base, host: 'localhost' });
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await local.close();
    expect(() => createBridge({ ...base, allowOrigins: [], port: 8789 })).toThrow(/origin/);
    expect(() => createBridge({ ...base, allowOrigins: ['ftp://x'], port: 8789 })).toThrow(/http/);
    const store = new MemoryStore();
    const withoutGet: StateStore = {
      set: (key, value, ttlMs) => store.set(key, value, ttlMs),
      take: (key) => store.take(key),
      increment: (key, windowMs) => store.increment(key, windowMs),
      delete: (key) => store.delete(key),
    };
    expect(() => createBridge({ ...base, port: 8789, store: withoutGet })).toThrow(/get\(\)/);
    await store.close();
  });
});
