import { NeedMoreData, PdfSyntaxError } from './errors.js';
import type { Lexer, Token } from './lexer.js';
import { PdfDict, PdfName, type PdfObject, PdfRef, PdfStream, PdfString } from './objects.js';

const MAX_DEPTH = 100;

function fromToken(lx: Lexer, t: Token, depth: number): PdfObject {
  switch (t.kind) {
    case 'number':
      if (t.integer && t.value >= 0) {
        // "n g R": look two tokens ahead, and step back if it is not a reference
        const save = lx.pos;
        try {
          const g = lx.next();
          if (g?.kind === 'number' && g.integer && g.value >= 0) {
            const r = lx.next();
            if (r?.kind === 'keyword' && r.value === 'R') return new PdfRef(t.value, g.value);
          }
        } catch (e) {
          if (!(e instanceof PdfSyntaxError)) throw e;
        }
        lx.pos = save;
      }
      return t.value;
    case 'name':
      return PdfName.of(t.value);
    case 'string':
      return new PdfString(t.bytes, t.hex);
    case 'keyword':
      if (t.value === 'true') return true;
      if (t.value === 'false') return false;
      if (t.value === 'null') return null;
      return lx.fail(`unexpected keyword "${t.value.slice(0, 20)}"`);
    case 'delim':
      if (depth >= MAX_DEPTH) lx.fail('objects nested too deeply');
      if (t.value === '[') {
        const items: PdfObject[] = [];
        for (;;) {
          const n = lx.next();
          if (!n) lx.fail('unterminated array');
          if (n.kind === 'delim' && n.value === ']') return items;
          items.push(fromToken(lx, n, depth + 1));
        }
      }
      if (t.value === '<<') {
        const dict = new PdfDict();
        for (;;) {
          const k = lx.next();
          if (!k) lx.fail('unterminated dictionary');
          if (k.kind === 'delim' && k.value === '>>') return dict;
          if (k.kind !== 'name') lx.fail('dictionary key is not a name');
          const v = lx.next();
          if (!v) lx.fail('unterminated dictionary');
          if (v.kind === 'delim' && v.value === '>>') {
            // a key without a value: dropped, as viewers do
            return dict;
          }
          const value = fromToken(lx, v, depth + 1);
          // §7.3.7: a null value is the same as an absent entry
          if (value !== null) dict.set(k.value, value);
        }
      }
      return lx.fail(`unexpected "${t.value}"`);
  }
}

/** One direct object at the lexer's position. */
export function parseObject(lx: Lexer): PdfObject {
  const t = lx.next();
  if (!t) lx.fail('expected an object');
  return fromToken(lx, t, 0);
}

export interface IndirectHeader {
  num: number;
  gen: number;
}

/** Reads "n g obj". */
export function parseObjectHeader(lx: Lexer): IndirectHeader {
  const n = lx.next();
  const g = lx.next();
  const kw = lx.next();
  if (
    n?.kind !== 'number' ||
    !n.integer ||
    g?.kind !== 'number' ||
    !g.integer ||
    kw?.kind !== 'keyword' ||
    kw.value !== 'obj'
  ) {
    lx.fail('expected "n g obj"');
  }
  return { num: n.value, gen: g.value };
}

export interface ParsedIndirect extends IndirectHeader {
  value: PdfObject;
  /** For streams: file offset of the data and the /Length as written (a number, or a reference to resolve). */
  stream?: { dataOffset: number; length: number | PdfRef | undefined };
  /** File offset after "endobj" (or after the value when endobj is missing; streams: unknown until checked). */
  end: number;
}

/**
 * An indirect object: header, value, and for a stream the position of its data (which is not read
 * here: content streams can be large and are rarely needed).
 */
export function parseIndirect(lx: Lexer): ParsedIndirect {
  const header = parseObjectHeader(lx);
  const value = parseObject(lx);
  if (value instanceof PdfDict && lx.peekKeyword('stream')) {
    lx.pos += 'stream'.length;
    lx.skipStreamEol();
    const length = value.get('Length');
    const dataOffset = lx.offset;
    const stream = new PdfStream(value, {
      offset: dataOffset,
      length: typeof length === 'number' ? length : 0,
    });
    return {
      ...header,
      value: stream,
      stream: {
        dataOffset,
        length: typeof length === 'number' || length instanceof PdfRef ? length : undefined,
      },
      end: -1,
    };
  }
  try {
    if (lx.peekKeyword('endobj')) lx.pos += 'endobj'.length;
  } catch (e) {
    if (!(e instanceof NeedMoreData)) throw e;
  }
  return { ...header, value, end: lx.offset };
}
