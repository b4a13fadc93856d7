import {
  EmbeddedFont,
  type FontFamily,
  type FontStyle,
  PdfDict,
  type PdfObject,
  type PdfRef,
} from '@kyso/pdf';

export interface UsedFont {
  embedded: EmbeddedFont;
  /** The resource name content streams use (F1, F2, …). */
  name: string;
}

/**
 * The document's fonts: each style of the family embedded once, on first use, as a Type0 font
 * over a subset of the glyphs drawn, with a ToUnicode CMap. `finish` writes the subsets once every
 * page is drawn (EmbeddedFont only records glyphs until its `refresh`).
 */
export class DocumentFonts {
  readonly #family: FontFamily;
  readonly #add: (value: PdfObject) => PdfRef;
  readonly #used = new Map<FontStyle, UsedFont>();

  constructor(family: FontFamily, add: (value: PdfObject) => PdfRef) {
    this.#family = family;
    this.#add = add;
  }

  get family(): FontFamily {
    return this.#family;
  }

  use(style: FontStyle): UsedFont {
    let used = this.#used.get(style);
    if (!used) {
      used = { embedded: new EmbeddedFont(this.#family[style], this.#add), name: `F${this.#used.size + 1}` };
      this.#used.set(style, used);
    }
    return used;
  }

  /** Every font's subset program, widths and ToUnicode, for all the glyphs recorded. */
  async finish(): Promise<void> {
    for (const used of this.#used.values()) await used.embedded.refresh();
  }

  /** The /Font resources naming every font used. */
  resources(): PdfDict {
    return new PdfDict([...this.#used.values()].map((u) => [u.name, u.embedded.ref] as [string, PdfObject]));
  }
}
