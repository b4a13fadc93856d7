import type { CertificateKindRule } from '@kyso/core';
import type { AppearanceItem } from '../appearance/compose/draw-appearance.js';
import { drawAppearance } from '../appearance/compose/draw-appearance.js';
import type { RgbColor } from '../appearance/content.js';
import type { AppearanceImage } from '../appearance/image/appearance-image.js';
import { type ImageSizeSpec, imageSize, mmToPt } from '../appearance/image/size.js';
import { lastPersonalWidget } from './last-personal-widget.js';
import { signatureBlockPlace } from './page-layout.js';
import { organizationName, signingTimeLine } from './signer-text.js';
import { rowsHeight, stackRows, type TextRow } from './text-rows.js';
import type { Preset, PresetCommonOptions, PresetContext, PresetPlace, PresetPlacement } from './types.js';

export interface OrganizationPresetOptions extends PresetCommonOptions {
  /** The red seal image (PNG with a transparent background), drawn at its real size. */
  seal?: AppearanceImage;
  /**
   * The seal's real size: e.g. `{ widthMm: 36 }`. Default: from the image's own pixel density, or
   * 36 mm across when the file does not say.
   */
  sealSize?: ImageSizeSpec;
  /** The organisation's name (default: the certificate's CN). */
  organizationName?: string;
  /** How much of the personal signature image the seal covers, from its left (default 1/3). */
  overlap?: number;
  /** Text colour (default black). */
  color?: RgbColor;
  /** Which certificates are personal, to find the signature the seal goes over. */
  certificateKind?: CertificateKindRule;
}

const DEFAULT_SIZE = 7.5;
const DEFAULT_SEAL_MM = 36;

function sealSize(seal: AppearanceImage | undefined, spec: ImageSizeSpec | undefined) {
  if (!seal) return { width: mmToPt(DEFAULT_SEAL_MM), height: mmToPt(DEFAULT_SEAL_MM) };
  return imageSize(seal, spec ?? (seal.dpi ? {} : { widthMm: DEFAULT_SEAL_MM }));
}

/**
 * The organisation preset (VN-PROFILE.md): the seal at its real size over the left third of the
 * last personal signature's image, the organisation's name and the signing time under it. Without
 * a personal signature to cover (a digitised copy), it goes where the signature block would be.
 */
export function organizationPreset(options: OrganizationPresetOptions = {}): Preset {
  return {
    name: 'organization',
    async resolve(ctx: PresetContext): Promise<PresetPlacement> {
      const fonts = await ctx.fonts();
      const size = options.size ?? DEFAULT_SIZE;
      const rows: TextRow[] = [
        {
          text: (options.organizationName ?? organizationName(ctx.signer)).normalize('NFC'),
          font: fonts.bold,
          size,
          lines: 2,
        },
        { text: signingTimeLine(ctx.signingTime, options), font: fonts.regular, size, lines: 2 },
      ];
      const seal = options.seal;
      const real = sealSize(seal, options.sealSize);
      const textHeight = rowsHeight(rows);
      const height = real.height + textHeight;
      const place = options.place ?? (await defaultPlace(ctx, real, height, options));
      const appearance = drawAppearance({
        items: (box) => {
          // the seal keeps its square on top; the text takes the rest, whatever the box's shape
          const sealHeight = seal ? box.height * (real.height / height) : 0;
          const items: AppearanceItem[] = [];
          if (seal)
            items.push({
              image: seal,
              rect: { x: 0, y: box.height - sealHeight, width: box.width, height: sealHeight },
            });
          items.push(
            ...stackRows(
              rows,
              { x: 0, y: 0, width: box.width, height: box.height - sealHeight },
              options.color ? { color: options.color } : {},
            ),
          );
          return items;
        },
      });
      return { place, appearance, lines: rows.map((r) => r.text) };
    },
  };
}

/** Over the left third of the last personal signature's image, centred on it vertically. */
async function defaultPlace(
  ctx: PresetContext,
  real: { width: number; height: number },
  height: number,
  options: OrganizationPresetOptions,
): Promise<PresetPlace> {
  const personal = await lastPersonalWidget(ctx.doc, ctx.pages, options.certificateKind);
  if (!personal) return signatureBlockPlace(ctx.pages, real.width, height);
  const { image } = personal;
  const overlap = options.overlap ?? 1 / 3;
  const sealBottom = image.y + image.height / 2 - real.height / 2;
  return {
    page: personal.page,
    rect: {
      x: image.x + image.width * overlap - real.width,
      y: sealBottom - (height - real.height),
      width: real.width,
      height,
    },
  };
}
