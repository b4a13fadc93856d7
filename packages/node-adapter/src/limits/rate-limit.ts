import { KysoError } from '@kyso/core';
import type { StateStore } from '../store/state-store.js';

export interface RateLimit {
  /** Requests one principal may make per window. */
  requests: number;
  windowMs: number;
}

/**
 * Counts a principal's requests in the shared store (fixed windows), so the limit holds across
 * instances; over it, SERVICE_BUSY (429).
 */
export async function checkRate(store: StateStore, limit: RateLimit, principalId: string): Promise<void> {
  const window = Math.floor(Date.now() / limit.windowMs);
  const count = await store.increment(`rate:${window}:${principalId}`, limit.windowMs);
  if (count > limit.requests)
    throw new KysoError('SERVICE_BUSY', {
      params: { detail: `more than ${limit.requests} requests in ${limit.windowMs / 1000} s` },
    });
}
