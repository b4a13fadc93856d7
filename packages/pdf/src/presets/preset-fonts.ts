import { isKysoError, KysoError } from '@kyso/core';
import { type FontFamily, fetchDefaultFonts } from '../appearance/font/default-fonts.js';

/**
 * The fonts a preset draws with, loaded once and only when a preset asks: the caller's family, or
 * the bundled Liberation Serif fetched beside the module (browsers). Node has no fetch for file
 * URLs: there `@kyso/pdf/node` passes `loadDefaultFonts`.
 */
export function presetFonts(
  fonts: FontFamily | (() => Promise<FontFamily>) | undefined,
  signal?: AbortSignal,
): () => Promise<FontFamily> {
  let loaded: Promise<FontFamily> | undefined;
  return () => {
    if (fonts && typeof fonts !== 'function') return Promise.resolve(fonts);
    loaded ??= (fonts ?? (() => fetchDefaultFonts(signal ? { signal } : {})))().catch((error: unknown) => {
      if (isKysoError(error) && error.code !== 'NETWORK_ERROR') throw error;
      throw new KysoError('USAGE', {
        params: {
          detail:
            'the bundled fonts could not be loaded: pass `fonts` (in Node, loadDefaultFonts() from @kyso/pdf/node)',
        },
        cause: error,
      });
    });
    return loaded;
  };
}
