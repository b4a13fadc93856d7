import { layoutText, type TextLine, type TrueTypeFont } from '@kyso/pdf';

export interface ParagraphOptions {
  /** Points. */
  size: number;
  width: number;
  /** The first line's indent in points (Decree 30: 1 to 1.27 cm). */
  indent?: number;
}

/** One line of a paragraph: the glyphs, and where it starts from the paragraph's left edge. */
export interface ParagraphLine {
  line: TextLine;
  x: number;
  /** Room left to spread over the spaces when justified. */
  free: number;
  last: boolean;
}

/**
 * A paragraph wrapped by @kyso/pdf's layoutText, the first line indented: that line is laid out
 * in the narrower width, the rest of the text after it in the full width.
 */
export function layoutParagraph(
  font: TrueTypeFont,
  text: string,
  options: ParagraphOptions,
): ParagraphLine[] {
  const indent = options.indent ?? 0;
  const nfc = text.normalize('NFC');
  const box = { size: options.size, height: 1e6 };
  const first = layoutText(font, nfc, { ...box, width: options.width - indent }).lines[0];
  if (!first) return [];
  const used = first.glyphs.reduce((n, g) => n + g.text.length, 0);
  const rest = nfc.slice(used).trimStart();
  const lines: ParagraphLine[] = [
    { line: first, x: indent, free: options.width - indent - first.width, last: false },
  ];
  if (rest)
    for (const line of layoutText(font, rest, { ...box, width: options.width }).lines)
      lines.push({ line, x: 0, free: options.width - line.width, last: false });
  lines[lines.length - 1]!.last = true;
  return lines;
}
