import { deflate } from './deflate.js';
import type { PlainObject, StreamObject } from './model.js';
import { array } from './syntax.js';

/** A cross-reference stream row (§7.5.8.3): 0 free, 1 at an offset, 2 inside an object stream. */
export interface StreamRow {
  num: number;
  type: 0 | 1 | 2;
  /** Offset (type 1), object stream number (type 2), next free object (type 0). */
  field2: number;
  /** Generation (types 0 and 1), index in the object stream (type 2). */
  field3: number;
}

function bytesFor(max: number): number {
  let n = 1;
  while (max >= 256 ** n) n++;
  return n;
}

function putBigEndian(row: Uint8Array, at: number, width: number, value: number): void {
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    row[at + i] = v % 256;
    v = Math.floor(v / 256);
  }
}

/**
 * A cross-reference stream as Acrobat writes it: /W as narrow as the values allow, Flate with the PNG
 * Up predictor (/Predictor 12), /Index when the rows are not one run from 0. `extra` holds the
 * trailer entries (/Root, /Info, /ID, /Prev...).
 */
export async function xrefStream(
  num: number,
  size: number,
  rows: readonly StreamRow[],
  extra: Readonly<Record<string, string>>,
): Promise<StreamObject> {
  const sorted = [...rows].sort((a, b) => a.num - b.num);
  let max2 = 0;
  let max3 = 0;
  for (const r of sorted) {
    max2 = Math.max(max2, r.field2);
    if (r.num !== 0) max3 = Math.max(max3, r.field3);
  }
  const w = [1, bytesFor(max2), bytesFor(max3)] as const;
  const columns = w[0] + w[1] + w[2];
  const raw = new Uint8Array(sorted.length * (columns + 1));
  let previous = new Uint8Array(columns);
  sorted.forEach((r, i) => {
    const row = new Uint8Array(columns);
    row[0] = r.type;
    putBigEndian(row, w[0], w[1], r.field2);
    // Object 0's generation is 65535; like Acrobat, write as much of it as the column holds.
    putBigEndian(row, w[0] + w[1], w[2], r.num === 0 ? Math.min(65535, 256 ** w[2] - 1) : r.field3);
    const at = i * (columns + 1);
    raw[at] = 2; // PNG Up: each byte minus the byte above it
    for (let c = 0; c < columns; c++) raw[at + 1 + c] = ((row[c] ?? 0) - (previous[c] ?? 0)) & 0xff;
    previous = row;
  });
  const index: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]?.num === (sorted[j - 1]?.num ?? 0) + 1) j++;
    index.push(sorted[i]?.num ?? 0, j - i);
    i = j;
  }
  const whole = index.length === 2 && index[0] === 0 && index[1] === size;
  return {
    num,
    dict: {
      Type: '/XRef',
      Size: String(size),
      ...extra,
      W: array(w.map(String)),
      ...(whole ? {} : { Index: array(index.map(String)) }),
      Filter: '/FlateDecode',
      DecodeParms: `<< /Columns ${columns} /Predictor 12 >>`,
    },
    data: await deflate(raw),
  };
}

/** An object stream (§7.5.7) holding `objects`, Flate-compressed. */
export async function objectStream(num: number, objects: readonly PlainObject[]): Promise<StreamObject> {
  const pairs: string[] = [];
  const bodies: string[] = [];
  let offset = 0;
  for (const o of objects) {
    pairs.push(`${o.num} ${offset}`);
    const body = `${o.body}\n`;
    bodies.push(body);
    offset += body.length;
  }
  const head = `${pairs.join(' ')}\n`;
  const data = new Uint8Array(head.length + offset);
  let at = 0;
  for (const part of [head, ...bodies]) for (let i = 0; i < part.length; i++) data[at++] = part.charCodeAt(i);
  return {
    num,
    dict: { Type: '/ObjStm', N: String(objects.length), First: String(head.length), Filter: '/FlateDecode' },
    data: await deflate(data),
  };
}
