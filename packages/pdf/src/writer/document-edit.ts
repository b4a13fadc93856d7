import type { PdfDocument } from '../document/pdf-document.js';
import { structureError } from '../document/structure-error.js';
import { isDict, PdfDict, type PdfObject, PdfRef, PdfStream } from '../syntax/objects.js';
import { IncrementalUpdate, type RawObject } from './incremental-update.js';

/**
 * Edits for one incremental update: an object is copied once when first changed and every later
 * change goes to that copy, so several steps (field, page, catalog, /Perms) compose.
 */
export class DocumentEdit {
  readonly update: IncrementalUpdate;
  readonly #dicts = new Map<number, PdfDict>();
  readonly #arrays = new Map<number, PdfObject[]>();

  constructor(readonly doc: PdfDocument) {
    this.update = new IncrementalUpdate(doc);
  }

  /** A writable copy of the dictionary (or stream dictionary) `ref` names. */
  async dict(ref: PdfRef): Promise<PdfDict> {
    const cached = this.#dicts.get(ref.num);
    if (cached) return cached;
    const value = await this.doc.store.get(ref.num);
    let copy: PdfDict;
    if (isDict(value)) {
      copy = value.clone();
      this.update.set(ref, copy);
    } else if (value instanceof PdfStream) {
      const data = await this.doc.store.rawData(value);
      copy = value.dict.clone();
      this.update.set(ref, new PdfStream(copy, data));
    } else throw structureError(`object ${ref.key} is not a dictionary`);
    this.#dicts.set(ref.num, copy);
    return copy;
  }

  /** A writable copy of the array `ref` names. */
  async array(ref: PdfRef): Promise<PdfObject[]> {
    const cached = this.#arrays.get(ref.num);
    if (cached) return cached;
    const value = await this.doc.store.get(ref.num);
    if (!Array.isArray(value)) throw structureError(`object ${ref.key} is not an array`);
    const copy = [...value];
    this.update.set(ref, copy);
    this.#arrays.set(ref.num, copy);
    return copy;
  }

  /** The catalog, writable. */
  catalog(): Promise<PdfDict> {
    return this.dict(this.doc.rootRef);
  }

  add(value: PdfObject | RawObject): PdfRef {
    const ref = this.update.add(value);
    if (value instanceof PdfDict) this.#dicts.set(ref.num, value);
    else if (Array.isArray(value)) this.#arrays.set(ref.num, value);
    return ref;
  }

  /**
   * Appends to an array held in `holder` under `key`, wherever the array lives (direct in the holder,
   * or an indirect object of its own); creates it when absent.
   */
  async appendTo(holder: PdfDict, key: string, item: PdfObject): Promise<void> {
    const current = holder.get(key);
    if (current instanceof PdfRef) {
      const resolved = await this.doc.resolve(current);
      if (Array.isArray(resolved)) {
        (await this.array(current)).push(item);
        return;
      }
    }
    const list = Array.isArray(current) ? [...current] : [];
    list.push(item);
    holder.set(key, list);
  }
}
