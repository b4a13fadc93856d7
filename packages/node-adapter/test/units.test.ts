import { isKysoError } from '@kyso/core';
import { describe, expect, it } from 'vitest';
import { type AuditEvent, auditLine, bearerTokens, ConcurrencyGate, MemoryStore } from '../src/index.js';
import { issueSad, redeemSad, restoreSad } from '../src/sad/sad.js';

describe('MemoryStore', () => {
  it('takes a value once, expires it, and counts in windows', async () => {
    let now = 1_000;
    const store = new MemoryStore({ now: () => now });
    await store.set('k', 'v', 100);
    const [a, b] = await Promise.all([store.take('k'), store.take('k')]);
    expect([a, b]).toEqual(['v', undefined]);
    await store.set('e', 'v', 100);
    now += 100;
    expect(await store.take('e')).toBeUndefined();
    expect([await store.increment('c', 50), await store.increment('c', 50)]).toEqual([1, 2]);
    now += 50;
    expect(await store.increment('c', 50)).toBe(1);
    await store.close();
  });
});

describe('SADs in the store', () => {
  it('keep the PIN only sealed under the SAD, and the SAD only as its hash', async () => {
    const writes: string[] = [];
    const store = new MemoryStore();
    const spy = Object.assign(Object.create(store) as MemoryStore, {
      set: (key: string, value: string, ttl: number) => {
        writes.push(key, value);
        return store.set(key, value, ttl);
      },
      take: (key: string) => store.take(key),
    });
    const grant = { credentialId: 'c', principalId: 'p', remaining: 2, expiresAt: Date.now() + 60_000 };
    const { sad, expiresIn } = await issueSad(spy, grant, { pin: '864209' });
    expect(expiresIn).toBe(60);
    const redeemed = await redeemSad(spy, sad);
    expect(redeemed.factors).toEqual({ pin: '864209' });
    await restoreSad(spy, sad, { ...redeemed.grant, remaining: 1 }, redeemed.factors);
    expect((await redeemSad(spy, sad)).grant.remaining).toBe(1);
    expect(isKysoError(await redeemSad(spy, sad).catch((e: unknown) => e), 'CREDENTIAL_NOT_AUTHORIZED')).toBe(
      true,
    );
    expect(writes.join(' ')).not.toContain('864209');
    expect(writes.join(' ')).not.toContain(sad);
    await store.close();
  });
});

describe('ConcurrencyGate', () => {
  it('queues up to its limit, refuses beyond, and lets an abandoned waiter go', async () => {
    const gate = new ConcurrencyGate({ active: 1, queued: 1 });
    const first = await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    expect(isKysoError(await gate.acquire().catch((e: unknown) => e), 'SERVICE_BUSY')).toBe(true);
    controller.abort();
    expect(isKysoError(await waiting.catch((e: unknown) => e), 'ABORTED')).toBe(true);
    expect(gate.waiting).toBe(0);
    const second = gate.acquire();
    first();
    (await second)();
    expect(gate.active).toBe(0);
  });
});

describe('audit lines and bearer tokens', () => {
  it('never write secret-named fields, one line per event', () => {
    const event = {
      time: 't',
      requestId: 'r',
      action: 'sign-pdf',
      outcome: 'ok',
      pin: '1234',
      SAD: 'x',
    } as AuditEvent;
    const line = auditLine(event);
    expect(line).toBe('{"time":"t","requestId":"r","action":"sign-pdf","outcome":"ok"}\n');
  });

  it('recognise configured tokens only', async () => {
    const hook = bearerTokens({ secret: 'alice', other: { id: 'bob', claims: { role: 'clerk' } } });
    const ask = (header?: string) =>
      hook(new Request('http://x/', header ? { headers: { authorization: header } } : {}), {
        signal: new AbortController().signal,
      });
    expect(await ask('Bearer secret')).toEqual({ id: 'alice' });
    expect(await ask('bearer other')).toEqual({ id: 'bob', claims: { role: 'clerk' } });
    expect(await ask('Bearer nope')).toMatchObject({ deny: 'unauthenticated' });
    expect(await ask()).toMatchObject({ deny: 'unauthenticated' });
  });
});
