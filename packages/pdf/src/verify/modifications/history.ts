import { ObjectStore } from '../../document/object-store.js';
import { listPages } from '../../document/pages.js';
import type { PdfDocument } from '../../document/pdf-document.js';
import type { Warning } from '../../document/sections.js';
import { parseAt } from '../../document/window.js';
import type { XrefEntry, XrefSection } from '../../document/xref-types.js';
import type { ByteSource } from '../../io/byte-source.js';
import { type PdfDict, type PdfObject, PdfStream } from '../../syntax/objects.js';
import { parseIndirect } from '../../syntax/parser.js';
import { blockCachedSource } from './block-cache.js';
import { referencesIn } from './references.js';
import { RevisionView } from './view.js';

/** An object (or the trailer, `from` -1) that refers to another, and under which keys. */
export interface Referrer {
  from: number;
  path: string;
}

interface IndexedRef extends Referrer {
  /** The revision whose version of `from` holds the reference. */
  fromRevision: number;
}

const histories = new WeakMap<PdfDocument, RevisionHistory>();

/**
 * Every revision of a document side by side: which objects each revision (re)defines, the
 * document as it was at each revision, and who referred to whom at each revision. Built once per
 * document and shared by the analyses of all its signatures, so every version of every object is
 * parsed at most once.
 */
export class RevisionHistory {
  readonly last: number;
  /** Chain order, oldest first, with the revision each section belongs to. */
  readonly #sections: { section: XrefSection; revision: number }[];
  /** Per object, the revisions that list it (free entries too), ascending. */
  readonly #listed = new Map<number, { revision: number; free: boolean }[]>();
  readonly #changed = new Map<number, Map<number, XrefEntry>>();
  readonly #views = new Map<number, RevisionView>();
  #index: Promise<Map<number, IndexedRef[]>> | undefined;
  #pages: Promise<Map<number, number>> | undefined;
  /** The store that parsed each stream: only it knows the stream's object (and so its decryption key). */
  readonly #streamStores = new WeakMap<PdfStream, ObjectStore>();
  /** Warnings of reading old versions: the final revision's reading already reports the file's. */
  readonly #scratch: Warning[] = [];
  /** Older versions are read through a block cache: the index reads every object once, in file order. */
  readonly #source: ByteSource;

