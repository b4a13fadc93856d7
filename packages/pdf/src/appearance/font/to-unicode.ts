import { fromLatin1 } from '../../syntax/chars.js';

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/**
 * A ToUnicode CMap for two-byte glyph-id codes (Identity-H): each glyph maps to the text it was
 * drawn for, so extraction gives back exactly that text (ISO 32000-2 §9.10.3).
 */
export function toUnicodeCMap(glyphText: ReadonlyMap<number, string>): Uint8Array {
  const entries = [...glyphText].sort((a, b) => a[0] - b[0]);
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  // at most 100 entries per bfchar block (the CMap format's limit)
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    lines.push(`${block.length} beginbfchar`);
    for (const [gid, text] of block) lines.push(`<${hex4(gid)}> <${utf16Hex(text)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end', '');
  return fromLatin1(lines.join('\n'));
}
