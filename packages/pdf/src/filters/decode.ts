import { KysoError } from '@kyso/core';
import { isName, PdfDict, type PdfObject } from '../syntax/objects.js';
import { ascii85Decode, asciiHexDecode } from './ascii.js';
import { inflate } from './flate.js';
import { unpredict } from './predictor.js';

const MAX_DECODED = 256 * 1024 * 1024;

function list(o: PdfObject | undefined): PdfObject[] {
  if (o === undefined || o === null) return [];
  return Array.isArray(o) ? o : [o];
}

function param(parms: PdfObject | undefined, key: string, fallback: number): number {
  const v = parms instanceof PdfDict ? parms.get(key) : undefined;
  return typeof v === 'number' ? v : fallback;
}

/**
 * Decodes a stream's data through its /Filter chain. Only what kyso must read is supported
 * (object streams, cross-reference streams, appearance and XMP streams): FlateDecode with
 * predictors, ASCIIHexDecode, ASCII85Decode. Images are never decoded.
 */
export async function decodeStream(dict: PdfDict, data: Uint8Array): Promise<Uint8Array> {
  const filters = list(dict.get('Filter'));
  const parms = list(dict.get('DecodeParms') ?? dict.get('DP'));
  let out = data;
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    const p = parms[i];
    if (!isName(f))
      throw new KysoError('PDF_STRUCTURE', { params: { detail: 'a stream filter is not a name' } });
    switch (f.value) {
      case 'FlateDecode':
      case 'Fl':
        out = await inflate(out);
        out = unpredict(out, {
          predictor: param(p, 'Predictor', 1),
          colors: param(p, 'Colors', 1),
          bitsPerComponent: param(p, 'BitsPerComponent', 8),
          columns: param(p, 'Columns', 1),
        });
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        out = asciiHexDecode(out);
        break;
      case 'ASCII85Decode':
      case 'A85':
        out = ascii85Decode(out);
        break;
      default:
        throw new KysoError('PDF_STRUCTURE', { params: { detail: `unsupported stream filter ${f.value}` } });
    }
    if (out.length > MAX_DECODED)
      throw new KysoError('PDF_STRUCTURE', { params: { detail: 'a stream decodes to more than 256 MiB' } });
  }
  return out;
}
