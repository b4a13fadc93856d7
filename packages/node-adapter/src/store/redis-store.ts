import { KysoError } from '@kyso/core';
import { connectRedis, type RedisClientLike, type RedisSend, redisSender } from './redis-client.js';
import type { StateStore } from './state-store.js';

export interface RedisStoreOptions {
  /** Put before every key, `kyso:` by default, so several services (or other data) share one Redis. */
  prefix?: string;
}

export interface RedisConnectOptions extends RedisStoreOptions {
  /** e.g. `redis://127.0.0.1:6379`, `rediss://user:password@redis.internal:6380/2`. */
  url: string;
  /** Connection errors (the client reconnects by itself); to stderr by default, without the URL. */
  onError?: (error: Error) => void;
}

/**
 * INCR, and the window's expiry set by the increment that created the counter, in one step: two
 * separate commands could leave a counter without expiry (a principal limited for ever) if the
 * service died between them.
 */
const INCREMENT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

/** Connections RedisStore.connect made, which the store's close() ends. */
const owned = new WeakMap<RedisStore, () => Promise<void>>();

/**
 * The StateStore on Redis (6.2 or later, or a compatible server such as Valkey), shared by every
 * instance of the service. Each operation is one atomic command: `take` is GETDEL, so of two instances
 * redeeming one SAD at once exactly one gets it; `set` uses PX, so Redis drops expired SADs itself;
 * `increment` is a Lua script. Keys are the service's own (SAD hashes, counters); values hold no PIN
 * in clear (a SAD's PIN is sealed under the SAD, which Redis never sees).
 */
export class RedisStore implements StateStore {
  readonly #send: RedisSend;
  readonly #prefix: string;

  /** Over a connected client the host made and closes itself (close() leaves it open). */
  constructor(client: RedisClientLike, options: RedisStoreOptions = {}) {
    this.#send = redisSender(client);
    this.#prefix = options.prefix ?? 'kyso:';
  }

  /**
   * Connects with the optional `redis` package; the store's close() ends the connection (a service
   * given this store leaves closing it to the host, as with any store it did not make).
   */
  static async connect(options: RedisConnectOptions): Promise<RedisStore> {
    const onError =
      options.onError ??
      ((error: Error) => process.stderr.write(`kyso node-adapter: Redis: ${error.message}\n`));
    const { client, close } = await connectRedis(options.url, onError);
    const store = new RedisStore(client, options);
    owned.set(store, close);
    return store;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#command(['SET', this.#prefix + key, value, 'PX', String(Math.max(1, Math.ceil(ttlMs)))]);
  }

  async get(key: string): Promise<string | undefined> {
    return text(await this.#command(['GET', this.#prefix + key]));
  }

  async take(key: string): Promise<string | undefined> {
    return text(await this.#command(['GETDEL', this.#prefix + key]));
  }

  async increment(key: string, windowMs: number): Promise<number> {
    const window = String(Math.max(1, Math.ceil(windowMs)));
    const count = Number(await this.#command(['EVAL', INCREMENT, '1', this.#prefix + key, window]));
    if (!Number.isSafeInteger(count))
      throw new KysoError('INTERNAL', { params: { detail: 'Redis gave a counter that is not a number' } });
    return count;
  }

  async delete(key: string): Promise<void> {
    await this.#command(['DEL', this.#prefix + key]);
  }

  async close(): Promise<void> {
    const end = owned.get(this);
    owned.delete(this);
    await end?.();
  }

  async #command(args: string[]): Promise<unknown> {
    try {
      return await this.#send(args);
    } catch (error) {
      // the service's fault, not the client's: INTERNAL (500), logged with its cause, never shown
      throw new KysoError('INTERNAL', {
        params: { detail: `the state store (Redis) failed on ${args[0]}` },
        cause: error,
      });
    }
  }
}
