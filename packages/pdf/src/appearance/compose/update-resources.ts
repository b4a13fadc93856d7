import type { AppearanceBox } from '../../fields/signature-field.js';
import type { PdfRef } from '../../syntax/objects.js';
import { EmbeddedFont, type EmbedFontOptions } from '../font/embed-font.js';
import type { TrueTypeFont } from '../font/true-type-font.js';
import type { AppearanceImage } from '../image/appearance-image.js';

const KEY = 'kyso.appearance.resources';

/**
 * The fonts and images of one incremental update: each is written once and shared by every widget
 * the update draws (kept in the box's `shared` map).
 */
export class UpdateResources {
  readonly #fonts = new Map<TrueTypeFont, EmbeddedFont>();
  readonly #images = new Map<AppearanceImage, Promise<PdfRef>>();

  private constructor(private readonly add: AppearanceBox['add']) {}

  static of(box: AppearanceBox): UpdateResources {
    const found = box.shared.get(KEY);
    if (found instanceof UpdateResources) return found;
    const fresh = new UpdateResources((value) => box.add(value));
    box.shared.set(KEY, fresh);
    return fresh;
  }

  font(font: TrueTypeFont, options: EmbedFontOptions = {}): EmbeddedFont {
    let embedded = this.#fonts.get(font);
    if (!embedded) {
      embedded = new EmbeddedFont(font, this.add, options);
      this.#fonts.set(font, embedded);
    }
    return embedded;
  }

  image(image: AppearanceImage): Promise<PdfRef> {
    let ref = this.#images.get(image);
    if (!ref) {
      ref = image.embed(this.add);
      this.#images.set(image, ref);
    }
    return ref;
  }
}
