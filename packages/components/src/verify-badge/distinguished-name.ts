/**
 * The values of one attribute type in an RFC 4514 string (as reports write names), most specific
 * first, with `\,`-style and `\XX` hex escapes undone (hex escapes are UTF-8 bytes).
 */
export function nameValues(dn: string, type: string): string[] {
  const out: string[] = [];
  for (const rdn of split(dn, ',')) {
    for (const ava of split(rdn, '+')) {
      const eq = ava.indexOf('=');
      if (eq < 0) continue;
      if (ava.slice(0, eq).trim().toUpperCase() === type.toUpperCase())
        out.push(unescapeValue(ava.slice(eq + 1)));
    }
  }
  return out;
}

/** A readable short form of a name: its CN, with the organisation when it has one. */
export function shortName(dn: string): string {
  const cn = nameValues(dn, 'CN')[0];
  const o = nameValues(dn, 'O')[0];
  if (cn && o && !cn.includes(o)) return `${cn} (${o})`;
  return cn ?? o ?? dn;
}

function split(text: string, separator: ',' | '+'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unescapeValue(value: string): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const v = value.trim();
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '\\' && /^[0-9a-fA-F]{2}$/.test(v.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(v.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '\\' && i + 1 < v.length) {
      bytes.push(...encoder.encode(v[i + 1]!));
      i++;
    } else {
      const code = v.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      bytes.push(...encoder.encode(char));
      i += char.length - 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
