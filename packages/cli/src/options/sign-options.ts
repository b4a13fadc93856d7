import { KysoError, type Lang } from '@kyso/core';
import type { DisplayedRect, PadesLevel } from '@kyso/pdf';

/** `kyso sign` options beyond the key and the presets (DESIGN.md's contract). */
export const SIGN_OPTIONS = {
  o: { type: 'string', short: 'o' },
  field: { type: 'string' },
  reason: { type: 'string' },
  location: { type: 'string' },
  level: { type: 'string' },
  tsa: { type: 'string' },
  trust: { type: 'string', multiple: true },
  'trust-profile': { type: 'string' },
  revocation: { type: 'string' },
  certify: { type: 'string' },
  visible: { type: 'string' },
} as const;

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

/** --visible PAGE:X,Y,W,H (page 1-based, points, origin at the lower-left of the displayed page). */
export function parseVisible(text: string, lang: Lang): { page: number; rect: DisplayedRect } {
  const m = /^(\d+):(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) throw usage(`--visible must be PAGE:X,Y,W,H, not "${text}"`, lang);
  const [page, x, y, width, height] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (page < 1 || width <= 0 || height <= 0)
    throw usage('--visible needs a page from 1 and a positive width and height', lang);
  return { page, rect: { x, y, width, height } };
}

export function parseLevel(level: string | undefined, tsa: string | undefined, lang: Lang): PadesLevel {
  if (level === undefined) return tsa ? 'B-T' : 'B-B';
  if (!['B-B', 'B-T', 'B-LT', 'B-LTA'].includes(level))
    throw usage('--level must be B-B, B-T, B-LT or B-LTA', lang);
  if (level !== 'B-B' && !tsa) throw usage(`--level ${level} needs --tsa URL`, lang);
  return level as PadesLevel;
}

export function parseCertify(value: string | undefined, lang: Lang): 1 | 2 | 3 | undefined {
  if (value === undefined) return undefined;
  if (value !== '1' && value !== '2' && value !== '3') throw usage('--certify must be 1, 2 or 3', lang);
  return Number(value) as 1 | 2 | 3;
}
