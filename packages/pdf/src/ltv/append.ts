import { equalBytes, KysoError } from '@kyso/core';
import { PdfDocument } from '../document/pdf-document.js';
import type { ByteSource } from '../io/byte-source.js';
import { listSignatures, type SignatureEntry } from '../signatures/list-signatures.js';
import type { DocumentEdit } from '../writer/document-edit.js';
import type { WrittenUpdate } from '../writer/incremental-update.js';

/** What an LTV step returns: the bytes it appends, and the file they make with the input. */
export interface AppendedPdf {
  source: ByteSource;
  /** The incremental update(s) to append to the input; empty when there was nothing to add. */
  appended: Uint8Array;
  /** The input followed by `appended`, for further reading. */
  result: ByteSource;
}

async function endsWithEol(source: ByteSource): Promise<boolean> {
  if (source.size === 0) return false;
  const last = (await source.read(source.size - 1, 1))[0];
  return last === 0x0a || last === 0x0d;
}

/** Writes the edit as one incremental update after `source`. */
export async function buildUpdate(edit: DocumentEdit, source: ByteSource): Promise<WrittenUpdate> {
  return edit.update.build(await endsWithEol(source));
}

/**
 * The guard of "every step appends, no step invalidates": the new file must list every signature
 * the input had, each with the same /ByteRange and /Contents (the update only adds; a bug that
 * detached a field or rewrote a signature dictionary is caught here, before any output).
 */
export async function assertSignaturesKept(
  before: readonly SignatureEntry[],
  result: ByteSource,
): Promise<void> {
  const after = await listSignatures(await PdfDocument.open(result));
  const same = (a: SignatureEntry, b: SignatureEntry) =>
    a.field.name === b.field.name &&
    a.ref?.key === b.ref?.key &&
    String(a.byteRange) === String(b.byteRange) &&
    (a.contents === undefined
      ? b.contents === undefined
      : b.contents !== undefined && equalBytes(a.contents, b.contents));
  for (const sig of before) {
    if (!after.some((s) => same(sig, s)))
      throw new KysoError('INTERNAL', {
        params: { detail: `the update would change signature ${sig.field.name}; nothing was written` },
      });
  }
}
