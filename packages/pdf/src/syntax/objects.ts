/**
 * The PDF object model (ISO 32000-2 §7.3). Strings and names keep their bytes: text in a PDF is
 * bytes first (PDFDocEncoding, UTF-16BE, UTF-8), and signatures compare bytes.
 */

export class PdfName {
  static readonly #interned = new Map<string, PdfName>();
  private constructor(readonly value: string) {}

  /** Names are interned, so `a === b` compares them. The value is the decoded name (after #xx). */
  static of(value: string): PdfName {
    let n = PdfName.#interned.get(value);
    if (!n) {
      n = new PdfName(value);
      PdfName.#interned.set(value, n);
    }
    return n;
  }

  toString(): string {
    return `/${this.value}`;
  }
}

export const name = (value: string): PdfName => PdfName.of(value);

export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    /** Written as <hex> rather than (literal). */
    readonly hex = false,
  ) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}

  get key(): string {
    return `${this.num} ${this.gen}`;
  }

  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export class PdfDict {
  readonly map: Map<string, PdfObject>;

  constructor(entries?: Iterable<[string, PdfObject]>) {
    this.map = new Map(entries);
  }

  get(key: string): PdfObject | undefined {
    return this.map.get(key);
  }

  set(key: string, value: PdfObject): this {
    this.map.set(key, value);
    return this;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  delete(key: string): boolean {
    return this.map.delete(key);
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  /** The value if it is a name, else undefined. */
  name(key: string): string | undefined {
    const v = this.map.get(key);
    return v instanceof PdfName ? v.value : undefined;
  }

  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}

/** Where a stream's (still encoded) data lies in the file, when it was not loaded. */
export interface StreamData {
  offset: number;
  length: number;
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The encoded data, or where to read it. */
    public data: Uint8Array | StreamData,
  ) {}
}

export type PdfArray = PdfObject[];

export type PdfObject =
  | null
  | boolean
  | number
  | PdfString
  | PdfName
  | PdfArray
  | PdfDict
  | PdfStream
  | PdfRef;

export function isDict(o: PdfObject | undefined): o is PdfDict {
  return o instanceof PdfDict;
}

export function isRef(o: PdfObject | undefined): o is PdfRef {
  return o instanceof PdfRef;
}

export function isName(o: PdfObject | undefined, value?: string): o is PdfName {
  return o instanceof PdfName && (value === undefined || o.value === value);
}

export function isNumber(o: PdfObject | undefined): o is number {
  return typeof o === 'number';
}
