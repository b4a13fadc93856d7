import { KysoError } from '@kyso/core';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { type PdfDict, type PdfObject, PdfString } from '../syntax/objects.js';
import type { CryptFilters } from './crypt-filters.js';
import { unsupported } from './errors.js';
import type { PdfRecipient } from './options.js';
import { recipientSeed } from './recipient-key.js';

/** The /Recipients strings: in the stream crypt filter (adbe.pkcs7.s5), else in /Encrypt (s3, s4). */
async function recipientStrings(
  encrypt: PdfDict,
  filters: CryptFilters,
  resolve: (o: PdfObject | undefined) => Promise<PdfObject>,
): Promise<Uint8Array[]> {
  const list = await resolve(filters.streamFilterDict?.get('Recipients') ?? encrypt.get('Recipients'));
  const items = Array.isArray(list) ? list : [list];
  const out: Uint8Array[] = [];
  for (const item of items) {
    const s = await resolve(item);
    if (s instanceof PdfString) out.push(s.bytes);
  }
  if (out.length === 0) throw unsupported('public-key encryption without /Recipients');
  return out;
}

/** The file key length of SHA-1 derived keys: 16 bytes for AES, else the /Length in bits. */
function sha1KeyLength(encrypt: PdfDict, filters: CryptFilters): number {
  if (filters.streams === 'AESV2' || filters.strings === 'AESV2') return 16;
  const length = filters.streamFilterDict?.get('Length') ?? encrypt.get('Length');
  // crypt filters give /Length in bytes or in bits, depending on the writer
  const bits = typeof length === 'number' ? (length <= 16 ? length * 8 : length) : 128;
  if (!Number.isInteger(bits) || bits % 8 !== 0 || bits < 40 || bits > 160)
    throw unsupported(`public-key /Length ${bits}`);
  return bits / 8;
}

/**
 * The public-key security handler (ISO 32000-2 §7.6.5, Adobe.PubSec): the recipient opens its CMS
 * envelope to get a 20-byte seed, and the file key is SHA-1 (SHA-256 for AES-256) of the seed,
 * every /Recipients string of the filter, and 0xFFFFFFFF when metadata is left in the clear.
 */
export async function publicKeyFileKey(
  encrypt: PdfDict,
  filters: CryptFilters,
  encryptMetadata: boolean,
  resolve: (o: PdfObject | undefined) => Promise<PdfObject>,
  recipient: PdfRecipient | undefined,
): Promise<Uint8Array> {
  const subFilter = encrypt.name('SubFilter');
  if (subFilter !== 'adbe.pkcs7.s3' && subFilter !== 'adbe.pkcs7.s4' && subFilter !== 'adbe.pkcs7.s5')
    throw unsupported(`public-key /SubFilter ${subFilter ?? '(none)'}`);
  const envelopes = await recipientStrings(encrypt, filters, resolve);
  const seed = recipient ? recipientSeed(envelopes, recipient) : undefined;
  if (!seed)
    throw new KysoError('NOT_A_RECIPIENT', {
      params: {
        detail: recipient
          ? 'the certificate and key given open none of the /Recipients'
          : 'the PDF is encrypted for certificate holders; no recipient certificate and key were given',
      },
    });
  const aes256 = filters.streams === 'AESV3' || filters.strings === 'AESV3';
  const h = aes256 ? sha256.create() : sha1.create();
  h.update(seed);
  for (const e of envelopes) h.update(e);
  if (!encryptMetadata) h.update(Uint8Array.of(0xff, 0xff, 0xff, 0xff));
  const digest = h.digest();
  return aes256 ? digest : digest.slice(0, sha1KeyLength(encrypt, filters));
}
