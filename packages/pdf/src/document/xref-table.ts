import type { ByteSource } from '../io/byte-source.js';
import { latin1 } from '../syntax/chars.js';
import type { Lexer } from '../syntax/lexer.js';
import { PdfDict } from '../syntax/objects.js';
import { parseObject } from '../syntax/parser.js';
import { structureError } from './structure-error.js';
import { parseAt } from './window.js';
import type { XrefEntry } from './xref-types.js';

interface Subsection {
  first: number;
  count: number;
  /** File offset of the first entry. */
  at: number;
}

/**
 * Reads the subsection headers of a classic table and the trailer that follows, skipping the entry
 * bytes (20 each), which are read apart: a table can list millions of objects.
 */
function readLayout(lx: Lexer): { subsections: Subsection[]; trailer: PdfDict; trailerEnd: number } {
  const kw = lx.next();
  if (kw?.kind !== 'keyword' || kw.value !== 'xref') lx.fail('expected "xref"');
  const subsections: Subsection[] = [];
  for (;;) {
    const t = lx.next();
    if (t?.kind === 'keyword' && t.value === 'trailer') break;
    const c = lx.next();
    if (
      t?.kind !== 'number' ||
      c?.kind !== 'number' ||
      !t.integer ||
      !c.integer ||
      t.value < 0 ||
      c.value < 0
    )
      lx.fail('bad cross-reference subsection header');
    lx.skipWhitespace();
    const at = lx.offset;
    subsections.push({ first: t.value, count: c.value, at });
    // entries are 20 bytes; tolerate writers that use 19 or 21 by scanning tokens
    for (let i = 0; i < c.value; i++) {
      lx.next();
      lx.next();
      const nf = lx.next();
      if (nf?.kind !== 'keyword' || (nf.value !== 'n' && nf.value !== 'f'))
        lx.fail('bad cross-reference entry');
    }
  }
  const trailer = parseObject(lx);
  if (!(trailer instanceof PdfDict)) lx.fail('trailer is not a dictionary');
  return { subsections, trailer, trailerEnd: lx.offset };
}

function parseEntries(bytes: Uint8Array, sub: Subsection, into: Map<number, XrefEntry>): void {
  const text = latin1(bytes);
  const re = /(\d+)\s+(\d+)\s+([nf])/g;
  for (let i = 0; i < sub.count; i++) {
    const m = re.exec(text);
    if (!m) throw structureError(`cross-reference subsection at ${sub.at} ends early`);
    const num = sub.first + i;
    // a later subsection of the same section may not redefine an object: the first one wins
    if (into.has(num)) continue;
    const gen = Number(m[2]);
    into.set(num, m[3] === 'n' ? { type: 'offset', offset: Number(m[1]), gen } : { type: 'free', gen });
  }
}

export interface ClassicTable {
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  trailerEnd: number;
}

export async function readXrefTable(source: ByteSource, offset: number): Promise<ClassicTable> {
  // The layout pass scans tokens through the whole table; fine up to tens of thousands of objects,
  // and then the parseAt window simply grows.
  const layout = await parseAt(source, offset, readLayout);
  const entries = new Map<number, XrefEntry>();
  for (const sub of layout.subsections) {
    if (sub.count === 0) continue;
    const bytes = await source.read(sub.at, Math.min(source.size - sub.at, sub.count * 21 + 64));
    parseEntries(bytes, sub, entries);
  }
  return { entries, trailer: layout.trailer, trailerEnd: layout.trailerEnd };
}
