import { md5 } from '@noble/hashes/legacy.js';
import { rc4 } from './rc4.js';

/** What algorithms 2 to 7 (ISO 32000-2 §7.6.4.3–4) read from a revision 2–4 /Encrypt dictionary. */
export interface LegacyParams {
  revision: 2 | 3 | 4;
  /** /O and /U, their first 32 bytes. */
  owner: Uint8Array;
  user: Uint8Array;
  permissions: number;
  /** The first element of the trailer's /ID (empty when the file has none). */
  id: Uint8Array;
  /** The file key length in bytes (5 to 16). */
  keyLength: number;
  encryptMetadata: boolean;
}

/** The padding string of algorithm 2 step a. */
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e,
  0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function padded(password: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  const n = Math.min(32, password.length);
  out.set(password.subarray(0, n));
  out.set(PAD.subarray(0, 32 - n), n);
  return out;
}

function xorKey(key: Uint8Array, i: number): Uint8Array {
  return key.map((b) => b ^ i);
}

/** Algorithm 2: the file key a (user) password gives. */
export function legacyFileKey(password: Uint8Array, p: LegacyParams): Uint8Array {
  const h = md5.create();
  h.update(padded(password));
  h.update(p.owner);
  const perms = p.permissions >>> 0;
  h.update(Uint8Array.of(perms & 0xff, (perms >>> 8) & 0xff, (perms >>> 16) & 0xff, perms >>> 24));
  h.update(p.id);
  if (p.revision >= 4 && !p.encryptMetadata) h.update(Uint8Array.of(0xff, 0xff, 0xff, 0xff));
  let key = h.digest();
  const n = p.revision === 2 ? 5 : p.keyLength;
  if (p.revision >= 3) for (let i = 0; i < 50; i++) key = md5(key.subarray(0, n));
  return key.slice(0, n);
}

/** Algorithms 4 and 5: the /U value a file key gives (revision 3+: only its first 16 bytes count). */
function userValue(key: Uint8Array, p: LegacyParams): Uint8Array {
  if (p.revision === 2) return rc4(key, PAD);
  const h = md5.create();
  h.update(PAD);
  h.update(p.id);
  let x = rc4(key, h.digest());
  for (let i = 1; i <= 19; i++) x = rc4(xorKey(key, i), x);
  return x;
}

function sameBytes(a: Uint8Array, b: Uint8Array, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  let diff = 0;
  for (let i = 0; i < n; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Algorithm 6: the file key when `password` is the user password, else undefined. */
export function legacyUserKey(password: Uint8Array, p: LegacyParams): Uint8Array | undefined {
  const key = legacyFileKey(password, p);
  return sameBytes(userValue(key, p), p.user, p.revision === 2 ? 32 : 16) ? key : undefined;
}

/**
 * Algorithm 7: the file key when `password` is the owner password. /O holds the padded user
 * password encrypted with a key derived from the owner password; decrypting it gives the user
 * password, which algorithm 6 then checks.
 */
export function legacyOwnerKey(password: Uint8Array, p: LegacyParams): Uint8Array | undefined {
  let h = md5(padded(password));
  const n = p.revision === 2 ? 5 : p.keyLength;
  if (p.revision >= 3) for (let i = 0; i < 50; i++) h = md5(h);
  const key = h.subarray(0, n);
  let user: Uint8Array;
  if (p.revision === 2) user = rc4(key, p.owner);
  else {
    user = p.owner;
    for (let i = 19; i >= 0; i--) user = rc4(xorKey(key, i), user);
  }
  return legacyUserKey(user, p);
}
