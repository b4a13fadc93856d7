import type { ObjectDecryptor } from '../encryption/decryptor.js';
import { decodeStream } from '../filters/decode.js';
import type { ByteSource } from '../io/byte-source.js';
import { latin1 } from '../syntax/chars.js';
import { Lexer } from '../syntax/lexer.js';
import { type PdfObject, PdfRef, PdfStream, type StreamData } from '../syntax/objects.js';
import { parseIndirect, parseObject } from '../syntax/parser.js';
import type { Warning } from './sections.js';
import { structureError } from './structure-error.js';
import { findForwards, parseAt } from './window.js';
import type { XrefEntry } from './xref-types.js';

const MAX_RESOLVE = 32;

/**
 * Loads objects on demand through the merged cross-reference (never the whole file): each object is
 * parsed where it lies, object streams are decoded once and cached.
 */
export class ObjectStore {
  readonly #cache = new Map<number, Promise<PdfObject>>();
  readonly #objectStreams = new Map<
    number,
    Promise<{ offsets: Map<number, number>; data: Uint8Array; first: number }>
  >();
  #decryptor: ObjectDecryptor | undefined;
  /** Where each stream came from: its object number and generation pick its decryption key. */
  readonly #streamIds = new WeakMap<PdfStream, { num: number; gen: number }>();

  constructor(
    readonly source: ByteSource,
    readonly entries: Map<number, XrefEntry>,
    readonly warnings: Warning[],
  ) {}

  /** The object numbered `num` (its generation is the one the cross-reference names); null when absent or free. */
  get(num: number): Promise<PdfObject> {
    let p = this.#cache.get(num);
    if (!p) {
      p = this.#load(num);
      this.#cache.set(num, p);
    }
    return p;
  }

  /** Follows references to a direct object (a chain of references is bounded). */
  async resolve(o: PdfObject | undefined): Promise<PdfObject> {
    let v = o ?? null;
    for (let i = 0; v instanceof PdfRef; i++) {
      if (i >= MAX_RESOLVE) throw structureError('a chain of references does not end');
      v = await this.get(v.num);
    }
    return v;
  }

  /**
   * From now on, strings are decrypted as objects are parsed and stream data as it is decoded.
   * Set once, before anything but the /Encrypt dictionary is loaded.
   */
  decryptWith(decryptor: ObjectDecryptor): void {
    this.#decryptor = decryptor;
  }

  /** The decryptor in use, so a store over an older revision's objects can share it. */
  get decryptor(): ObjectDecryptor | undefined {
    return this.#decryptor;
  }

  /** A stream's bytes as they are in the file: encoded, and encrypted in an encrypted file. */
  async rawData(stream: PdfStream): Promise<Uint8Array> {
    if (stream.data instanceof Uint8Array) return stream.data;
    const { offset, length } = stream.data;
    if (offset + length > this.source.size)
      throw structureError(`stream data at ${offset} runs past the end of the file`);
    return this.source.read(offset, length);
  }

  /** A stream's data decrypted (when the file is) and decoded. */
  async decoded(stream: PdfStream): Promise<Uint8Array> {
    const raw = await this.rawData(stream);
    const id = this.#streamIds.get(stream);
    if (!this.#decryptor || !id) return decodeStream(stream.dict, raw);
    const plain = this.#decryptor.streamData(stream, raw, id.num, id.gen);
    return decodeStream(plain.dict, plain.data);
  }

  async #load(num: number): Promise<PdfObject> {
    const entry = this.entries.get(num);
    if (!entry || entry.type === 'free') return null;
    if (entry.type === 'compressed') return this.#fromObjectStream(entry.stream, entry.index, num);
    return this.#fromOffset(num, entry.gen, entry.offset);
  }

