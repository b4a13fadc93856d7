import type { TimeSpec, ValiditySpec } from './spec.js';

const DAY = 86_400_000;

export function resolveTime(t: TimeSpec, now: Date): Date {
  return t instanceof Date ? new Date(t.getTime()) : new Date(now.getTime() + t.days * DAY);
}

/** Whole seconds: X.509 times carry no fractions, so keep the in-memory dates equal to the encoded ones. */
function second(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

export function resolveValidity(
  v: ValiditySpec | undefined,
  level: 'root' | 'intermediate' | 'entity',
  now: Date,
): { notBefore: Date; notAfter: Date } {
  const spec: { notBefore: TimeSpec; notAfter: TimeSpec } =
    v === undefined || v === 'current'
      ? {
          notBefore: { days: level === 'entity' ? -30 : -365 },
          notAfter: { days: level === 'root' ? 7300 : level === 'intermediate' ? 3650 : 730 },
        }
      : v === 'expired'
        ? { notBefore: { days: -730 }, notAfter: { days: -365 } }
        : v === 'not-yet-valid'
          ? { notBefore: { days: 30 }, notAfter: { days: 395 } }
          : v;
  return {
    notBefore: second(resolveTime(spec.notBefore, now)),
    notAfter: second(resolveTime(spec.notAfter, now)),
  };
}
