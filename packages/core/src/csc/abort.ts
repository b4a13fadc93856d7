import { KysoError } from '../errors/kyso-error.js';

/** ABORTED when the caller cancelled; checked between steps (PIN prompts can take minutes). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KysoError('ABORTED', { cause: signal.reason });
}

/**
 * One signal that fires when any of the given ones does (the signer's default and the call's own).
 * AbortSignal.any (Node 20.3+, evergreen browsers) drops its listeners when the result is collected,
 * so a long-lived default signal does not accumulate them.
 */
export function eitherSignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
