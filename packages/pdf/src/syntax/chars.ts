/** Character classes of PDF syntax (ISO 32000-2 §7.2.3). */

export const CH = {
  LF: 0x0a,
  CR: 0x0d,
  PERCENT: 0x25,
  LPAREN: 0x28,
  RPAREN: 0x29,
  SLASH: 0x2f,
  LT: 0x3c,
  GT: 0x3e,
  LBRACKET: 0x5b,
  BACKSLASH: 0x5c,
  RBRACKET: 0x5d,
  HASH: 0x23,
} as const;

const WHITESPACE = new Uint8Array(256);
const DELIMITER = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[c] = 1;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) DELIMITER[c] = 1;

export function isWhitespace(c: number): boolean {
  return WHITESPACE[c] === 1;
}

export function isDelimiter(c: number): boolean {
  return DELIMITER[c] === 1;
}

/** Neither whitespace nor delimiter: part of a name, number or keyword. */
export function isRegular(c: number): boolean {
  return WHITESPACE[c] !== 1 && DELIMITER[c] !== 1;
}

export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}
