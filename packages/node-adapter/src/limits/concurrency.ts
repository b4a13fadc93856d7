import { KysoError } from '@kyso/core';

export interface ConcurrencyLimit {
  /** Requests worked on at once. */
  active: number;
  /** Requests allowed to wait for a place; beyond this SERVICE_BUSY (429) at once. */
  queued: number;
}

/**
 * A counting gate: `acquire` resolves with a release function when a place is free, waits in a bounded
 * FIFO otherwise, and refuses at once (SERVICE_BUSY) when the queue is full — so overload turns into
 * clean 429s instead of unbounded memory and latency. A waiter whose request is abandoned leaves the queue.
 */
export class ConcurrencyGate {
  readonly #limit: ConcurrencyLimit;
  #active = 0;
  readonly #waiting: { grant: () => void }[] = [];

  constructor(limit: ConcurrencyLimit) {
    if (!(limit.active >= 1) || !(limit.queued >= 0))
      throw new KysoError('USAGE', { params: { detail: 'concurrency: active ≥ 1 and queued ≥ 0' } });
    this.#limit = limit;
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.#active < this.#limit.active) {
      this.#active++;
      return this.#releaser();
    }
    if (this.#waiting.length >= this.#limit.queued)
      throw new KysoError('SERVICE_BUSY', {
        params: { detail: `${this.#active} requests in progress, ${this.#waiting.length} waiting` },
      });
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const at = this.#waiting.indexOf(waiter);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(new KysoError('ABORTED', { cause: signal?.reason }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
    return this.#releaser();
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // the place passes straight to the next waiter, so #active never dips and lets a newcomer jump the queue
      if (next) next.grant();
      else this.#active--;
    };
  }
}
