import { CH, hexValue, isDelimiter, isRegular, isWhitespace, latin1 } from './chars.js';
import { NeedMoreData, PdfSyntaxError } from './errors.js';

export type Token =
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'name'; value: string }
  | { kind: 'string'; bytes: Uint8Array; hex: boolean }
  | { kind: 'keyword'; value: string }
  | { kind: 'delim'; value: '[' | ']' | '<<' | '>>' | '{' | '}' };

/**
 * A tokenizer over a window of the file. `base` is the file offset of `bytes[0]`; `atEof` tells
 * whether the window ends where the file does (otherwise running off its end asks for more data).
 */
export class Lexer {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    readonly base = 0,
    readonly atEof = true,
    start = 0,
  ) {
    this.pos = start;
  }

  get offset(): number {
    return this.base + this.pos;
  }

  fail(message: string): never {
    throw new PdfSyntaxError(message, this.offset);
  }

  private more(): never {
    if (this.atEof) this.fail('unexpected end of file');
    throw new NeedMoreData();
  }

  skipWhitespace(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && isWhitespace(b[this.pos]!)) this.pos++;
      if (this.pos < b.length && b[this.pos] === CH.PERCENT) {
        while (this.pos < b.length && b[this.pos] !== CH.LF && b[this.pos] !== CH.CR) this.pos++;
        continue;
      }
      return;
    }
  }

  /** The next token, or undefined at the end of the window when the file ends there too. */
  next(): Token | undefined {
    this.skipWhitespace();
    const b = this.bytes;
    if (this.pos >= b.length) {
      if (this.atEof) return undefined;
      this.more();
    }
    const c = b[this.pos]!;
    switch (c) {
      case CH.LBRACKET:
        this.pos++;
        return { kind: 'delim', value: '[' };
      case CH.RBRACKET:
        this.pos++;
        return { kind: 'delim', value: ']' };
      case 0x7b:
        this.pos++;
        return { kind: 'delim', value: '{' };
      case 0x7d:
        this.pos++;
        return { kind: 'delim', value: '}' };
      case CH.LT:
        if (this.pos + 1 >= b.length) this.more();
        if (b[this.pos + 1] === CH.LT) {
          this.pos += 2;
          return { kind: 'delim', value: '<<' };
        }
        return this.hexString();
      case CH.GT:
        if (this.pos + 1 >= b.length) this.more();
        if (b[this.pos + 1] === CH.GT) {
          this.pos += 2;
          return { kind: 'delim', value: '>>' };
        }
        this.fail('stray ">"');
        break;
      case CH.LPAREN:
        return this.literalString();
      case CH.SLASH:
        return this.name();
    }
    if (c === CH.RPAREN) this.fail('stray ")"');
    return this.regular();
  }

  private regular(): Token {
    const b = this.bytes;
    const start = this.pos;
    while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
    if (this.pos >= b.length && !this.atEof) this.more();
    const text = latin1(b, start, this.pos);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
      const integer = /^[+-]?\d+$/.test(text);
      return { kind: 'number', value: Number(text), integer };
    }
    // some writers emit a doubled sign ("--5"): read it as one sign, as viewers do
    const doubled = /^([+-])[+-]+(\d+\.?\d*|\.\d+)$/.exec(text);
    if (doubled)
      return {
        kind: 'number',
        value: Number(`${doubled[1]}${doubled[2]}`),
        integer: !doubled[2]!.includes('.'),
      };
    if (text.length === 0) this.fail(`unexpected character 0x${b[start]!.toString(16)}`);
    return { kind: 'keyword', value: text };
  }

  private name(): Token {
    const b = this.bytes;
    this.pos++; // '/'
    let value = '';
    while (this.pos < b.length && isRegular(b[this.pos]!)) {
      const c = b[this.pos]!;
      if (
        c === CH.HASH &&
        this.pos + 2 < b.length &&
        hexValue(b[this.pos + 1]!) >= 0 &&
        hexValue(b[this.pos + 2]!) >= 0
      ) {
        value += String.fromCharCode(hexValue(b[this.pos + 1]!) * 16 + hexValue(b[this.pos + 2]!));
        this.pos += 3;
      } else {
        value += String.fromCharCode(c);
        this.pos++;
      }
    }
    if (this.pos >= b.length && !this.atEof) this.more();
    return { kind: 'name', value };
  }

  private hexString(): Token {
    const b = this.bytes;
    this.pos++; // '<'
    const out: number[] = [];
    let high = -1;
    for (;;) {
      if (this.pos >= b.length) this.more();
      const c = b[this.pos++]!;
      if (c === CH.GT) break;
      if (isWhitespace(c)) continue;
      const v = hexValue(c);
      // a stray character inside a hex string is skipped, as viewers do (verification looks at the raw bytes)
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out.push(high * 16 + v);
        high = -1;
      }
    }
    if (high >= 0) out.push(high * 16); // an odd digit count means a trailing 0 (§7.3.4.3)
    return { kind: 'string', bytes: new Uint8Array(out), hex: true };
  }

  private literalString(): Token {
    const b = this.bytes;
    this.pos++; // '('
    const out: number[] = [];
    let depth = 1;
    for (;;) {
      if (this.pos >= b.length) this.more();
      const c = b[this.pos++]!;
      if (c === CH.LPAREN) depth++;
      else if (c === CH.RPAREN) {
        if (--depth === 0) break;
      } else if (c === CH.BACKSLASH) {
        if (this.pos >= b.length) this.more();
        const e = b[this.pos++]!;
        const simple: Record<number, number> = {
          110: 0x0a,
          114: 0x0d,
          116: 0x09,
          98: 0x08,
          102: 0x0c,
          40: 0x28,
          41: 0x29,
          92: 0x5c,
        };
        if (e in simple) out.push(simple[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && this.pos < b.length && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++)
            v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === CH.CR) {
          if (b[this.pos] === CH.LF) this.pos++;
        } else if (e !== CH.LF) out.push(e);
        continue;
      } else if (c === CH.CR) {
        // an end-of-line inside a string is read as a single LF (§7.3.4.2)
        if (b[this.pos] === CH.LF) this.pos++;
        out.push(CH.LF);
        continue;
      }
      out.push(c);
    }
    return { kind: 'string', bytes: new Uint8Array(out), hex: false };
  }

  /** Skips one end-of-line (CRLF, LF or, leniently, CR) right after `stream`. */
  skipStreamEol(): void {
    const b = this.bytes;
    if (this.pos >= b.length) this.more();
    if (b[this.pos] === CH.CR) {
      this.pos++;
      if (this.pos >= b.length) this.more();
      if (b[this.pos] === CH.LF) this.pos++;
    } else if (b[this.pos] === CH.LF) this.pos++;
  }

  /** Peeks whether a keyword (delimited) starts at the current position after whitespace. */
  peekKeyword(word: string): boolean {
    this.skipWhitespace();
    const b = this.bytes;
    if (this.pos + word.length > b.length) {
      if (!this.atEof) this.more();
      return false;
    }
    for (let i = 0; i < word.length; i++) if (b[this.pos + i] !== word.charCodeAt(i)) return false;
    const after = b[this.pos + word.length];
    return after === undefined || !isRegular(after) || isDelimiter(after);
  }
}
