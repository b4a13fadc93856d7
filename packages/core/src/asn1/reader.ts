import { type Asn1, Asn1Error, describe, TAG } from './node.js';

const MAX_DEPTH = 64;

/** Reads one element at `offset` of `source` (BER accepted: indefinite lengths, long forms). */
export function readElement(source: Uint8Array, offset: number, limit = source.length, depth = 0): Asn1 {
  if (depth > MAX_DEPTH) throw new Asn1Error('nesting too deep', offset);
  let at = offset;
  if (at >= limit) throw new Asn1Error('unexpected end of data', at);
  const first = source[at++]!;
  const cls = (first >> 6) as 0 | 1 | 2 | 3;
  const constructed = (first & 0x20) !== 0;
  let tag = first & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let b: number;
    let n = 0;
    do {
      if (at >= limit) throw new Asn1Error('truncated tag', at);
      b = source[at++]!;
      if (n === 0 && b === 0x80) throw new Asn1Error('non-minimal tag encoding', at - 1);
      tag = tag * 128 + (b & 0x7f);
      if (++n > 4) throw new Asn1Error('tag number too large', at);
    } while (b & 0x80);
  }
  if (at >= limit) throw new Asn1Error('missing length', at);
  const lengthByte = source[at++]!;
  let nonMinimalLength = false;
  if (lengthByte === 0x80) {
    if (!constructed) throw new Asn1Error('indefinite length on a primitive element', offset);
    const contentStart = at;
    let cursor = at;
    for (;;) {
      if (cursor + 2 > limit) throw new Asn1Error('missing end-of-contents', cursor);
      if (source[cursor] === 0 && source[cursor + 1] === 0) break;
      cursor = readElement(source, cursor, limit, depth + 1).end;
    }
    return {
      source,
      cls,
      constructed,
      tag,
      start: offset,
      contentStart,
      contentEnd: cursor,
      end: cursor + 2,
      indefinite: true,
      nonMinimalLength,
    };
  }
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0x7f) throw new Asn1Error('reserved length octet', at - 1);
    if (count > 6) throw new Asn1Error('length too large', at - 1);
    if (at + count > limit) throw new Asn1Error('truncated length', at);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + source[at++]!;
    nonMinimalLength = length < 0x80 || source[at - count] === 0;
  }
  const contentStart = at;
  const end = contentStart + length;
  if (end > limit)
    throw new Asn1Error(
      `${describe({ cls, tag, constructed } as Asn1)} runs past the end of its container`,
      offset,
    );
  return {
    source,
    cls,
    constructed,
    tag,
    start: offset,
    contentStart,
    contentEnd: end,
    end,
    indefinite: false,
    nonMinimalLength,
  };
}

export interface DecodeOptions {
  /**
   * What may follow the element: nothing (default), only zero bytes (a PDF /Contents string is
   * padded with them), or anything.
   */
  trailing?: 'none' | 'zeros' | 'any';
}

/** Decodes the element that starts `bytes`. */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Asn1 {
  const node = readElement(bytes, 0);
  const trailing = options.trailing ?? 'none';
  if (trailing !== 'any' && node.end !== bytes.length) {
    if (trailing === 'none') throw new Asn1Error('data after the end of the element', node.end);
    for (let i = node.end; i < bytes.length; i++)
      if (bytes[i] !== 0) throw new Asn1Error('non-zero data after the element', i);
  }
  return node;
}

/** The elements inside a constructed element. */
export function children(node: Asn1): Asn1[] {
  if (!node.constructed) throw new Asn1Error(`${describe(node)} is not constructed`, node.start);
  const out: Asn1[] = [];
  let at = node.contentStart;
  while (at < node.contentEnd) {
    const child = readElement(node.source, at, node.contentEnd);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** Children of a universal SEQUENCE (or SET), checking the tag. */
export function sequence(node: Asn1, what: string, tag: number = TAG.SEQUENCE): Asn1[] {
  if (node.cls !== 0 || node.tag !== tag || !node.constructed) {
    throw new Asn1Error(
      `${what}: expected ${tag === TAG.SET ? 'SET' : 'SEQUENCE'}, found ${describe(node)}`,
      node.start,
    );
  }
  return children(node);
}

/** Walks the children of a SEQUENCE in order, for structures with OPTIONAL and DEFAULT parts. */
export class Cursor {
  #i = 0;
  readonly items: Asn1[];
  constructor(
    node: Asn1,
    readonly what: string,
  ) {
    this.items = sequence(node, what);
  }

  /** The next element; it must exist and, when `tag` is given, be that universal tag. */
  next(tag?: number): Asn1 {
    const item = this.items[this.#i];
    if (!item) throw new Asn1Error(`${this.what}: missing element`, this.items.at(-1)?.end ?? 0);
    if (tag !== undefined && !(item.cls === 0 && item.tag === tag)) {
      throw new Asn1Error(`${this.what}: expected universal ${tag}, found ${describe(item)}`, item.start);
    }
    this.#i++;
    return item;
  }

  /** The next element if it is context-specific [n], else undefined. */
  context(n: number): Asn1 | undefined {
    const item = this.items[this.#i];
    if (item && item.cls === 2 && item.tag === n) {
      this.#i++;
      return item;
    }
    return undefined;
  }

  /** The next element if it has this universal tag, else undefined. */
  optional(tag: number): Asn1 | undefined {
    const item = this.items[this.#i];
    if (item && item.cls === 0 && item.tag === tag) {
      this.#i++;
      return item;
    }
    return undefined;
  }

  get done(): boolean {
    return this.#i >= this.items.length;
  }

  /** Refuses leftovers (extension markers aside, unknown trailing parts mean a misread). */
  end(): void {
    const item = this.items[this.#i];
    if (item) throw new Asn1Error(`${this.what}: unexpected ${describe(item)}`, item.start);
  }
}
