import { randomBytes } from 'node:crypto';

/** 32 symbols, none of 0/O or 1/I, so a code read aloud or copied by hand is typed right. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** A fresh code: 8 symbols of 5 random bits each (40 bits), shown as `XXXX-XXXX`. */
export function newPairingCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = '';
  // 256 is a multiple of 32: taking the low five bits keeps every symbol equally likely
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the official typed, as the canonical code (upper case, no dash or spaces); undefined if it cannot be one. */
export function canonicalPairingCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== LENGTH) return undefined;
  for (const c of code) if (!ALPHABET.includes(c)) return undefined;
  return code;
}
