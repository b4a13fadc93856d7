import type { StateStore } from './state-store.js';

interface Entry {
  value: string;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** The clock, for tests; Date.now by default. */
  now?: () => number;
  /** How often expired entries are swept, 60 s by default (expired entries are never returned anyway). */
  sweepIntervalMs?: number;
}

/**
 * The in-process StateStore: one Map, expiry checked on every read. JavaScript runs one callback at a
 * time, so `take` (read then delete, with no await between) is atomic within the process.
 */
export class MemoryStore implements StateStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #sweeper: ReturnType<typeof setInterval>;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#sweeper = setInterval(() => this.#sweep(), options.sweepIntervalMs ?? 60_000);
    // the sweeper must never keep a process alive on its own
    this.#sweeper.unref();
  }

  /** Live entries (for diagnostics and tests). */
  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
  }

  async get(key: string): Promise<string | undefined> {
    return this.#live(key)?.value;
  }

  async take(key: string): Promise<string | undefined> {
    const entry = this.#live(key);
    this.#entries.delete(key);
    return entry?.value;
  }

  async increment(key: string, windowMs: number): Promise<number> {
    const entry = this.#live(key);
    const count = entry ? Number(entry.value) + 1 : 1;
    this.#entries.set(key, { value: String(count), expiresAt: entry?.expiresAt ?? this.#now() + windowMs });
    return count;
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#entries.clear();
  }

  #live(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
