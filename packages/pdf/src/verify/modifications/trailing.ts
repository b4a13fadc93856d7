import type { PdfDocument } from '../../document/pdf-document.js';
import { latin1 } from '../../syntax/chars.js';

const CHUNK = 1 << 20;
const OVERLAP = 64;
const UPDATE_SYNTAX = /\d+\s+\d+\s+obj\b|\bxref\b|\btrailer\b|\bstartxref\b/;

const tails = new WeakMap<PdfDocument, Promise<boolean>>();

/**
 * Whether bytes after the last revision look like an update no cross-reference section admits
 * (objects, a trailer, an xref): readers that repair files may show them, so they are a change
 * after every signature. Padding a mailer appends (zeros, blanks) is not.
 */
export function hasUnsignedUpdate(doc: PdfDocument): Promise<boolean> {
  let t = tails.get(doc);
  if (!t) {
    t = scan(doc);
    tails.set(doc, t);
  }
  return t;
}

async function scan(doc: PdfDocument): Promise<boolean> {
  const last = doc.revisions.at(-1);
  const size = doc.source.size;
  if (!last || last.end >= size) return false;
  for (let at = last.end; at < size; at += CHUNK) {
    const from = Math.max(last.end, at - OVERLAP);
    const text = latin1(await doc.source.read(from, Math.min(size, at + CHUNK) - from));
    if (UPDATE_SYNTAX.test(text)) return true;
  }
  return false;
}
