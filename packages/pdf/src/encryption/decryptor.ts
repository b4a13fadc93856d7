import { isName, PdfDict, type PdfObject, PdfStream } from '../syntax/objects.js';
import { aesCbcDecryptPdf } from './aes.js';
import type { CryptFilters, CryptMethod } from './crypt-filters.js';
import { objectKey } from './object-key.js';
import { decryptStrings } from './object-strings.js';
import { rc4 } from './rc4.js';

/** What the object store asks of a decryptor: strings as objects are parsed, stream data as it is decoded. */
export interface ObjectDecryptor {
  /** The object with its strings decrypted (objects from object streams never come here). */
  objectStrings(value: PdfObject, num: number, gen: number): PdfObject;
  /** The stream's data decrypted, and the dictionary to decode it with (without a /Crypt filter). */
  streamData(
    stream: PdfStream,
    data: Uint8Array,
    num: number,
    gen: number,
  ): { dict: PdfDict; data: Uint8Array };
}

function filterList(o: PdfObject | undefined): PdfObject[] {
  return o === undefined || o === null ? [] : Array.isArray(o) ? o : [o];
}

/**
 * Decrypts the strings and streams of an encrypted file with its file key (§7.6.2–3). Left alone,
 * as the standard says: the /Encrypt dictionary, cross-reference streams, a signature's /Contents,
 * XMP metadata when /EncryptMetadata is false, and what an Identity crypt filter covers.
 */
export class PdfDecryptor implements ObjectDecryptor {
  constructor(
    readonly fileKey: Uint8Array,
    readonly filters: CryptFilters,
    readonly encryptMetadata: boolean,
    /** The object number of the /Encrypt dictionary, when it is indirect. */
    readonly encryptObject: number | undefined,
  ) {}

  /** The decryption of one object's strings or stream (its key is derived once). */
  cipher(method: CryptMethod, num: number, gen: number): (data: Uint8Array) => Uint8Array {
    switch (method) {
      case 'Identity':
        return (data) => data;
      case 'RC4': {
        const key = objectKey(this.fileKey, num, gen, false);
        return (data) => rc4(key, data);
      }
      case 'AESV2': {
        const key = objectKey(this.fileKey, num, gen, true);
        return (data) => aesCbcDecryptPdf(key, data);
      }
      case 'AESV3':
        // revisions 5 and 6 use the file key itself for every object
        return (data) => aesCbcDecryptPdf(this.fileKey, data);
    }
  }

  objectStrings(value: PdfObject, num: number, gen: number): PdfObject {
    if (num === this.encryptObject) return value;
    if (value instanceof PdfStream && value.dict.name('Type') === 'XRef') return value;
    const method = this.filters.strings;
    if (method === 'Identity') return value;
    return decryptStrings(value, this.cipher(method, num, gen));
  }

  streamData(
    stream: PdfStream,
    data: Uint8Array,
    num: number,
    gen: number,
  ): { dict: PdfDict; data: Uint8Array } {
    const dict = stream.dict;
    const type = dict.name('Type');
    if (num === this.encryptObject || type === 'XRef') return { dict, data };
    if (type === 'Metadata' && !this.encryptMetadata) return { dict, data };
    const filters = filterList(dict.get('Filter'));
    const first = filters[0];
    if (isName(first, 'Crypt')) {
      // §7.4.10: a /Crypt filter first in the chain names the crypt filter for this stream
      const parms = filterList(dict.get('DecodeParms') ?? dict.get('DP'));
      const p = parms[0];
      const name = p instanceof PdfDict ? p.name('Name') : undefined;
      const method = this.filters.byName(name ?? 'Identity') ?? 'Identity';
      const rest = dict.clone();
      rest.delete('DP');
      if (filters.length > 1) rest.set('Filter', filters.slice(1));
      else rest.delete('Filter');
      if (parms.length > 1) rest.set('DecodeParms', parms.slice(1));
      else rest.delete('DecodeParms');
      return { dict: rest, data: this.cipher(method, num, gen)(data) };
    }
    const method = type === 'EmbeddedFile' ? this.filters.embeddedFiles : this.filters.streams;
    return { dict, data: this.cipher(method, num, gen)(data) };
  }
}
