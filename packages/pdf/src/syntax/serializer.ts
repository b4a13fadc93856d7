import { isRegular } from './chars.js';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from './objects.js';

/** Writes PDF objects (ISO 32000-2 §7.3) as compact, byte-exact text. */

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError('PDF numbers are finite');
  if (Number.isInteger(n)) return String(n);
  // at most 6 decimals, no exponent form (PDF has none)
  return n
    .toFixed(6)
    .replace(/\.?0+$/, '')
    .replace(/^-0$/, '0');
}

function formatName(value: string): string {
  let out = '/';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x23 || !isRegular(c)) out += `#${c.toString(16).padStart(2, '0')}`;
    else out += value[i];
  }
  return out;
}

function formatString(s: PdfString): string {
  if (s.hex) {
    let out = '<';
    for (const b of s.bytes) out += b.toString(16).padStart(2, '0');
    return `${out}>`;
  }
  let out = '(';
  for (const b of s.bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

/** One object as PDF text (Latin-1: every char is one byte). Streams write only their dictionary. */
export function serialize(o: PdfObject): string {
  if (o === null) return 'null';
  if (o === true) return 'true';
  if (o === false) return 'false';
  if (typeof o === 'number') return formatNumber(o);
  if (o instanceof PdfName) return formatName(o.value);
  if (o instanceof PdfString) return formatString(o);
  if (o instanceof PdfRef) return `${o.num} ${o.gen} R`;
  if (Array.isArray(o)) return `[${o.map(serialize).join(' ')}]`;
  if (o instanceof PdfStream) return serialize(o.dict);
  if (o instanceof PdfDict) {
    let out = '<<';
    for (const [k, v] of o.map) out += `${formatName(k)} ${serialize(v)}`;
    return `${out}>>`;
  }
  throw new TypeError('not a PDF object');
}
