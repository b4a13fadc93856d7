import type { BigEndianReader } from '../binary.js';
import { fontError } from './font-error.js';
import { requireTable, type SfntTables } from './sfnt.js';

/** What layout and the PDF font descriptor need, in font units. */
export interface FontMetrics {
  unitsPerEm: number;
  bbox: [number, number, number, number];
  /** 0 short (Offset16/2), 1 long (Offset32) 'loca' entries. */
  indexToLocFormat: number;
  numGlyphs: number;
  numberOfHMetrics: number;
  /** Line spacing: the typographic values when the font asks for them (USE_TYPO_METRICS), else 'hhea'. */
  ascent: number;
  descent: number;
  lineGap: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  weightClass: number;
  isFixedPitch: boolean;
  italic: boolean;
  bold: boolean;
  /** OS/2 fsType: the embedding licence bits. */
  fsType: number;
}

function os2(t: BigEndianReader | undefined) {
  if (!t || t.length < 78) return undefined;
  const version = t.u16(0);
  return {
    weightClass: t.u16(4),
    fsType: t.u16(8),
    fsSelection: t.u16(62),
    typoAscender: t.i16(68),
    typoDescender: t.i16(70),
    typoLineGap: t.i16(72),
    xHeight: version >= 2 && t.length >= 90 ? t.i16(86) : 0,
    capHeight: version >= 2 && t.length >= 90 ? t.i16(88) : 0,
  };
}

export function readMetrics(sfnt: SfntTables): FontMetrics {
  const head = requireTable(sfnt, 'head');
  const hhea = requireTable(sfnt, 'hhea');
  const maxp = requireTable(sfnt, 'maxp');
  const post = sfnt.tables.get('post');
  const o = os2(sfnt.tables.get('OS/2'));
  const unitsPerEm = head.u16(18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw fontError(`unitsPerEm ${unitsPerEm} is out of range`);
  const macStyle = head.u16(44);
  const bbox: FontMetrics['bbox'] = [head.i16(36), head.i16(38), head.i16(40), head.i16(42)];
  const useTypo = o !== undefined && (o.fsSelection & 0x80) !== 0;
  const ascent = useTypo ? o.typoAscender : hhea.i16(4);
  const descent = useTypo ? o.typoDescender : hhea.i16(6);
  const lineGap = useTypo ? o.typoLineGap : hhea.i16(8);
  return {
    unitsPerEm,
    bbox,
    indexToLocFormat: head.i16(50),
    numGlyphs: maxp.u16(4),
    numberOfHMetrics: hhea.u16(34),
    ascent,
    descent,
    lineGap,
    // fonts without OS/2 v2 give no cap height: the bbox top is the usual stand-in
    capHeight: o?.capHeight || bbox[3],
    xHeight: o?.xHeight || Math.round(bbox[3] / 2),
    italicAngle: post && post.length >= 8 ? post.i32(4) / 65536 : 0,
    weightClass: o?.weightClass ?? ((macStyle & 1) !== 0 ? 700 : 400),
    isFixedPitch: post !== undefined && post.length >= 16 && post.u32(12) !== 0,
    italic: (macStyle & 2) !== 0 || (o !== undefined && (o.fsSelection & 1) !== 0),
    bold: (macStyle & 1) !== 0 || (o !== undefined && (o.fsSelection & 0x20) !== 0),
    fsType: o?.fsType ?? 0,
  };
}

/** Advance widths by glyph id ('hmtx'; glyphs past numberOfHMetrics repeat the last advance). */
export function readAdvances(sfnt: SfntTables, m: FontMetrics): Uint16Array {
  const hmtx = requireTable(sfnt, 'hmtx');
  if (m.numberOfHMetrics < 1 || m.numberOfHMetrics > m.numGlyphs)
    throw fontError(`numberOfHMetrics ${m.numberOfHMetrics} does not fit ${m.numGlyphs} glyphs`);
  const out = new Uint16Array(m.numGlyphs);
  let last = 0;
  for (let g = 0; g < m.numGlyphs; g++) {
    if (g < m.numberOfHMetrics) last = hmtx.u16(4 * g);
    out[g] = last;
  }
  return out;
}

/** Left side bearings by glyph id (kept in the subset's 'hmtx' for the glyphs it keeps). */
export function readLeftBearings(sfnt: SfntTables, m: FontMetrics): Int16Array {
  const hmtx = requireTable(sfnt, 'hmtx');
  const out = new Int16Array(m.numGlyphs);
  const tail = 4 * m.numberOfHMetrics;
  for (let g = 0; g < m.numGlyphs; g++) {
    const at = g < m.numberOfHMetrics ? 4 * g + 2 : tail + 2 * (g - m.numberOfHMetrics);
    // some fonts cut the trailing bearings short; a missing one is 0 (its outline still has xMin)
    out[g] = at + 2 <= hmtx.length ? hmtx.i16(at) : 0;
  }
  return out;
}
