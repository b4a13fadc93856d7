import { fromLatin1 } from '../syntax/chars.js';
import type { PdfObject } from '../syntax/objects.js';
import { serialize } from '../syntax/serializer.js';
import { textString } from '../writer/incremental-update.js';
import { pdfDate } from './pdf-date.js';

/** Room for the four /ByteRange numbers of a file of any size (each up to 15 digits). */
const BYTE_RANGE_WIDTH = 4 * 16 + 2;

export type SubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached' | 'ETSI.RFC3161';

export interface SignatureDictionaryOptions {
  subFilter: SubFilter;
  /** Bytes of CMS the /Contents string can hold (it is written as twice as many hex digits). */
  capacity: number;
  signingTime?: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  name?: string;
  /** /Reference entries (DocMDP, FieldMDP transform dictionaries). */
  reference?: PdfObject[];
}

export interface SignatureDictionaryText {
  text: string;
  /** Where in `text` the "[" of /ByteRange's array starts, and its fixed width. */
  byteRangeAt: number;
  byteRangeWidth: number;
  /** Where in `text` the "<" of /Contents is, and the hex digits that follow it. */
  contentsAt: number;
  contentsHexLength: number;
}

/**
 * The signature dictionary as text with fixed-width placeholders: a /ByteRange array padded with
 * spaces and a /Contents hex string of zeros, both patched in place once the offsets and the CMS are
 * known (never moving a byte).
 */
export function signatureDictionary(o: SignatureDictionaryOptions): SignatureDictionaryText {
  const doc = o.subFilter === 'ETSI.RFC3161';
  let text = `<</Type/${doc ? 'DocTimeStamp' : 'Sig'}/Filter/Adobe.PPKLite/SubFilter/${o.subFilter}`;
  if (!doc && o.signingTime) text += `/M${serialize(textString(pdfDate(o.signingTime)))}`;
  if (o.reason) text += `/Reason${serialize(textString(o.reason))}`;
  if (o.location) text += `/Location${serialize(textString(o.location))}`;
  if (o.contactInfo) text += `/ContactInfo${serialize(textString(o.contactInfo))}`;
  if (o.name) text += `/Name${serialize(textString(o.name))}`;
  if (o.reference && o.reference.length > 0) text += `/Reference${serialize(o.reference)}`;
  text += '/Prop_Build<</App<</Name/kyso>>>>';
  text += '/ByteRange';
  const byteRangeAt = text.length;
  text += `[${' '.repeat(BYTE_RANGE_WIDTH - 2)}]`;
  text += '/Contents';
  const contentsAt = text.length;
  text += `<${'0'.repeat(o.capacity * 2)}>`;
  text += '>>';
  return {
    text,
    byteRangeAt,
    byteRangeWidth: BYTE_RANGE_WIDTH,
    contentsAt,
    contentsHexLength: o.capacity * 2,
  };
}

/** The /ByteRange array text, padded to the placeholder's width. */
export function byteRangeText(range: readonly number[], width = BYTE_RANGE_WIDTH): Uint8Array {
  const body = `[${range.join(' ')}`;
  if (body.length + 1 > width) throw new RangeError('byte range does not fit its placeholder');
  return fromLatin1(`${body}${' '.repeat(width - body.length - 1)}]`);
}
