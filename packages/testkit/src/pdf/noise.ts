/**
 * Seeded xorshift32 bytes: deterministic, fast, and incompressible to Flate, so padding really takes
 * the space it claims. Not for cryptography.
 */

/** Stream bytes described rather than held, so huge files can be written a chunk at a time. */
export interface Noise {
  readonly kind: 'noise';
  readonly length: number;
  /** Non-zero xorshift32 state. */
  readonly seed: number;
}

/** A non-zero 32-bit seed from a text and a salt (FNV-1a). */
export function seedOf(seed: string, salt: string): number {
  let h = 0x811c9dc5;
  const s = `${seed}\u0000${salt}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 0x9e3779b9;
}

/** Emits the bytes of one Noise in order, whatever the sizes of the buffers it is asked to fill. */
export class NoiseStream {
  #state: number;
  #word = 0;
  #left = 0;

  constructor(seed: number) {
    this.#state = seed | 0 || 1;
  }

  fill(out: Uint8Array): void {
    let i = 0;
    const n = out.length;
    while (this.#left > 0 && i < n) {
      out[i++] = this.#word & 0xff;
      this.#word >>>= 8;
      this.#left--;
    }
    let s = this.#state;
    const whole = i + ((n - i) & ~3);
    // Little-endian bytes of each word, written one by one so the output does not depend on alignment.
    while (i < whole) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      out[i] = s & 0xff;
      out[i + 1] = (s >>> 8) & 0xff;
      out[i + 2] = (s >>> 16) & 0xff;
      out[i + 3] = s >>> 24;
      i += 4;
    }
    if (i < n) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      let w = s >>> 0;
      let left = 4;
      while (i < n) {
        out[i++] = w & 0xff;
        w >>>= 8;
        left--;
      }
      this.#word = w;
      this.#left = left;
    }
    this.#state = s;
  }
}

/** The first `length` bytes of the stream seeded by `seed`. */
export function noiseBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  new NoiseStream(seed).fill(out);
  return out;
}
