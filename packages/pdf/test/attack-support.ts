/** Byte-level surgery for attacks.test.ts and modifications.test.ts: raw updates, planted objects, the signature gap. */
import { listPages } from '../src/document/pages.js';
import { bytesSource, listSignatures, PdfDocument, PdfRef } from '../src/index.js';
import { concat, fromText, latin1 } from './modification-support.js';

export const open = (bytes: Uint8Array): Promise<PdfDocument> => PdfDocument.open(bytesSource(bytes));

/** A raw incremental update: objects (listed in its xref or planted unlisted), extra xref rows, a trailer. */
export function rawUpdate(
  bytes: Uint8Array,
  parts: {
    objects?: { num: number; gen?: number; text: string }[];
    /** Text placed in the update's body but not listed in its cross-reference section. */
    planted?: string[];
    /** Rows pointing anywhere in the file. */
    rows?: { num: number; gen?: number; offset: number }[];
    trailer: string;
  },
): { bytes: Uint8Array; planted: number[] } {
  const start = bytes.length;
  let body = '';
  const rows = [...(parts.rows ?? [])];
  const planted: number[] = [];
  for (const p of parts.planted ?? []) {
    planted.push(start + body.length);
    body += `${p}\n`;
  }
  for (const o of parts.objects ?? []) {
    rows.push({ num: o.num, gen: o.gen ?? 0, offset: start + body.length });
    body += `${o.num} ${o.gen ?? 0} obj\n${o.text}\nendobj\n`;
  }
  const xrefAt = start + body.length;
  body += 'xref\n0 1\n0000000000 65535 f\r\n';
  for (const r of [...rows].sort((a, b) => a.num - b.num))
    body += `${r.num} 1\n${String(r.offset).padStart(10, '0')} ${String(r.gen ?? 0).padStart(5, '0')} n\r\n`;
  body += `trailer\n<<${parts.trailer}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return { bytes: concat(bytes, fromText(body)), planted };
}

/** A stream object's text (uncompressed, /Length direct). */
export const streamText = (content: string, dict = ''): string =>
  `<<${dict}/Length ${content.length}>>\nstream\n${content}\nendstream`;

/** A trailer continuing the file's chain (/Prev its last section) with the same catalog. */
export async function trailerOf(bytes: Uint8Array, extra = ''): Promise<string> {
  const doc = await open(bytes);
  return `/Size ${doc.size + 10}/Root ${doc.rootRef.num} 0 R/Prev ${doc.startxref}${extra}`;
}

/** The first page's single content stream. */
export async function pageContents(doc: PdfDocument): Promise<PdfRef> {
  const c = (await listPages(doc))[0]!.dict.get('Contents');
  if (!(c instanceof PdfRef)) throw new Error('no single content stream');
  return c;
}

/** Where the signature's /Contents hex string lies: [a, b) of its /ByteRange, and the CMS's hex length. */
export async function gapOf(bytes: Uint8Array): Promise<{ a: number; b: number; c: number; cmsHex: number }> {
  const [sig] = await listSignatures(await open(bytes));
  const [, a, b, c] = sig!.byteRange!;
  const hex = latin1(bytes.subarray(a! + 1, b! - 1));
  return {
    a: a!,
    b: b!,
    c: c!,
    cmsHex: hex.replace(/(00)+$/, '').length + (hex.replace(/(00)+$/, '').length % 2),
  };
}