  private constructor(readonly doc: PdfDocument) {
    this.last = doc.revisions.at(-1)?.number ?? 0;
    this.#source = blockCachedSource(doc.source);
    const own = new Map<XrefSection, number>(doc.revisions.map((r) => [r.section, r.number]));
    // a section that is no revision of its own (a linearized file's first-page section) belongs to
    // the revision that follows it in the file
    const revisionOf = (s: XrefSection): number =>
      own.get(s) ?? doc.revisions.find((r) => r.section.offset > s.offset)?.number ?? Math.max(1, this.last);
    this.#sections = [...doc.sections]
      .reverse()
      .map((section) => ({ section, revision: revisionOf(section) }));
    for (const { section, revision } of this.#sections) {
      let changed = this.#changed.get(revision);
      if (!changed) {
        changed = new Map();
        this.#changed.set(revision, changed);
      }
      for (const [num, entry] of section.entries) {
        changed.set(num, entry);
        let list = this.#listed.get(num);
        if (!list) {
          list = [];
          this.#listed.set(num, list);
        }
        const free = entry.type === 'free';
        const last = list.at(-1);
        if (last?.revision === revision) last.free = free;
        else list.push({ revision, free });
      }
    }
    for (const list of this.#listed.values()) list.sort((a, b) => a.revision - b.revision);
  }

  static of(doc: PdfDocument): RevisionHistory {
    let h = histories.get(doc);
    if (!h) {
      h = new RevisionHistory(doc);
      histories.set(doc, h);
    }
    return h;
  }

  /** The entries revision `n` lists (its sections merged), object number → entry. */
  changedIn(n: number): Map<number, XrefEntry> {
    return this.#changed.get(n) ?? new Map();
  }

  /** The revision whose version of `num` is visible at revision `r` (0 when none, or freed). */
  versionAt(num: number, r: number): number {
    const list = this.#listed.get(num);
    if (!list) return 0;
    let found: { revision: number; free: boolean } | undefined;
    for (const item of list) {
      if (item.revision > r) break;
      found = item;
    }
    return found && !found.free ? found.revision : 0;
  }

  /** The document as it was at revision `r`. */
  view(r: number): RevisionView {
    let v = this.#views.get(r);
    if (v) return v;
    const entries = new Map<number, XrefEntry>();
    let trailer: PdfDict | undefined;
    for (const { section, revision } of this.#sections) {
      if (revision > r) continue;
      for (const [num, e] of section.entries) entries.set(num, e);
      trailer = section.trailer; // the newest section up to r speaks for the file
    }
    // the final revision is the document itself: share its store (and its parse cache)
    let store = this.doc.store;
    if (r < this.last) {
      store = new ObjectStore(this.#source, entries, this.#scratch);
      // an encrypted file's older versions decrypt with the same key
      if (this.doc.store.decryptor) store.decryptWith(this.doc.store.decryptor);
    }
    const own = store;
    const load = async (num: number): Promise<PdfObject> => {
      const e = entries.get(num);
      const at = this.versionAt(num, r);
      // a version made earlier and never replaced reads the same in both views: read it once
      if (e?.type === 'offset' && at > 0 && at < r) return this.view(at).get(num);
      const value = await own.get(num);
      if (value instanceof PdfStream) this.#streamStores.set(value, own);
      return value;
    };
    const decoded = (stream: PdfStream): Promise<Uint8Array> =>
      (this.#streamStores.get(stream) ?? own).decoded(stream);
    v = new RevisionView(r, entries, trailer ?? this.doc.trailer, store, load, decoded);
    this.#views.set(r, v);
    return v;
  }

  /** The objects (and trailer, as -1) that referred to `num` at revision `r`. */
  async referrers(num: number, r: number): Promise<Referrer[]> {
    this.#index ??= this.#buildIndex();
    const all = (await this.#index).get(num) ?? [];
    return all
      .filter((x) => (x.from < 0 ? x.fromRevision === r : this.versionAt(x.from, r) === x.fromRevision))
      .map(({ from, path }) => ({ from, path }));
  }

  /** The 1-based number of a page (by object) in the final page tree, for messages. */
  async pageNumber(num: number): Promise<number | undefined> {
    this.#pages ??= listPages(this.doc).then(
      (pages) => new Map(pages.map((p) => [p.ref.num, p.index + 1])),
      () => new Map(),
    );
    return (await this.#pages).get(num);
  }

  /**
   * An object as the index needs it: only its references, so a stream's dictionary will do and its
   * data is not checked. Parsed straight where the cross-reference says; anything unusual (an offset
   * a few bytes off, a compressed object) is read through the revision's store.
   */
  async #quickRead(num: number, entry: XrefEntry, view: RevisionView): Promise<PdfObject> {
    if (entry.type === 'offset') {
      try {
        const parsed = await parseAt(this.#source, entry.offset, parseIndirect);
        if (parsed.num === num && parsed.gen === entry.gen) return parsed.value;
      } catch {
        // read it the careful way below
      }
    }
    return view.get(num);
  }

  /** Who refers to whom, for every version of every object (each version parsed once). */
  async #buildIndex(): Promise<Map<number, IndexedRef[]>> {
    const index = new Map<number, IndexedRef[]>();
    const add = (target: number, ref: IndexedRef) => {
      let list = index.get(target);
      if (!list) {
        list = [];
        index.set(target, list);
      }
      list.push(ref);
    };
    for (let k = 1; k <= this.last; k++) {
      const view = this.view(k);
      for (const ref of referencesIn(view.trailer))
        add(ref.num, { from: -1, fromRevision: k, path: ref.path });
      // in file order, so the block cache reads the file about once
      const order = [...this.changedIn(k)].sort(
        ([, a], [, b]) => (a.type === 'offset' ? a.offset : 0) - (b.type === 'offset' ? b.offset : 0),
      );
      for (const [num, entry] of order) {
        if (entry.type === 'free' || num === 0) continue;
        let value: PdfObject;
        try {
          value = await this.#quickRead(num, entry, view);
        } catch {
          continue; // an unreadable object refers to nothing; comparing it fails later, closed
        }
        // a cross-reference stream's dictionary is a trailer: counted as the trailer above
        if (value instanceof PdfStream && value.dict.name('Type') === 'XRef') continue;
        for (const ref of referencesIn(value)) add(ref.num, { from: num, fromRevision: k, path: ref.path });
      }
    }
    return index;
  }
}
