import { createTestPki, type TestPki } from '@kyso/testkit';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerTokens, pkcs12Credential, RedisStore, type SigningServiceOptions } from '../src/index.js';
import { b64, cscCall, kysoCode, SHA256_OID, sha256 } from './support/csc-calls.js';
import { type RunningRedis, redisServerPath, startRedis } from './support/redis-server.js';
import { startService, type TestService } from './support/servers.js';

const binary = redisServerPath();
// Under CI the test must run (.ci/run installs redis-server); elsewhere it is skipped without one.
const skip = !binary && process.env['CI'] !== 'true';
const PIN = '735194';

describe.skipIf(skip)('RedisStore', () => {
  let redis: RunningRedis;
  let raw: ReturnType<typeof createClient>;
  let pki: TestPki;
  const stores: RedisStore[] = [];
  let a: TestService;
  let b: TestService;

  async function store(prefix?: string): Promise<RedisStore> {
    const s = await RedisStore.connect({ url: redis.url, ...(prefix ? { prefix } : {}) });
    stores.push(s);
    return s;
  }

  /** An instance of the service, as a second machine behind a load balancer would run it. */
  async function instance(extra: Partial<SigningServiceOptions> = {}): Promise<TestService> {
    const who = pki.get('signer-p256');
    const p12 = await who.toPkcs12();
    const base = await pkcs12Credential({ id: 'p256', pkcs12: p12, password: who.password });
    const withPin = await pkcs12Credential({ id: 'with-pin', pkcs12: p12, password: who.password });
    return startService({
      credentials: [
        base,
        {
          ...withPin,
          pin: 'required',
          verifyPin: async (pin) => {
            if (pin !== PIN) throw new Error('wrong PIN');
          },
        },
      ],
      authorize: bearerTokens({ 'tok-alice': 'alice', 'tok-bob': 'bob' }),
      access: () => true,
      store: await store(),
      ...extra,
    });
  }

  const authorize = (svc: TestService, body: Record<string, unknown>, token = 'tok-alice') =>
    cscCall(svc.url, 'credentials/authorize', { credentialID: 'p256', ...body }, token);
  const signHash = (svc: TestService, sad: unknown, text: string, credentialID = 'p256') =>
    cscCall(
      svc.url,
      'signatures/signHash',
      {
        credentialID,
        SAD: sad,
        hashes: [b64(sha256(text))],
        hashAlgorithmOID: SHA256_OID,
        signAlgo: '1.2.840.10045.2.1',
      },
      'tok-alice',
    );

  beforeAll(async () => {
    if (!binary) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
    redis = await startRedis(binary);
    raw = createClient({ url: redis.url });
    await raw.connect();
    pki = await createTestPki({ include: ['signer-p256'] });
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    for (const s of stores) await s.close();
    await raw?.close();
    await redis?.close();
  });

  it('sets with a TTL, gets, takes once, counts in fixed windows, deletes, keeps prefixes apart', async () => {
    const s = await store('unit:');
    const other = await store('other:');
    await s.set('k', 'v', 60_000);
    expect(await other.take('k')).toBeUndefined();
    const ttl = Number(await raw.sendCommand(['PTTL', 'unit:k']));
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    // get leaves the value in place (the bridge's tokens); take removes it
    expect(await s.get('k')).toBe('v');
    expect(await other.get('k')).toBeUndefined();
    expect(await s.take('k')).toBe('v');
    expect(await s.take('k')).toBeUndefined();
    expect(await s.get('k')).toBeUndefined();

    await s.set('short', 'v', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await s.take('short')).toBeUndefined();

    expect(await s.increment('count', 60_000)).toBe(1);
    expect(await s.increment('count', 60_000)).toBe(2);
    // the window was set by the first increment and not pushed back by the second
    expect(Number(await raw.sendCommand(['PTTL', 'unit:count']))).toBeGreaterThan(0);
    await s.increment('brief', 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await s.increment('brief', 30)).toBe(1);

    await s.set('gone', 'v', 60_000);
    await s.delete('gone');
    expect(await s.take('gone')).toBeUndefined();
  });

  it('hands a value to exactly one of many racing takers on two connections', async () => {
    const [s1, s2] = [await store('race:'), await store('race:')];
    for (let round = 0; round < 5; round++) {
      await s1.set('sad', `value-${round}`, 60_000);
      const got = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? s1 : s2).take('sad')));
      expect(got.filter((v) => v !== undefined)).toEqual([`value-${round}`]);
    }
  });

  it('lets a SAD issued by one instance be used once on another, then refuses it on both', async () => {
    const { json } = await authorize(a, { numSignatures: 1 });
    const sad = json['SAD'];
    expect(typeof sad).toBe('string');
    const first = await signHash(b, sad, 'one');
    expect(first.status).toBe(200);
    expect(first.json['signatures']).toHaveLength(1);
    for (const svc of [a, b]) {
      const again = await signHash(svc, sad, 'two');
      expect(again.status).toBe(400);
      expect(again.json['error']).toBe('invalid_request');
      expect(kysoCode(again.json)).toBe('CREDENTIAL_NOT_AUTHORIZED');
    }
  });

  it('spends a multi-signature SAD across instances, and once only when both race for it', async () => {
    const { json } = await authorize(b, { numSignatures: 2 });
    expect((await signHash(a, json['SAD'], 'x')).status).toBe(200);
    expect((await signHash(b, json['SAD'], 'y')).status).toBe(200);
    expect((await signHash(a, json['SAD'], 'z')).status).toBe(400);

    const raced = (await authorize(a, { numSignatures: 1 })).json['SAD'];
    const results = await Promise.all([signHash(a, raced, 'r1'), signHash(b, raced, 'r2')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('keeps no PIN in Redis: a PIN-bound SAD holds it sealed', async () => {
    const { json, status } = await cscCall(
      a.url,
      'credentials/authorize',
      { credentialID: 'with-pin', numSignatures: 2, PIN },
      'tok-alice',
    );
    expect(status).toBe(200);
    const keys = (await raw.sendCommand(['KEYS', 'kyso:*'])) as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const value = String(await raw.sendCommand(['TYPE', key])) === 'string' ? await raw.get(key) : '';
      expect(value ?? '').not.toContain(PIN);
      expect(key).not.toContain(String(json['SAD']));
    }
    expect((await signHash(b, json['SAD'], 'pin-bound', 'with-pin')).status).toBe(200);
  });

  it('shares the rate-limit counter between instances', async () => {
    const limits = { rate: { requests: 3, windowMs: 60_000 } };
    const [c, d] = [await instance({ limits }), await instance({ limits })];
    try {
      const list = (svc: TestService, token = 'tok-bob') => cscCall(svc.url, 'credentials/list', {}, token);
      expect((await list(c)).status).toBe(200);
      expect((await list(d)).status).toBe(200);
      expect((await list(c)).status).toBe(200);
      const fourth = await list(d);
      expect([fourth.status, kysoCode(fourth.json)]).toEqual([429, 'SERVICE_BUSY']);
      expect((await list(c)).status).toBe(429);
      // another principal has a counter of its own
      expect((await list(c, 'tok-alice')).status).toBe(200);
    } finally {
      await c.close();
      await d.close();
    }
  });

  it('fails at once, without the password, when no Redis answers at start', async () => {
    const started = Date.now();
    const error = await RedisStore.connect({
      url: 'redis://user:s3cret@127.0.0.1:9',
      onError: () => {},
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KysoError', code: 'NETWORK_ERROR' });
    expect(String((error as Error).message)).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('turns a Redis failure into an INTERNAL error for the client, not a hang', async () => {
    const s = await store('down:');
    await s.close();
    const error = await s.take('x').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'KysoError', code: 'INTERNAL' });
  });
});