  async #fromOffset(num: number, gen: number, offset: number): Promise<PdfObject> {
    let at = offset;
    const head =
      at < this.source.size ? latin1(await this.source.read(at, Math.min(40, this.source.size - at))) : '';
    if (!new RegExp(`^\\s*${num}\\s+${gen}\\s+obj\\b`).test(head)) {
      // off-by-a-few offsets exist in the wild: look around, as Acrobat does, and say so
      const from = Math.max(0, offset - 256);
      const text = latin1(await this.source.read(from, Math.min(512, this.source.size - from)));
      const re = new RegExp(`(?:^|[^0-9])(${num}\\s+${gen}\\s+obj)\\b`, 'g');
      let best: number | undefined;
      for (const m of text.matchAll(re)) {
        const pos = from + m.index + m[0].indexOf(m[1]!);
        if (best === undefined || Math.abs(pos - offset) < Math.abs(best - offset)) best = pos;
      }
      if (best === undefined) throw structureError(`object ${num} ${gen} is not at offset ${offset}`);
      this.warnings.push({
        code: 'OBJECT_OFFSET_DRIFT',
        detail: `object ${num} ${gen} is at ${best}, not at ${offset} as the cross-reference says`,
      });
      at = best;
    }
    const parsed = await parseAt(this.source, at, parseIndirect);
    // objects inside object streams are not encrypted on their own (the object stream is)
    const decrypted = (o: PdfObject) => (this.#decryptor ? this.#decryptor.objectStrings(o, num, gen) : o);
    if (!(parsed.value instanceof PdfStream) || !parsed.stream) return decrypted(parsed.value);
    const stream = parsed.value;
    let length = parsed.stream.length;
    if (length instanceof PdfRef) {
      const resolved = length.num === num ? null : await this.resolve(length);
      length = typeof resolved === 'number' ? resolved : undefined;
    }
    stream.data = await this.#checkedData(parsed.stream.dataOffset, length, num);
    this.#streamIds.set(stream, { num, gen });
    return decrypted(stream);
  }

  /** The stream data range, verified against "endstream"; a wrong /Length is repaired (with a warning). */
  async #checkedData(dataOffset: number, length: number | undefined, num: number): Promise<StreamData> {
    if (length !== undefined && length >= 0 && dataOffset + length <= this.source.size) {
      const after = latin1(
        await this.source.read(dataOffset + length, Math.min(32, this.source.size - dataOffset - length)),
      );
      if (/^\s*endstream/.test(after)) return { offset: dataOffset, length };
    }
    const end = await findForwards(this.source, 'endstream', dataOffset, 256 * 1024 * 1024);
    if (end === undefined) throw structureError(`stream ${num} has no endstream`);
    let stop = end;
    const before = await this.source.read(Math.max(dataOffset, end - 2), Math.min(2, end - dataOffset));
    if (before.at(-1) === 0x0a) stop--;
    if (before.at(-2) === 0x0d && before.at(-1) === 0x0a) stop--;
    else if (before.at(-1) === 0x0d) stop--;
    this.warnings.push({
      code: 'STREAM_LENGTH',
      detail: `stream ${num}: /Length ${length ?? 'missing'} is wrong; the data runs to ${stop}`,
    });
    return { offset: dataOffset, length: stop - dataOffset };
  }

  async #fromObjectStream(streamNum: number, index: number, num: number): Promise<PdfObject> {
    let parsed = this.#objectStreams.get(streamNum);
    if (!parsed) {
      parsed = (async () => {
        const stream = await this.get(streamNum);
        if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'ObjStm')
          throw structureError(`object ${streamNum} is not an object stream`);
        const n = stream.dict.get('N');
        const first = stream.dict.get('First');
        if (typeof n !== 'number' || typeof first !== 'number')
          throw structureError(`object stream ${streamNum} lacks /N or /First`);
        const data = await this.decoded(stream);
        const lx = new Lexer(data);
        const offsets = new Map<number, number>();
        for (let i = 0; i < n; i++) {
          const a = parseObject(lx);
          const b = parseObject(lx);
          if (typeof a !== 'number' || typeof b !== 'number')
            throw structureError(`object stream ${streamNum} has a bad header`);
          if (!offsets.has(a)) offsets.set(a, first + b);
        }
        return { offsets, data, first };
      })();
      this.#objectStreams.set(streamNum, parsed);
    }
    const { offsets, data } = await parsed;
    const at = offsets.get(num);
    if (at === undefined) {
      this.warnings.push({
        code: 'OBJECT_STREAM_INDEX',
        detail: `object ${num} is not in object stream ${streamNum} (index ${index})`,
      });
      return null;
    }
    return parseObject(new Lexer(data, 0, true, at));
  }
}
