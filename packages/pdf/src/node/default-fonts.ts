import { readFile } from 'node:fs/promises';
import type { FontFamily } from '../appearance/font/default-fonts.js';

/**
 * The bundled Liberation Serif 2.x family (regular, bold, italic, bold italic), read from the
 * package's fonts/ folder when called: about 1.5 MB of files, parsed in a few milliseconds. Found
 * through the package's own `fonts/*` export, so a bundled caller (the kyso command) finds them too.
 */
export async function loadDefaultFonts(): Promise<FontFamily> {
  // the font parser loads with the first drawing that needs it, not with every signature
  const { DEFAULT_FONT_FILES, fontFamily } = await import('../appearance/font/default-fonts.js');
  const read = (file: string) =>
    readFile(new URL(import.meta.resolve(`@kyso/pdf/fonts/${file}`))).then((b) => new Uint8Array(b));
  const [regular, bold, italic, boldItalic] = await Promise.all([
    read(DEFAULT_FONT_FILES.regular),
    read(DEFAULT_FONT_FILES.bold),
    read(DEFAULT_FONT_FILES.italic),
    read(DEFAULT_FONT_FILES.boldItalic),
  ]);
  return fontFamily({ regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! });
}
