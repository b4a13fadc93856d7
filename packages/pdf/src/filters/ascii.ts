import { hexValue, isWhitespace } from '../syntax/chars.js';

/** ASCIIHexDecode (§7.4.2). */
export function asciiHexDecode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    if (isWhitespace(c)) continue;
    const v = hexValue(c);
    if (v < 0) throw new RangeError('invalid ASCIIHex data');
    if (high < 0) high = v;
    else {
      out.push(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return new Uint8Array(out);
}

/** ASCII85Decode (§7.4.3). */
export function ascii85Decode(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const g of group) v = v * 85 + g;
    const bytes = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    out.push(...bytes.slice(0, n));
    group.length = 0;
  };
  let i = 0;
  if (data[0] === 0x3c && data[1] === 0x7e) i = 2; // optional "<~"
  for (; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // "~>"
    if (isWhitespace(c)) continue;
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) throw new RangeError('invalid ASCII85 data');
    group.push(c - 0x21);
    if (group.length === 5) flush(4);
  }
  if (group.length > 0) flush(group.length - 1);
  return new Uint8Array(out);
}
