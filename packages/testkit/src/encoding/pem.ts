import { fromBase64, toBase64 } from './bytes.js';

/** PEM armour (RFC 7468), 64 columns, LF line ends. */
export function toPem(der: Uint8Array, label: string): string {
  const body = toBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** Every PEM block of the given label (any label when omitted), in order. */
export function fromPem(text: string, label?: string): Uint8Array[] {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  const out: Uint8Array[] = [];
  for (const m of text.matchAll(re)) {
    if (label === undefined || m[1] === label) out.push(fromBase64(m[2] ?? ''));
  }
  return out;
}
