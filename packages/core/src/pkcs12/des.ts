import type { BlockCipher } from './block-cipher.js';

/**
 * DES (FIPS 46-3) and Triple DES (SP 800-67, EDE), for reading legacy PKCS#12 files and PBES2 with
 * DES-EDE3-CBC. Written from the standard's tables; bit positions are 1-based from the most
 * significant bit, as the standard numbers them. Not constant-time: it only ever decrypts the
 * holder's own key file, never attacker-timed data.
 */

// biome-ignore format: FIPS 46-3 tables, 8 per row
const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
  62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
  61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
// biome-ignore format: FIPS 46-3 tables
const FP = [
  40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31,
  38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29,
  36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27,
  34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
];
// biome-ignore format: FIPS 46-3 tables
const P = [
  16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
  2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
];
// biome-ignore format: FIPS 46-3 tables
const PC1 = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
  10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
  14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
// biome-ignore format: FIPS 46-3 tables
const PC2 = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
  23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
  44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
// biome-ignore format: FIPS 46-3 S-boxes S1..S8, four rows of 16 each
const S = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
   4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
   0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
   13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
   10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
   4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
   9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
   1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
   7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

/** Bit `pos` (1-based, MSB first) of a byte string. */
function bit(bytes: Uint8Array, pos: number): number {
  return (bytes[(pos - 1) >> 3]! >> (7 - ((pos - 1) & 7))) & 1;
}

/** Bit `pos` (1-based, MSB first) of a 64-bit block held as two 32-bit halves. */
function bit64(hi: number, lo: number, pos: number): number {
  return pos <= 32 ? (hi >>> (32 - pos)) & 1 : (lo >>> (64 - pos)) & 1;
}

/** Applies a 64-entry permutation (IP or FP) to a block held as two halves. */
function permute64(hi: number, lo: number, table: readonly number[]): [number, number] {
  let a = 0;
  let b = 0;
  for (let i = 0; i < 32; i++) a = (a << 1) | bit64(hi, lo, table[i]!);
  for (let i = 32; i < 64; i++) b = (b << 1) | bit64(hi, lo, table[i]!);
  return [a >>> 0, b >>> 0];
}

let spTables: Uint32Array[] | undefined;

/** S-box j followed by P, for each 6-bit input: the round function becomes eight look-ups. */
function sp(): Uint32Array[] {
  if (spTables) return spTables;
  spTables = S.map((box, j) => {
    const table = new Uint32Array(64);
    for (let x = 0; x < 64; x++) {
      const row = ((x >> 4) & 2) | (x & 1);
      const col = (x >> 1) & 15;
      const pre = (box[row * 16 + col]! << (28 - 4 * j)) >>> 0;
      let post = 0;
      for (let i = 0; i < 32; i++) post = (post << 1) | ((pre >>> (32 - P[i]!)) & 1);
      table[x] = post >>> 0;
    }
    return table;
  });
  return spTables;
}

/** The 16 round keys, each as eight 6-bit groups (the S-box inputs they are XORed with). */
function keySchedule(key: Uint8Array): Uint8Array[] {
  let c = 0;
  let d = 0;
  for (let i = 0; i < 28; i++) c = (c << 1) | bit(key, PC1[i]!);
  for (let i = 28; i < 56; i++) d = (d << 1) | bit(key, PC1[i]!);
  const rounds: Uint8Array[] = [];
  for (const shift of SHIFTS) {
    c = ((c << shift) | (c >>> (28 - shift))) & 0x0fffffff;
    d = ((d << shift) | (d >>> (28 - shift))) & 0x0fffffff;
    const cd = (pos: number) => (pos <= 28 ? (c >>> (28 - pos)) & 1 : (d >>> (56 - pos)) & 1);
    const groups = new Uint8Array(8);
    for (let g = 0; g < 8; g++) {
      let v = 0;
      for (let k = 0; k < 6; k++) v = (v << 1) | cd(PC2[g * 6 + k]!);
      groups[g] = v;
    }
    rounds.push(groups);
  }
  return rounds;
}

/** f(R, K): expansion E, key mixing, S-boxes and P. */
function feistel(r: number, k: Uint8Array, table: Uint32Array[]): number {
  let out = 0;
  for (let j = 0; j < 8; j++) {
    // E takes R's bits 4j … 4j+5 (cyclically, bit 0 being bit 32): rotate bit 4j to the top.
    const shift = (4 * j + 31) % 32;
    const rotated = shift === 0 ? r : ((r << shift) | (r >>> (32 - shift))) >>> 0;
    out |= table[j]![(rotated >>> 26) ^ k[j]!]!;
  }
  return out >>> 0;
}

function crypt(rounds: readonly Uint8Array[], input: Uint8Array, output: Uint8Array): void {
  const table = sp();
  const hi = ((input[0]! << 24) | (input[1]! << 16) | (input[2]! << 8) | input[3]!) >>> 0;
  const lo = ((input[4]! << 24) | (input[5]! << 16) | (input[6]! << 8) | input[7]!) >>> 0;
  let [l, r] = permute64(hi, lo, IP);
  for (const k of rounds) {
    const next = (l ^ feistel(r, k, table)) >>> 0;
    l = r;
    r = next;
  }
  const [a, b] = permute64(r, l, FP);
  output[0] = a >>> 24;
  output[1] = (a >>> 16) & 0xff;
  output[2] = (a >>> 8) & 0xff;
  output[3] = a & 0xff;
  output[4] = b >>> 24;
  output[5] = (b >>> 16) & 0xff;
  output[6] = (b >>> 8) & 0xff;
  output[7] = b & 0xff;
}

/** Single DES with an 8-byte key (parity bits ignored). */
export function desCipher(key: Uint8Array): BlockCipher {
  if (key.length !== 8) throw new RangeError('DES: the key must be 8 bytes');
  const enc = keySchedule(key);
  const dec = [...enc].reverse();
  return {
    blockSize: 8,
    encryptBlock: (input, output) => crypt(enc, input, output),
    decryptBlock: (input, output) => crypt(dec, input, output),
  };
}

/** Triple DES, encrypt-decrypt-encrypt, with a 24-byte (three keys) or 16-byte (K1, K2, K1) key. */
export function tripleDesCipher(key: Uint8Array): BlockCipher {
  if (key.length !== 24 && key.length !== 16) throw new RangeError('3DES: the key must be 16 or 24 bytes');
  const k1 = desCipher(key.subarray(0, 8));
  const k2 = desCipher(key.subarray(8, 16));
  const k3 = key.length === 24 ? desCipher(key.subarray(16, 24)) : k1;
  const t = new Uint8Array(8);
  return {
    blockSize: 8,
    encryptBlock(input, output) {
      k1.encryptBlock(input, t);
      k2.decryptBlock(t, t);
      k3.encryptBlock(t, output);
    },
    decryptBlock(input, output) {
      k3.decryptBlock(input, t);
      k2.encryptBlock(t, t);
      k1.decryptBlock(t, output);
    },
  };
}
