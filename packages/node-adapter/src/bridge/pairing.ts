import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { KysoError } from '@kyso/core';
import type { Denial, Principal } from '../auth/principal.js';
import { checkRate, type RateLimit } from '../limits/rate-limit.js';
import { positive } from '../service/positive.js';
import type { StateStore } from '../store/state-store.js';
import type { PairingCode, PairingOptions } from './options.js';
import { canonicalPairingCode, newPairingCode } from './pairing-code.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
const hex = (text: string) => sha256(text).toString('hex');

/** A code waiting to be typed, under the origin's key; only its hash is kept. */
interface StoredCode {
  v: 1;
  hash: string;
  expiresAt: number;
}

/** A pairing, under the token's hash: which origin may use the token, and until when. */
interface StoredToken {
  v: 1;
  origin: string;
  expiresAt: number;
}

/** What a page gets for the right code. */
export interface BridgeToken {
  token: string;
  expiresIn: number;
}

function incorrect(attemptsLeft?: number): KysoError {
  return new KysoError('PAIRING_CODE_INCORRECT', {
    ...(attemptsLeft !== undefined ? { params: { attemptsLeft } } : {}),
  });
}

/**
 * Pairing of web pages with the bridge: a code shown to the official (never sent to the page),
 * typed into the page, exchanged once for a bearer token bound to the page's origin. Codes, failure
 * counts and tokens live in the StateStore, codes and tokens only as hashes; a few wrong codes void
 * the code shown, and pairing requests are rate-limited per origin.
 */
export class Pairing {
  readonly #store: StateStore & { get(key: string): Promise<string | undefined> };
  readonly #show: (pairing: PairingCode) => void;
  readonly #codeTtlMs: number;
  readonly #maxAttempts: number;
  readonly #tokenTtlMs: number;
  readonly #rate: RateLimit;

  constructor(store: StateStore, show: (pairing: PairingCode) => void, options: PairingOptions = {}) {
    if (typeof store.get !== 'function')
      throw new KysoError('USAGE', {
        params: { detail: 'the bridge needs a StateStore with get() (MemoryStore, RedisStore)' },
      });
    this.#store = store as StateStore & { get(key: string): Promise<string | undefined> };
    this.#show = show;
    this.#codeTtlMs = positive(options.codeTtlSeconds, 120, 'pairing.codeTtlSeconds') * 1000;
    this.#maxAttempts = Math.floor(positive(options.maxAttempts, 3, 'pairing.maxAttempts'));
    this.#tokenTtlMs = positive(options.tokenTtlSeconds, 8 * 3600, 'pairing.tokenTtlSeconds') * 1000;
    this.#rate = options.rate ?? { requests: 10, windowMs: 60_000 };
  }

  /** Shows a new code for `origin` (replacing any earlier one); the page learns only how long it lasts. */
  async start(origin: string): Promise<{ expiresIn: number }> {
    await this.#limit(origin);
    const code = newPairingCode();
    const expiresAt = Date.now() + this.#codeTtlMs;
    const stored: StoredCode = { v: 1, hash: codeHash(origin, canonicalPairingCode(code)!), expiresAt };
    await this.#store.delete(failuresKey(origin));
    await this.#store.set(codeKey(origin), JSON.stringify(stored), this.#codeTtlMs);
    try {
      this.#show({ origin, code, expiresAt: new Date(expiresAt) });
    } catch (error) {
      await this.#store.delete(codeKey(origin));
      throw new KysoError('INTERNAL', { params: { detail: 'onPairingCode failed' }, cause: error });
    }
    return { expiresIn: Math.round(this.#codeTtlMs / 1000) };
  }

  /**
   * The token for the right code, once: the code is taken out of the store (so two pages racing with
   * it cannot both pair) and put back after a wrong try until `maxAttempts` wrong tries void it.
   */
  async redeem(origin: string, typed: string): Promise<BridgeToken> {
    await this.#limit(origin);
    const text = await this.#store.take(codeKey(origin));
    const stored = text === undefined ? undefined : (JSON.parse(text) as StoredCode);
    if (stored?.v !== 1 || stored.expiresAt <= Date.now()) throw incorrect();
    const canonical = canonicalPairingCode(typed);
    const given = Buffer.from(canonical ? codeHash(origin, canonical) : '', 'hex');
    const expected = Buffer.from(stored.hash, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      const failures = await this.#store.increment(failuresKey(origin), this.#codeTtlMs);
      const left = this.#maxAttempts - failures;
      if (left > 0) await this.#store.set(codeKey(origin), text!, stored.expiresAt - Date.now());
      throw incorrect(Math.max(0, left));
    }
    await this.#store.delete(failuresKey(origin));
    const token = randomBytes(32).toString('base64url');
    const pairing: StoredToken = { v: 1, origin, expiresAt: Date.now() + this.#tokenTtlMs };
    await this.#store.set(tokenKey(token), JSON.stringify(pairing), this.#tokenTtlMs);
    return { token, expiresIn: Math.round(this.#tokenTtlMs / 1000) };
  }

  /** The principal a request's bearer token stands for — its origin — if the token was issued to that origin. */
  async authorize(request: Request): Promise<Principal | Denial> {
    const token = bearerOf(request);
    if (token === undefined)
      return {
        deny: 'unauthenticated',
        reason: 'pair this page with the kyso bridge first (POST bridge/pair)',
      };
    const origin = request.headers.get('origin');
    const pairing = await this.#pairing(token);
    if (!pairing)
      return { deny: 'unauthenticated', reason: 'the bridge token is unknown or expired: pair again' };
    if (pairing.origin !== origin)
      return { deny: 'unauthenticated', reason: 'the bridge token was issued to another origin' };
    return { id: pairing.origin, claims: { bridge: true } };
  }

  /** Ends the pairing of the request's token, when it belongs to `origin`. */
  async revoke(request: Request, origin: string): Promise<boolean> {
    const token = bearerOf(request);
    if (token === undefined) return false;
    const pairing = await this.#pairing(token);
    if (pairing?.origin !== origin) return false;
    await this.#store.delete(tokenKey(token));
    return true;
  }

  async #pairing(token: string): Promise<StoredToken | undefined> {
    const text = await this.#store.get(tokenKey(token));
    const pairing = text === undefined ? undefined : (JSON.parse(text) as StoredToken);
    return pairing && pairing.v === 1 && pairing.expiresAt > Date.now() ? pairing : undefined;
  }

  #limit(origin: string): Promise<void> {
    return checkRate(this.#store, this.#rate, `bridge-pair:${hex(origin)}`);
  }
}

function bearerOf(request: Request): string | undefined {
  const match = /^Bearer\s+([\w-]{16,128})\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

const codeKey = (origin: string) => `bridge:code:${hex(origin)}`;
const failuresKey = (origin: string) => `bridge:failures:${hex(origin)}`;
const tokenKey = (token: string) => `bridge:token:${hex(token)}`;
const codeHash = (origin: string, code: string) => hex(`${origin}\n${code}`);
