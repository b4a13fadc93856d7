import { decodeTextString } from '../syntax/text-string.js';

let pdfDocEncoder: Map<number, number> | undefined;

/** PDFDocEncoding's byte for each character it can encode (built once, from the decoder's table). */
function pdfDocByte(code: number): number | undefined {
  if (!pdfDocEncoder) {
    pdfDocEncoder = new Map();
    for (let b = 0; b < 256; b++) {
      const c = decodeTextString(Uint8Array.of(b)).charCodeAt(0);
      if (!pdfDocEncoder.has(c)) pdfDocEncoder.set(c, b);
    }
  }
  return pdfDocEncoder.get(code);
}

/**
 * A password for revisions 2 to 4: PDFDocEncoding (§7.6.4.3.2, algorithm 2 step a), at most 32
 * bytes. Characters it cannot encode become "?", as no byte could match them anyway.
 */
export function legacyPasswordBytes(password: string): Uint8Array {
  const out: number[] = [];
  for (const ch of password) {
    if (out.length === 32) break;
    out.push(pdfDocByte(ch.codePointAt(0)!) ?? 0x3f);
  }
  return Uint8Array.from(out);
}

/**
 * A password for revisions 5 and 6: UTF-8 after SASLprep (RFC 4013), at most 127 bytes
 * (algorithm 2.A step a). NFKC normalisation stands in for SASLprep: it is SASLprep's mapping
 * for every password a person can type, without its prohibited-character checks.
 */
export function unicodePasswordBytes(password: string): Uint8Array {
  // cut at 127 bytes, even inside a character, as the standard says and writers do
  return new TextEncoder().encode(password.normalize('NFKC')).subarray(0, 127);
}
