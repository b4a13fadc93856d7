import { isKysoError, type KysoError } from '@kyso/core';
import { isDict, type PdfDict, type PdfObject, PdfRef, PdfString } from '../syntax/objects.js';
import { readCryptFilters, resolveCryptFilters } from './crypt-filters.js';
import { PdfDecryptor } from './decryptor.js';
import { unsupported } from './errors.js';
import type { DecryptionOptions } from './options.js';
import { publicKeyFileKey } from './public-key-handler.js';
import { standardFileKey } from './standard-handler.js';

/** A decryptor for the file, or why there is none (BAD_PASSWORD, NOT_A_RECIPIENT, ENCRYPTED_PDF). */
export type Decryption = { decryptor: PdfDecryptor } | { failure: KysoError };

/**
 * Opens the security handler the trailer's /Encrypt names (§7.6): the standard handler with a
 * password (the empty one when none is given), or the public-key handler with a recipient's
 * certificate and key. `resolve` must not decrypt: the /Encrypt dictionary is never encrypted.
 */
export async function openEncryption(
  trailer: PdfDict,
  resolve: (o: PdfObject | undefined) => Promise<PdfObject>,
  options: DecryptionOptions,
): Promise<Decryption> {
  try {
    const ref = trailer.get('Encrypt');
    const encrypt = await resolve(ref);
    if (!isDict(encrypt)) throw unsupported('/Encrypt is not a dictionary');
    const ids = await resolve(trailer.get('ID'));
    const first = Array.isArray(ids) ? await resolve(ids[0]) : undefined;
    const id = first instanceof PdfString ? first.bytes : new Uint8Array(0);
    const cf = await resolveCryptFilters(encrypt, resolve);
    const filters = readCryptFilters(encrypt, cf);
    const filter = encrypt.name('Filter');
    // §7.6.5: public-key files may say it in the crypt filter (s5) as well as in /Encrypt
    const metadataFlag = filters.streamFilterDict?.get('EncryptMetadata') ?? encrypt.get('EncryptMetadata');
    const encryptMetadata = metadataFlag !== false;
    let fileKey: Uint8Array;
    if (filter === 'Standard')
      fileKey = standardFileKey(encrypt, filters, id, encryptMetadata, options.password);
    else if (filter === 'Adobe.PubSec')
      fileKey = await publicKeyFileKey(encrypt, filters, encryptMetadata, resolve, options.recipient);
    else throw unsupported(`security handler /${filter ?? '(no /Filter)'}`);
    const encryptObject = ref instanceof PdfRef ? ref.num : undefined;
    return { decryptor: new PdfDecryptor(fileKey, filters, encryptMetadata, encryptObject) };
  } catch (error) {
    if (isKysoError(error)) return { failure: error };
    return { failure: unsupported(`the /Encrypt dictionary cannot be read (${String(error)})`, error) };
  }
}
