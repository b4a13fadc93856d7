import { fromLatin1 } from '../syntax/chars.js';
import type { AppearanceDrawer } from './signature-field.js';

/**
 * The appearance of a visible signature until a preset draws one: a thin dark frame, so the signed
 * place is seen. (Text and images come from the appearance presets.)
 */
export const plainBox: AppearanceDrawer = async ({ width, height }) => ({
  content: fromLatin1(
    `q 0.2 0.2 0.2 RG 1 w 0.5 0.5 ${(width - 1).toFixed(2)} ${(height - 1).toFixed(2)} re S Q`,
  ),
});
