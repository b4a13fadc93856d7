import type { KysoError } from '@kyso/core';
import type { DecryptionOptions } from '../encryption/options.js';
import type { ByteSource } from '../io/byte-source.js';
import { latin1 } from '../syntax/chars.js';
import { isDict, PdfDict, type PdfObject, PdfRef, PdfStream } from '../syntax/objects.js';
import { ObjectStore } from './object-store.js';
import { revisionOddities } from './oddities.js';
import { readSections, type Warning } from './sections.js';
import { structureError } from './structure-error.js';
import type { XrefEntry, XrefSection } from './xref-types.js';

/** One revision: the original file, then each incremental update, in file order. */
export interface Revision {
  /** 1-based. */
  number: number;
  section: XrefSection;
  /** File offset after the revision's %%EOF and its end-of-line (the end of the bytes it covers). */
  end: number;
  /** File offset right after the "%%EOF". */
  eofEnd: number;
}

/**
 * How to open a PDF. An encrypted file is decrypted with the password or recipient given; without
 * either, the empty user password is tried and, when it fails, the file opens undecrypted
 * (`decrypted` false, `decryptionFailure` saying why) rather than throwing.
 */
export type PdfOpenOptions = DecryptionOptions;

/**
 * A PDF opened for reading through a ByteSource: its cross-reference sections, revisions and an
 * object store that loads objects on demand.
 */
export class PdfDocument {
  private constructor(
    readonly source: ByteSource,
    readonly version: string,
    /** Newest first, as the /Prev chain runs. */
    readonly sections: XrefSection[],
    readonly revisions: Revision[],
    /** The merged cross-reference of the final revision. */
    readonly entries: Map<number, XrefEntry>,
    readonly trailer: PdfDict,
    readonly startxref: number,
    readonly linearized: boolean,
    readonly store: ObjectStore,
    readonly warnings: Warning[],
    /** An encrypted file whose strings and streams are read decrypted. */
    readonly decrypted: boolean,
    /** Why an encrypted file could not be decrypted (BAD_PASSWORD, NOT_A_RECIPIENT, ENCRYPTED_PDF). */
    readonly decryptionFailure: KysoError | undefined,
  ) {}

  /**
   * Reads the file's structure. An encrypted file is decrypted as PdfOpenOptions says; a password or
   * recipient that was given and does not open it throws (BAD_PASSWORD, NOT_A_RECIPIENT), and so
   * does an unsupported security handler then (ENCRYPTED_PDF).
   */
  static async open(source: ByteSource, options: PdfOpenOptions = {}): Promise<PdfDocument> {
    const warnings: Warning[] = [];
    const head = latin1(await source.read(0, Math.min(1024, source.size)));
    const at = head.indexOf('%PDF-');
    // no header at all: read on (a viewer would), but say so; signatures over it will not match
    if (at < 0)
      warnings.push({ code: 'HEADER_MISSING', detail: 'the file does not start with a %PDF- header' });
    else if (at > 0) warnings.push({ code: 'HEADER_OFFSET', detail: `${at} bytes precede the %PDF- header` });
    const version = /%PDF-(\d\.\d)/.exec(head.slice(Math.max(0, at)))?.[1] ?? '1.0';
    const sections = await readSections(source, warnings);
    const newest = sections[0];
    if (!newest) throw structureError('no cross-reference section');

    const entries = new Map<number, XrefEntry>();
    for (const s of [...sections].reverse()) for (const [num, e] of s.entries) entries.set(num, e);
    const store = new ObjectStore(source, entries, warnings);
    let decryptionFailure: KysoError | undefined;
    if (newest.trailer.has('Encrypt')) {
      // the security handlers (AES, RC4, RSA, CMS) load only for encrypted files
      const { openEncryption } = await import('../encryption/open-encryption.js');
      const decryption = await openEncryption(newest.trailer, (o) => store.resolve(o), options);
      if ('decryptor' in decryption) store.decryptWith(decryption.decryptor);
      else if (options.password !== undefined || options.recipient !== undefined) throw decryption.failure;
      else decryptionFailure = decryption.failure;
    }

    // A linearized file's first-page section is not a revision of its own (DESIGN.md).
    const lin = /^[\s\S]{0,1100}?\d+\s+\d+\s+obj\s*<<[\s\S]*?\/Linearized/.test(head.slice(Math.max(0, at)));
    const byPosition = [...sections].sort((a, b) => a.offset - b.offset);
    let revisionSections = byPosition;
    if (lin && byPosition.length > 1) {
      const first = byPosition[0]!;
      if (
        first.offset < byPosition[1]!.offset &&
        (first.end === undefined || first.end <= byPosition[1]!.offset)
      ) {
        revisionSections = byPosition.slice(1);
      }
    }
    const revisions = revisionSections.map((section, i) => ({
      number: i + 1,
      section,
      end: section.end ?? source.size,
      eofEnd: section.eofEnd ?? section.end ?? source.size,
    }));
    const last = revisions.at(-1);
    if (last) warnings.push(...(await revisionOddities(source, byPosition, last.end)));
    const startxref = sections[0]!.offset;
    return new PdfDocument(
      source,
      version,
      sections,
      revisions,
      entries,
      newest.trailer,
      startxref,
      lin,
      store,
      warnings,
      newest.trailer.has('Encrypt') && decryptionFailure === undefined,
      decryptionFailure,
    );
  }

  /** One more than the highest object number in use (the next free number). */
  get size(): number {
    let size = 0;
    for (const s of this.sections) {
      const v = s.trailer.get('Size');
      if (typeof v === 'number' && v > size) size = v;
    }
    for (const num of this.entries.keys()) if (num + 1 > size) size = num + 1;
    return size;
  }

  get encrypted(): boolean {
    return this.trailer.has('Encrypt');
  }

  resolve(o: PdfObject | undefined): Promise<PdfObject> {
    return this.store.resolve(o);
  }

  async dict(o: PdfObject | undefined): Promise<PdfDict | undefined> {
    const v = await this.resolve(o);
    if (isDict(v)) return v;
    return v instanceof PdfStream ? v.dict : undefined;
  }

  async catalog(): Promise<PdfDict> {
    const root = this.trailer.get('Root');
    const catalog = await this.resolve(root);
    if (!(catalog instanceof PdfDict)) throw structureError('the trailer has no /Root catalog');
    return catalog;
  }

  /** The reference of the catalog, to rewrite it in an update. */
  get rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw structureError('/Root is not an indirect reference');
    return root;
  }

  /** The generation the cross-reference gives an object (0 for compressed objects). */
  generation(num: number): number {
    const e = this.entries.get(num);
    return e && e.type !== 'compressed' ? e.gen : 0;
  }
}
