import { KysoError } from '@kyso/core';

/** An option that must be a positive number, or its default; USAGE names the option otherwise. */
export function positive(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0)
    throw new KysoError('USAGE', { params: { detail: `${name} must be > 0` } });
  return v;
}
