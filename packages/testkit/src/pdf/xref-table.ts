import { dict } from './syntax.js';
import type { PdfWriter } from './writer.js';

/** One row of a classic table; for a free row `offset` is the next free object number. */
export interface TableRow {
  num: number;
  offset: number;
  gen: number;
  free: boolean;
}

/** Ten digits is what the table format allows (offsets up to ~9.3 GiB). */
const MAX_OFFSET = 9_999_999_999;

/** Free rows linking `nums` into the free list that starts at object 0 (§7.5.4). */
export function freeList(nums: readonly number[]): TableRow[] {
  const sorted = [...nums].sort((a, b) => a - b);
  const rows: TableRow[] = [{ num: 0, offset: sorted[0] ?? 0, gen: 65535, free: true }];
  sorted.forEach((num, i) => {
    rows.push({ num, offset: sorted[i + 1] ?? 0, gen: 65535, free: true });
  });
  return rows;
}

/**
 * Writes `xref`, one subsection per run of consecutive numbers, and the trailer; returns the offset
 * of `xref` (for startxref and a later /Prev). Each row is exactly 20 bytes, its end " \n" or "\r\n".
 */
export function writeXrefTable(
  w: PdfWriter,
  rows: readonly TableRow[],
  trailer: Readonly<Record<string, string | undefined>>,
): number {
  const at = w.offset;
  const sorted = [...rows].sort((a, b) => a.num - b.num);
  const end = w.eol === '\r\n' ? '\r\n' : ' \n';
  const lines = [`xref${w.eol}`];
  // No rows: the `xref 0 0` section of a hybrid file's update (a subsection of no entries).
  if (sorted.length === 0) lines.push(`0 0${w.eol}`);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]?.num === (sorted[j - 1]?.num ?? 0) + 1) j++;
    lines.push(`${sorted[i]?.num} ${j - i}${w.eol}`);
    for (const row of sorted.slice(i, j)) {
      if (row.offset > MAX_OFFSET)
        throw new RangeError('an offset does not fit the 10 digits of a classic table');
      lines.push(
        `${String(row.offset).padStart(10, '0')} ${String(row.gen).padStart(5, '0')} ${row.free ? 'f' : 'n'}${end}`,
      );
    }
    i = j;
  }
  lines.push(`trailer${w.eol}${dict(trailer)}${w.eol}`);
  w.text(lines.join(''));
  return at;
}
