import { deflate } from '../../filters/flate.js';
import { name, PdfDict, type PdfObject, type PdfRef, PdfStream } from '../../syntax/objects.js';
import { imageError } from './image-error.js';
import { isJpeg, type JpegInfo, readJpeg } from './jpeg.js';
import { decodePng } from './png.js';
import { isPng } from './png-chunks.js';
import type { Raster } from './raster.js';

/**
 * An image ready to embed: a decoded PNG (colour Flate-compressed, alpha as an /SMask) or a JPEG
 * (embedded as it is, /DCTDecode). Load once with `loadImage`; every update that draws it gets one
 * image object, however many widgets show it.
 */
export class AppearanceImage {
  readonly #png: Raster | undefined;
  readonly #jpeg: { info: JpegInfo; bytes: Uint8Array } | undefined;
  #compressed: Promise<{ color: Uint8Array; alpha?: Uint8Array }> | undefined;

  /** @internal use loadImage */
  constructor(source: { png: Raster } | { jpeg: JpegInfo; bytes: Uint8Array }) {
    if ('png' in source) {
      this.#png = source.png;
      this.#jpeg = undefined;
    } else {
      this.#png = undefined;
      this.#jpeg = { info: source.jpeg, bytes: source.bytes };
    }
  }

  get format(): 'png' | 'jpeg' {
    return this.#png ? 'png' : 'jpeg';
  }

  /** Size in pixels. */
  get width(): number {
    return this.#png?.width ?? this.#jpeg!.info.width;
  }

  get height(): number {
    return this.#png?.height ?? this.#jpeg!.info.height;
  }

  /** Pixels per inch from the file (PNG pHYs, JFIF density), when it says. */
  get dpi(): { x: number; y: number } | undefined {
    return this.#png?.dpi ?? this.#jpeg?.info.dpi;
  }

  /** Whether the image has transparency (kept as a soft mask). */
  get hasAlpha(): boolean {
    return this.#png?.alpha !== undefined;
  }

  /** The decoded pixels of a PNG (undefined for a JPEG). */
  get raster(): Raster | undefined {
    return this.#png;
  }

  /** Writes the image XObject (and its soft mask) with `add`; returns the image's reference. */
  async embed(add: (value: PdfObject) => PdfRef): Promise<PdfRef> {
    if (this.#jpeg) return add(jpegXObject(this.#jpeg.info, this.#jpeg.bytes));
    const png = this.#png!;
    this.#compressed ??= compress(png);
    const data = await this.#compressed;
    const dict = imageDict(png.width, png.height, png.channels === 1 ? 'DeviceGray' : 'DeviceRGB');
    dict.set('Filter', name('FlateDecode'));
    if (data.alpha) {
      const mask = imageDict(png.width, png.height, 'DeviceGray').set('Filter', name('FlateDecode'));
      dict.set('SMask', add(new PdfStream(mask, data.alpha)));
    }
    return add(new PdfStream(dict, data.color));
  }
}

async function compress(png: Raster): Promise<{ color: Uint8Array; alpha?: Uint8Array }> {
  const color = await deflate(png.pixels);
  return png.alpha ? { color, alpha: await deflate(png.alpha) } : { color };
}

function imageDict(width: number, height: number, colorSpace: string): PdfDict {
  return new PdfDict([
    ['Type', name('XObject')],
    ['Subtype', name('Image')],
    ['Width', width],
    ['Height', height],
    ['ColorSpace', name(colorSpace)],
    ['BitsPerComponent', 8],
  ]);
}

function jpegXObject(info: JpegInfo, bytes: Uint8Array): PdfStream {
  const space = info.components === 1 ? 'DeviceGray' : info.components === 3 ? 'DeviceRGB' : 'DeviceCMYK';
  const dict = imageDict(info.width, info.height, space).set('Filter', name('DCTDecode'));
  // Adobe-marked CMYK JPEGs (Photoshop) store the inks inverted
  if (info.components === 4 && info.adobe) dict.set('Decode', [1, 0, 1, 0, 1, 0, 1, 0]);
  return new PdfStream(dict, bytes);
}

/** Reads a PNG or JPEG file (recognised by its signature). */
export async function loadImage(bytes: Uint8Array): Promise<AppearanceImage> {
  if (isPng(bytes)) return new AppearanceImage({ png: await decodePng(bytes) });
  if (isJpeg(bytes)) return new AppearanceImage({ jpeg: readJpeg(bytes), bytes: bytes.slice() });
  throw imageError('not a PNG or JPEG file');
}
