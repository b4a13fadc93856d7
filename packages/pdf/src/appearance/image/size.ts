import type { AppearanceImage } from './appearance-image.js';

const POINTS_PER_INCH = 72;
const MM_PER_INCH = 25.4;

/** Millimetres to points: a 36 mm seal is 102.05 pt. */
export function mmToPt(mm: number): number {
  return (mm * POINTS_PER_INCH) / MM_PER_INCH;
}

/**
 * How large to draw an image: one dimension in points or millimetres (the other follows the aspect
 * ratio), or the pixel density (`dpi`; by default the file's own, else 96).
 */
export type ImageSizeSpec =
  | { width: number }
  | { height: number }
  | { widthMm: number }
  | { heightMm: number }
  | { dpi?: number };

/** The size in points of `image` drawn as `spec` says, keeping its aspect ratio. */
export function imageSize(
  image: AppearanceImage,
  spec: ImageSizeSpec = {},
): { width: number; height: number } {
  const ratio = image.height / image.width;
  if ('width' in spec) return { width: spec.width, height: spec.width * ratio };
  if ('height' in spec) return { width: spec.height / ratio, height: spec.height };
  if ('widthMm' in spec) return imageSize(image, { width: mmToPt(spec.widthMm) });
  if ('heightMm' in spec) return imageSize(image, { height: mmToPt(spec.heightMm) });
  const dpiX = spec.dpi ?? image.dpi?.x ?? 96;
  const dpiY = spec.dpi ?? image.dpi?.y ?? 96;
  return { width: (image.width * POINTS_PER_INCH) / dpiX, height: (image.height * POINTS_PER_INCH) / dpiY };
}
