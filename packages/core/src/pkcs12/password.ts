import { utf8 } from '../bytes/bytes.js';
import { bmpPassword } from './kdf.js';

/**
 * A password in the two encodings PKCS#12 files use: UTF-8 for PBES2/PBKDF2 (RFC 8018, as OpenSSL
 * and Windows write it), BMPString plus a two-byte terminator for the PKCS#12 KDF (RFC 7292 §B.1).
 */
export interface Password {
  readonly utf8: Uint8Array;
  readonly bmp: Uint8Array;
}

/**
 * The encodings to try, in order. An empty password is ambiguous: some writers derive keys from the
 * terminator alone, others from no bytes at all (OpenSSL's "no password"), so both are candidates
 * and the MAC, or the first decryption, says which one the file used.
 */
export function passwordCandidates(password: string): Password[] {
  const bytes = utf8.encode(password);
  const first = { utf8: bytes, bmp: bmpPassword(password) };
  return password === '' ? [first, { utf8: bytes, bmp: new Uint8Array(0) }] : [first];
}
