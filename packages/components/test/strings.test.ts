import { describe, expect, it } from 'vitest';
import { VIEWER_STRINGS } from '../src/pdf-viewer/pdf-viewer.strings.js';
import { SIGN_STRINGS } from '../src/sign-pdf/sign-pdf.strings.js';
import { BADGE_STRINGS } from '../src/verify-badge/verify-badge.strings.js';

function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

describe.each([
  ['viewer', VIEWER_STRINGS],
  ['badge', BADGE_STRINGS],
  ['sign', SIGN_STRINGS],
])('%s strings', (_, table) => {
  it('say every key in both languages, with the same placeholders', () => {
    const vi = new Map(leaves(table.vi));
    const en = new Map(leaves(table.en));
    expect([...vi.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of vi) {
      expect(text.trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(text), key).toEqual(holes(en.get(key)!));
    }
  });

  it('write Vietnamese in NFC (TCVN 6909), as documents do', () => {
    for (const [key, text] of leaves(table.vi)) expect(text, key).toBe(text.normalize('NFC'));
  });
});
