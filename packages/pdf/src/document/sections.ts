import type { ByteSource } from '../io/byte-source.js';
import { latin1 } from '../syntax/chars.js';
import { allStartXrefs } from './scan.js';
import { structureError } from './structure-error.js';
import { findBackwards, findForwards } from './window.js';
import { readXrefStream } from './xref-stream.js';
import { readXrefTable } from './xref-table.js';
import type { XrefSection } from './xref-types.js';

export interface Warning {
  code: string;
  detail: string;
}

const MAX_SECTIONS = 10_000;
const DRIFT = 64;

/** The value after the last "startxref". */
export async function readStartXref(source: ByteSource): Promise<number> {
  const at = await findBackwards(source, 'startxref');
  if (at === undefined) throw structureError('no startxref at the end of the file');
  const bytes = await source.read(at + 9, Math.min(32, source.size - at - 9));
  const m = /^\s*(\d+)/.exec(latin1(bytes));
  if (!m) throw structureError('startxref is not followed by an offset');
  return Number(m[1]);
}

/** After a section: the "%%EOF" that closes its revision, and the end-of-line after it. */
async function revisionEnd(
  source: ByteSource,
  from: number,
): Promise<{ end: number; eofEnd: number } | undefined> {
  const eof = await findForwards(source, '%%EOF', from, 4096);
  if (eof === undefined) return undefined;
  const eofEnd = eof + 5;
  let end = eofEnd;
  const tail = await source.read(end, Math.min(2, source.size - end));
  if (tail[0] === 0x0d) end += tail[1] === 0x0a ? 2 : 1;
  else if (tail[0] === 0x0a) end += 1;
  return { end, eofEnd };
}

async function startsWith(source: ByteSource, offset: number, text: string): Promise<boolean> {
  if (offset < 0 || offset + text.length > source.size) return false;
  return latin1(await source.read(offset, text.length)) === text;
}

/**
 * Where a section really starts: at `offset`, or a few bytes off (writers that miscount), which is
 * then reported. Tables start with "xref", streams with "n g obj".
 */
async function locate(
  source: ByteSource,
  offset: number,
  warnings: Warning[],
): Promise<{ offset: number; table: boolean }> {
  if (await startsWith(source, offset, 'xref')) return { offset, table: true };
  const head =
    offset >= 0 && offset < source.size
      ? latin1(await source.read(offset, Math.min(32, source.size - offset)))
      : '';
  if (/^\d+\s+\d+\s+obj/.test(head)) return { offset, table: false };
  const from = Math.max(0, offset - DRIFT);
  const window =
    offset < source.size + DRIFT
      ? latin1(await source.read(from, Math.min(2 * DRIFT, source.size - from)))
      : '';
  const x = window.indexOf('xref');
  const o = /\d+\s+\d+\s+obj/.exec(window);
  const candidates = [
    x >= 0 ? { offset: from + x, table: true } : undefined,
    o ? { offset: from + o.index, table: false } : undefined,
  ]
    .filter((c): c is { offset: number; table: boolean } => c !== undefined)
    .sort((a, b) => Math.abs(a.offset - offset) - Math.abs(b.offset - offset));
  const best = candidates[0];
  if (!best) throw structureError(`no cross-reference section at offset ${offset}`);
  warnings.push({
    code: 'XREF_OFFSET_DRIFT',
    detail: `a cross-reference offset points ${best.offset - offset} bytes off (${offset} instead of ${best.offset})`,
  });
  return best;
}

async function readOne(source: ByteSource, offset: number, warnings: Warning[]): Promise<XrefSection> {
  const at = await locate(source, offset, warnings);
  if (at.table) {
    const t = await readXrefTable(source, at.offset);
    const xrefStm = t.trailer.get('XRefStm');
    const prev = t.trailer.get('Prev');
    const section: XrefSection = {
      offset,
      kind: typeof xrefStm === 'number' ? 'hybrid' : 'table',
      entries: t.entries,
      trailer: t.trailer,
      ...(typeof prev === 'number' ? { prev } : {}),
    };
    if (typeof xrefStm === 'number') {
      section.xrefStm = xrefStm;
      // §7.5.8.4: the stream's entries complete the table's (objects it does not list or lists free)
      const s = await readXrefStream(source, xrefStm);
      for (const [num, e] of s.entries) {
        const mine = section.entries.get(num);
        if (!mine || mine.type === 'free') section.entries.set(num, e);
      }
    }
    const end = await revisionEnd(source, t.trailerEnd);
    if (end) Object.assign(section, end);
    return section;
  }
  const s = await readXrefStream(source, at.offset);
  const prev = s.dict.get('Prev');
  const section: XrefSection = {
    offset,
    kind: 'stream',
    entries: s.entries,
    trailer: s.dict,
    ...(typeof prev === 'number' ? { prev } : {}),
    streamObject: { num: s.num, gen: s.gen },
  };
  const end = await revisionEnd(source, s.end);
  if (end) Object.assign(section, end);
  return section;
}

/**
 * Sections the /Prev chain does not reach (a "/Prev 0", a missing /Prev): every startxref in the file
 * names one. Returned newest first by file position, so a broken chain reads like an intact one.
 */
async function sectionsByScan(
  source: ByteSource,
  known: XrefSection[],
  warnings: Warning[],
): Promise<XrefSection[]> {
  const have = new Set(known.map((s) => s.offset));
  const found: XrefSection[] = [...known];
  for (const offset of await allStartXrefs(source)) {
    if (have.has(offset)) continue;
    try {
      found.push(await readOne(source, offset, warnings));
      have.add(offset);
    } catch {
      // a stale or damaged startxref: ignored, the rest still stands
    }
  }
  if (found.length > known.length) {
    warnings.push({
      code: 'XREF_CHAIN_REPAIRED',
      detail: `${found.length - known.length} cross-reference sections were found outside the /Prev chain`,
    });
  }
  return found.sort((a, b) => b.offset - a.offset);
}

/** Every cross-reference section from the last startxref back through /Prev, newest first. */
export async function readSections(source: ByteSource, warnings: Warning[]): Promise<XrefSection[]> {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | undefined = await readStartXref(source);
  while (offset !== undefined) {
    if (seen.has(offset)) {
      warnings.push({ code: 'XREF_LOOP', detail: `the /Prev chain loops back to ${offset}` });
      break;
    }
    if (sections.length >= MAX_SECTIONS) throw structureError('too many cross-reference sections');
    seen.add(offset);
    const section = await readOne(source, offset, warnings);
    sections.push(section);
    offset = section.prev;
    if (offset === 0) {
      // "/Prev 0" is a known writer bug: the earlier sections are found by scanning instead
      warnings.push({ code: 'XREF_PREV_ZERO', detail: 'a trailer has /Prev 0' });
      return sectionsByScan(source, sections, warnings);
    }
  }
  return sections;
}
