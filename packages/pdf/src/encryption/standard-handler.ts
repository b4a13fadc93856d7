import { KysoError } from '@kyso/core';
import { type PdfDict, PdfString } from '../syntax/objects.js';
import type { CryptFilters } from './crypt-filters.js';
import { unsupported } from './errors.js';
import { legacyPasswordBytes, unicodePasswordBytes } from './password.js';
import { aes256FileKey } from './standard-aes256-key.js';
import { type LegacyParams, legacyOwnerKey, legacyUserKey } from './standard-rc4-key.js';

function stringEntry(encrypt: PdfDict, key: string, min: number): Uint8Array {
  const v = encrypt.get(key);
  if (!(v instanceof PdfString) || v.bytes.length < min)
    throw unsupported(`/Encrypt /${key} is missing or shorter than ${min} bytes`);
  return v.bytes;
}

/** The file key length in bytes of a revision 2–4 file: /Length in bits (40 to 128), 16 for AES. */
function legacyKeyLength(encrypt: PdfDict, filters: CryptFilters): number {
  if (filters.streams === 'AESV2' || filters.strings === 'AESV2') return 16;
  const length = encrypt.get('Length');
  const bits = typeof length === 'number' ? length : encrypt.get('V') === 4 ? 128 : 40;
  if (!Number.isInteger(bits) || bits % 8 !== 0 || bits < 40 || bits > 128)
    throw unsupported(`/Encrypt /Length ${bits}`);
  return bits / 8;
}

/**
 * The standard security handler (ISO 32000-2 §7.6.4): the file key that `password` opens, as user
 * or owner password; the empty password when none is given (files meant to open without one).
 * A password that opens neither is BAD_PASSWORD.
 */
export function standardFileKey(
  encrypt: PdfDict,
  filters: CryptFilters,
  id: Uint8Array,
  encryptMetadata: boolean,
  password: string | undefined,
): Uint8Array {
  const r = encrypt.get('R');
  const given = password ?? '';
  let key: Uint8Array | undefined;
  if (r === 2 || r === 3 || r === 4) {
    const p = encrypt.get('P');
    const params: LegacyParams = {
      revision: r,
      owner: stringEntry(encrypt, 'O', 32).subarray(0, 32),
      user: stringEntry(encrypt, 'U', 32).subarray(0, 32),
      permissions: typeof p === 'number' ? p : 0,
      id,
      keyLength: legacyKeyLength(encrypt, filters),
      encryptMetadata,
    };
    const bytes = legacyPasswordBytes(given);
    key = legacyUserKey(bytes, params) ?? legacyOwnerKey(bytes, params);
  } else if (r === 5 || r === 6) {
    key = aes256FileKey(unicodePasswordBytes(given), {
      revision: r,
      owner: stringEntry(encrypt, 'O', 48),
      user: stringEntry(encrypt, 'U', 48),
      ownerKey: stringEntry(encrypt, 'OE', 32),
      userKey: stringEntry(encrypt, 'UE', 32),
    });
  } else throw unsupported(`standard security handler revision ${String(r)}`);
  if (!key)
    throw new KysoError('BAD_PASSWORD', {
      params: {
        detail:
          password === undefined
            ? 'the PDF needs a password to open'
            : 'the password is neither the user nor the owner password of the PDF',
      },
    });
  return key;
}
