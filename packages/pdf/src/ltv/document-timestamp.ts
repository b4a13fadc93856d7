import {
  type CryptoProvider,
  type HashAlg,
  KysoError,
  requestTimestamp,
  resolveProvider,
  type TimestampOptions,
  type TstInfo,
} from '@kyso/core';
import { PdfDocument } from '../document/pdf-document.js';
import { listFields } from '../fields/field-tree.js';
import { placeSignatureField } from '../fields/signature-field.js';
import { type ByteSource, bytesSource } from '../io/byte-source.js';
import { appendedSource } from '../io/concat-source.js';
import { listSignatures } from '../signatures/list-signatures.js';
import { hexContents } from '../signing/finish.js';
import { digestPrepared } from '../signing/prepare.js';
import { byteRangeText, signatureDictionary } from '../signing/signature-dictionary.js';
import { DocumentEdit } from '../writer/document-edit.js';
import { RawObject } from '../writer/incremental-update.js';
import { type AppendedPdf, assertSignaturesKept, buildUpdate } from './append.js';

/** Room for a token with its TSA's chain (a few KiB in practice); overridable. */
export const DOCUMENT_TIMESTAMP_CAPACITY = 16 * 1024;

export interface DocumentTimestampOptions {
  tsa: TimestampOptions;
  /** The imprint's hash; SHA-256 by default. */
  hash?: HashAlg;
  /** Bytes reserved for the token in /Contents. */
  capacity?: number;
  /** The new field's name (an existing empty signature field of that name is used); TimestampN by default. */
  field?: string;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
}

export interface DocumentTimestampResult extends AppendedPdf {
  fieldName: string;
  /** The RFC 3161 token written into /Contents. */
  token: Uint8Array;
  tstInfo: TstInfo;
}

async function freeName(doc: PdfDocument): Promise<string> {
  const form = await doc.dict((await doc.catalog()).get('AcroForm'));
  const names = new Set((await listFields(doc, form)).map((f) => f.name));
  for (let i = 1; ; i++) if (!names.has(`Timestamp${i}`)) return `Timestamp${i}`;
}

/**
 * PAdES B-LTA's document time-stamp (ETSI EN 319 142-1 §5.4.3): a new invisible signature field
 * whose value is a /DocTimeStamp dictionary, /SubFilter /ETSI.RFC3161, its /Contents the RFC 3161
 * token over the digest of the byte ranges. Prepared like a signature (prepare.ts), with the TSA in
 * place of the Signer. A token larger than the room reserved is SIGNATURE_TOO_LARGE, before output.
 * DocMDP does not stop it: document time-stamps, like DSS updates, are allowed after any signature.
 */
export async function addDocumentTimestamp(
  input: ByteSource | Uint8Array,
  options: DocumentTimestampOptions,
): Promise<DocumentTimestampResult> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const provider = resolveProvider(options.provider);
  const hash = options.hash ?? 'SHA-256';
  const capacity = options.capacity ?? DOCUMENT_TIMESTAMP_CAPACITY;
  if (!Number.isSafeInteger(capacity) || capacity <= 0)
    throw new KysoError('USAGE', {
      params: { detail: 'the time-stamp capacity must be a positive whole number of bytes' },
    });
  const doc = await PdfDocument.open(source);
  if (doc.encrypted) throw new KysoError('ENCRYPTED_PDF');
  const before = await listSignatures(doc);

  const edit = new DocumentEdit(doc);
  const sigRef = edit.update.allocate();
  const placed = await placeSignatureField(edit, {
    name: options.field ?? (await freeName(doc)),
    value: sigRef,
  });
  const dict = signatureDictionary({ subFilter: 'ETSI.RFC3161', capacity });
  edit.update.set(sigRef, new RawObject(dict.text));
  const written = await buildUpdate(edit, source);
  const increment = written.bytes;
  const rawAt = written.rawOffsets.get(sigRef.key)!;
  const base = source.size;
  const contentsStart = base + rawAt + dict.contentsAt;
  const contentsEnd = contentsStart + dict.contentsHexLength + 2;
  const byteRange = [0, contentsStart, contentsEnd, base + increment.length - contentsEnd];
  increment.set(byteRangeText(byteRange, dict.byteRangeWidth), rawAt + dict.byteRangeAt);

  const { rangeDigest } = await digestPrepared(
    source,
    increment,
    { start: contentsStart, end: contentsEnd },
    hash,
    provider.hasher,
    options.signal,
  );
  const { token, check } = await requestTimestamp(hash, rangeDigest, {
    ...options.tsa,
    provider,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  increment.set(hexContents(token, dict.contentsHexLength), contentsStart + 1 - base);
  const result = appendedSource(source, increment);
  await assertSignaturesKept(before, result);
  return { source, appended: increment, result, fieldName: placed.name, token, tstInfo: check.tstInfo! };
}
