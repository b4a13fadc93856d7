import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeHasher } from '../src/node/index.js';

const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const reference = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

describe('nodeHasher', () => {
  it('agrees with createHash whatever the sizes and number of updates', () => {
    const cases: Uint8Array[][] = [
      [],
      [new Uint8Array(0)],
      [bytes(64)],
      [bytes(1024)],
      [bytes(1025)],
      [bytes(10, 2), bytes(20, 3)],
      [bytes(10), bytes(4096)],
      [bytes(4096), bytes(10)],
      [bytes(100), bytes(100), bytes(100)],
    ];
    for (const parts of cases) {
      const h = nodeHasher('SHA-256');
      for (const p of parts) h.update(p);
      expect(h.digest(), parts.map((p) => p.length).join('+')).toEqual(reference(...parts));
    }
    expect(nodeHasher('SHA-384').update(bytes(50)).digest()).toEqual(
      new Uint8Array(createHash('sha384').update(bytes(50)).digest()),
    );
  });

  it('keeps a copy of a small first input: the caller may reuse its buffer at once', () => {
    const buffer = bytes(64);
    const h = nodeHasher('SHA-256').update(buffer);
    const expected = reference(bytes(64), bytes(32, 9));
    buffer.fill(0);
    h.update(bytes(32, 9));
    expect(h.digest()).toEqual(expected);
  });

  it('clones before and after the first update, each going its own way', () => {
    const empty = nodeHasher('SHA-256');
    const fromEmpty = empty.clone();
    empty.update(bytes(10));
    expect(fromEmpty.update(bytes(20)).digest()).toEqual(reference(bytes(20)));
    const small = nodeHasher('SHA-256').update(bytes(10));
    const a = small.clone();
    const b = small.clone();
    a.update(bytes(5000));
    expect(a.digest()).toEqual(reference(bytes(10), bytes(5000)));
    expect(b.digest()).toEqual(reference(bytes(10)));
    expect(small.digest()).toEqual(reference(bytes(10)));
    const big = nodeHasher('SHA-256').update(bytes(5000));
    const c = big.clone().update(bytes(3));
    expect(c.digest()).toEqual(reference(bytes(5000), bytes(3)));
    expect(big.digest()).toEqual(reference(bytes(5000)));
  });
});
