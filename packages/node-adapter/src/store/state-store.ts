/**
 * The state the service keeps between requests: SADs, rate-limit counters, and the local bridge's
 * pairing codes and tokens.
 * Kept behind this interface so several instances can share it (RedisStore) while a single process
 * uses the in-memory one (MemoryStore). Values are strings (JSON), which any store can hold.
 *
 * Every method must be atomic on its own: in particular `take` must hand a value to at most one
 * caller, which is what makes a SAD usable once and only once across instances.
 */
export interface StateStore {
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any previous value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Returns the value, leaving it in place; undefined when absent or expired. Optional for stores
   * written before the local bridge, which needs it (its tokens are read on every request).
   */
  get?(key: string): Promise<string | undefined>;
  /** Returns the value and deletes it in one step; undefined when absent or expired. */
  take(key: string): Promise<string | undefined>;
  /**
   * Adds one to the counter under `key` and returns the new count. The counter starts at 1 and
   * expires `windowMs` after its first increment (a fixed window).
   */
  increment(key: string, windowMs: number): Promise<number>;
  /** Removes a key (a no-op when absent). */
  delete(key: string): Promise<void>;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}
