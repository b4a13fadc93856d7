import { BigEndianReader } from '../binary.js';
import { fontError } from './font-error.js';

/** The tables of one font in an sfnt file (TrueType, OpenType, or one font of a collection). */
export interface SfntTables {
  /** 0x00010000 or 'true' for TrueType outlines. */
  version: number;
  tables: Map<string, BigEndianReader>;
}

const TRUE_TYPE = new Set([0x00010000, 0x74727565 /* 'true' */]);
const OTTO = 0x4f54544f;
const TTCF = 0x74746366;

/**
 * Reads the table directory (OpenType spec, "Organization of an OpenType font"). A collection
 * (.ttc) gives its font number `index`. Only TrueType (glyf) outlines are accepted: CIDFontType2
 * embeds those; CFF outlines would need FontFile3 and another subsetter.
 */
export function readSfnt(bytes: Uint8Array, index = 0): SfntTables {
  const file = new BigEndianReader(bytes, (d) => fontError(`damaged file: ${d}`));
  if (file.length < 12) throw fontError('the file is too short to be a font');
  let start = 0;
  if (file.u32(0) === TTCF) {
    const count = file.u32(8);
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw fontError(`the collection has ${count} fonts, not a font number ${index}`);
    start = file.u32(12 + 4 * index);
  }
  const version = file.u32(start);
  if (version === OTTO)
    throw fontError('CFF (PostScript) outlines are not supported: give a TrueType (glyf) font');
  if (!TRUE_TYPE.has(version)) throw fontError('not a TrueType or OpenType file');
  const count = file.u16(start + 4);
  const tables = new Map<string, BigEndianReader>();
  for (let i = 0; i < count; i++) {
    const at = start + 12 + 16 * i;
    const tag = file.tag(at);
    const offset = file.u32(at + 8);
    const length = file.u32(at + 12);
    tables.set(tag, file.sub(offset, length));
  }
  return { version, tables };
}

/** A table the font must have. */
export function requireTable(sfnt: SfntTables, tag: string): BigEndianReader {
  const t = sfnt.tables.get(tag);
  if (!t) throw fontError(`the font has no '${tag}' table`);
  return t;
}
