import { BigEndianWriter } from '../binary.js';

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const padded = bytes.length + ((4 - (bytes.length % 4)) % 4);
  for (let i = 0; i < padded; i += 4)
    sum =
      (sum +
        (((bytes[i] ?? 0) << 24) |
          ((bytes[i + 1] ?? 0) << 16) |
          ((bytes[i + 2] ?? 0) << 8) |
          (bytes[i + 3] ?? 0))) >>>
      0;
  return sum;
}

/**
 * Writes an sfnt file from its tables: directory sorted by tag, each table long-aligned and
 * check-summed, and head.checkSumAdjustment set so the whole file sums to 0xB1B0AFBA.
 */
export function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let power = 1;
  while (power * 2 <= n) power *= 2;
  const out = new BigEndianWriter();
  out
    .u32(0x00010000)
    .u16(n)
    .u16(power * 16)
    .u16(Math.log2(power))
    .u16(n * 16 - power * 16);
  let offset = 12 + 16 * n;
  let headAt = -1;
  for (const tag of tags) {
    const data = tables.get(tag)!;
    for (let i = 0; i < 4; i++) out.u8(tag.charCodeAt(i));
    out
      .u32(tag === 'head' ? checksumWithoutAdjustment(data) : checksum(data))
      .u32(offset)
      .u32(data.length);
    if (tag === 'head') headAt = offset;
    offset += data.length + ((4 - (data.length % 4)) % 4);
  }
  for (const tag of tags) out.bytes(tables.get(tag)!).pad4();
  const bytes = out.toBytes();
  if (headAt >= 0) {
    const view = new DataView(bytes.buffer);
    view.setUint32(headAt + 8, 0);
    view.setUint32(headAt + 8, (0xb1b0afba - checksum(bytes)) >>> 0);
  }
  return bytes;
}

/** The 'head' checksum is taken with checkSumAdjustment zeroed. */
function checksumWithoutAdjustment(head: Uint8Array): number {
  const copy = head.slice();
  copy.fill(0, 8, 12);
  return checksum(copy);
}
