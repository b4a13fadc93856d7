/** The few PDF tokens the test-file writer needs, as text. Everything it writes is ASCII. */

/** A number without exponent; reals keep at most 4 decimals (what PDF readers expect). */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

export function ref(objectNumber: number): string {
  return `${objectNumber} 0 R`;
}

export function array(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

export function numbers(values: readonly number[]): string {
  return array(values.map(num));
}

/** A dictionary from entries in order; undefined values are left out. */
export function dict(entries: Readonly<Record<string, string | undefined>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) parts.push(`/${key} ${value}`);
  return `<< ${parts.join(' ')} >>`;
}

export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/** A literal string for printable ASCII (escaped), else UTF-16BE hex with a byte-order mark (§7.9.2.2). */
export function text(value: string): string {
  if (isPrintableAscii(value)) return `(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return `<${s.toUpperCase()}>`;
}

/** A PDF date (§7.9.4) in UTC. */
export function date(value: Date): string {
  const iso = value.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

/** Text as bytes, one byte a character (the writer only produces Latin-1). */
export function latin1(value: string): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff) throw new RangeError('a PDF token holds a character outside Latin-1');
    out[i] = c;
  }
  return out;
}
