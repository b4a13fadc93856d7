import { fromBase64, toBase64 } from './bytes.js';

/** PEM armour (RFC 7468), 64 columns. */
export function toPem(der: Uint8Array, label: string): string {
  const body = toBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** Every PEM block (of `label`, when given), in order. */
export function fromPem(text: string, label?: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)) {
    if (label === undefined || m[1] === label) out.push(fromBase64(m[2] ?? ''));
  }
  return out;
}

/** DER as given, or every certificate of a PEM text: trust lists come in both forms. */
export function certificatesFrom(input: Uint8Array | string): Uint8Array[] {
  if (typeof input === 'string') return fromPem(input, 'CERTIFICATE');
  if (input[0] === 0x30) return [input];
  return fromPem(new TextDecoder().decode(input), 'CERTIFICATE');
}
