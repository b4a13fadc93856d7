import { KysoError } from '@kyso/core';
import { parseFont, type TrueTypeFont } from './true-type-font.js';

/** A family: bold and italic are chosen by picking the font. */
export interface FontFamily {
  regular: TrueTypeFont;
  bold: TrueTypeFont;
  italic: TrueTypeFont;
  boldItalic: TrueTypeFont;
}

export type FontStyle = keyof FontFamily;

/** The bundled Liberation Serif 2.x files (SIL OFL 1.1; the package's fonts/ folder). */
export const DEFAULT_FONT_FILES: Readonly<Record<FontStyle, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

/** A family from the caller's font files (TTF/OTF with glyf outlines). */
export function fontFamily(files: Readonly<Record<FontStyle, Uint8Array>>): FontFamily {
  return {
    regular: parseFont(files.regular),
    bold: parseFont(files.bold),
    italic: parseFont(files.italic),
    boldItalic: parseFont(files.boldItalic),
  };
}

/**
 * Where the bundled fonts are, next to this module. Each URL is written out as a literal
 * `new URL('…', import.meta.url)`, the form bundlers (Vite, webpack, Rollup, esbuild) copy as an asset.
 */
export function defaultFontUrls(): Record<FontStyle, URL> {
  return {
    regular: new URL('../../../fonts/LiberationSerif-Regular.ttf', import.meta.url),
    bold: new URL('../../../fonts/LiberationSerif-Bold.ttf', import.meta.url),
    italic: new URL('../../../fonts/LiberationSerif-Italic.ttf', import.meta.url),
    boldItalic: new URL('../../../fonts/LiberationSerif-BoldItalic.ttf', import.meta.url),
  };
}

export interface FetchDefaultFontsOptions {
  /** The fetch to use (default globalThis.fetch). */
  fetch?: (url: URL) => Promise<Pick<Response, 'ok' | 'status' | 'arrayBuffer'>>;
  signal?: AbortSignal;
}

/**
 * The bundled Liberation Serif family in browsers: fetched when called, never at import. In Node use
 * `loadDefaultFonts()` from `@kyso/pdf/node`, which reads the files.
 */
export async function fetchDefaultFonts(options: FetchDefaultFontsOptions = {}): Promise<FontFamily> {
  const get =
    options.fetch ?? ((url: URL) => globalThis.fetch(url, options.signal ? { signal: options.signal } : {}));
  const urls = defaultFontUrls();
  const entries = await Promise.all(
    (Object.keys(urls) as FontStyle[]).map(async (style) => {
      const response = await get(urls[style]);
      if (!response.ok)
        throw new KysoError('NETWORK_ERROR', {
          params: { url: urls[style].href, detail: `HTTP ${response.status}` },
        });
      return [style, new Uint8Array(await response.arrayBuffer())] as const;
    }),
  );
  return fontFamily(Object.fromEntries(entries) as Record<FontStyle, Uint8Array>);
}
