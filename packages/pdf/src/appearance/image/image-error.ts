import { KysoError } from '@kyso/core';

/** An image file that cannot be used: INVALID_INPUT, saying what is wrong with it. */
export function imageError(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail: `image: ${detail}` } });
}
