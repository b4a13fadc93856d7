import type { ObjectStore } from '../../document/object-store.js';
import { structureError } from '../../document/structure-error.js';
import type { XrefEntry } from '../../document/xref-types.js';
import { isDict, type PdfDict, type PdfObject, PdfRef, PdfStream } from '../../syntax/objects.js';

const MAX_RESOLVE = 32;

/**
 * The document as it was at one revision: the cross-reference merged up to that revision, its
 * trailer, and a store that reads each object's version of that time.
 */
export class RevisionView {
  constructor(
    readonly revision: number,
    readonly entries: Map<number, XrefEntry>,
    readonly trailer: PdfDict,
    /** Reads stream data (any revision's store reads the same bytes). */
    readonly store: ObjectStore,
    /** Loads the object's version visible at this revision (shared between views where it is the same). */
    private readonly load: (num: number) => Promise<PdfObject>,
    /** A stream's data decrypted (in an encrypted file) and decoded. */
    readonly decoded: (stream: PdfStream) => Promise<Uint8Array>,
  ) {}

  /** Whether the object exists at this revision (listed and not free). */
  has(num: number): boolean {
    const e = this.entries.get(num);
    return e !== undefined && e.type !== 'free';
  }

  /** The generation the cross-reference gives the object (0 for compressed objects). */
  generation(num: number): number {
    const e = this.entries.get(num);
    return e && e.type !== 'compressed' ? e.gen : 0;
  }

  get(num: number): Promise<PdfObject> {
    return this.load(num);
  }

  async resolve(o: PdfObject | undefined): Promise<PdfObject> {
    let v = o ?? null;
    for (let i = 0; v instanceof PdfRef; i++) {
      if (i >= MAX_RESOLVE) throw structureError('a chain of references does not end');
      v = await this.load(v.num);
    }
    return v;
  }

  /** A dictionary, or a stream's dictionary. */
  async dict(o: PdfObject | undefined): Promise<PdfDict | undefined> {
    const v = await this.resolve(o);
    if (isDict(v)) return v;
    return v instanceof PdfStream ? v.dict : undefined;
  }

  get rootRef(): PdfRef | undefined {
    const root = this.trailer.get('Root');
    return root instanceof PdfRef ? root : undefined;
  }

  async catalog(): Promise<PdfDict | undefined> {
    const c = await this.resolve(this.trailer.get('Root'));
    return isDict(c) ? c : undefined;
  }

  /** "num gen" of an object as this revision names it. */
  key(num: number): string {
    return `${num} ${this.generation(num)}`;
  }
}
