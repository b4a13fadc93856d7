import { KysoError } from '@kyso/core';

/** A font file that cannot be used: INVALID_INPUT, saying what is wrong with it. */
export function fontError(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail: `font: ${detail}` } });
}
