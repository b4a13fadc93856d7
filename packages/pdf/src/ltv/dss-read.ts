import { nobleHasher, toHex } from '@kyso/core';
import type { PdfDocument } from '../document/pdf-document.js';
import { parsePdfDate } from '../signing/pdf-date.js';
import { isDict, type PdfDict, type PdfObject, PdfRef, PdfStream, PdfString } from '../syntax/objects.js';
import { decodeTextString } from '../syntax/text-string.js';

/** Validation data as DER lists: the shape RevocationOptions.embedded takes. */
export interface ValidationData {
  certificates: Uint8Array[];
  ocspResponses: Uint8Array[];
  crls: Uint8Array[];
}

/** One /VRI entry: the data a validator needs for one signature, and when it was gathered (/TU). */
export interface VriEntry extends ValidationData {
  time?: Date;
}

/** A document's /DSS (ISO 32000-2 §12.8.4.3, ETSI EN 319 142-1 §5.4.2). */
export interface Dss extends ValidationData {
  /** Keyed by the uppercase hex SHA-1 of each signature's /Contents. */
  vri: Map<string, VriEntry>;
}

export type DssKind = 'Certs' | 'OCSPs' | 'CRLs';

/** The DSS with the stream object behind each item, so a merge reuses objects instead of copying them. */
export interface LoadedDss {
  dss: Dss;
  /** By kind, the content key (see derKey) of every item already stored, with its stream object. */
  refs: Record<DssKind, Map<string, PdfRef>>;
}

/** A content key for DER blobs (SHA-256, hex): equal data, equal key. */
export function derKey(der: Uint8Array): string {
  return toHex(nobleHasher('SHA-256').update(der).digest());
}

const FIELD: Record<DssKind, keyof ValidationData> = {
  Certs: 'certificates',
  OCSPs: 'ocspResponses',
  CRLs: 'crls',
};

/** The VRI arrays are named in the singular. */
export const VRI_KIND: Record<DssKind, string> = { Certs: 'Cert', OCSPs: 'OCSP', CRLs: 'CRL' };

async function streamItems(
  doc: PdfDocument,
  array: PdfObject | undefined,
  refs?: Map<string, PdfRef>,
): Promise<Uint8Array[]> {
  const list = await doc.resolve(array);
  if (!Array.isArray(list)) return [];
  const out: Uint8Array[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const stream = await doc.resolve(item);
    // a stray non-stream entry is skipped: one bad item must not hide the others
    if (!(stream instanceof PdfStream)) continue;
    const der = await doc.store.decoded(stream);
    const key = derKey(der);
    if (refs && item instanceof PdfRef && !refs.has(key)) refs.set(key, item);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(der);
  }
  return out;
}

async function vriEntries(doc: PdfDocument, dss: PdfDict): Promise<Map<string, VriEntry>> {
  const out = new Map<string, VriEntry>();
  const vri = await doc.dict(dss.get('VRI'));
  if (!vri) return out;
  for (const key of vri.keys()) {
    const entry = await doc.dict(vri.get(key));
    if (!entry) continue;
    const tu = await doc.resolve(entry.get('TU'));
    const time = tu instanceof PdfString ? parsePdfDate(decodeTextString(tu.bytes)) : undefined;
    out.set(key.toUpperCase(), {
      certificates: await streamItems(doc, entry.get('Cert')),
      ocspResponses: await streamItems(doc, entry.get('OCSP')),
      crls: await streamItems(doc, entry.get('CRL')),
      ...(time ? { time } : {}),
    });
  }
  return out;
}

/** The DSS with its object references, or undefined when the catalog has none. */
export async function loadDss(doc: PdfDocument): Promise<LoadedDss | undefined> {
  const catalog = await doc.catalog();
  const dict = await doc.dict(catalog.get('DSS'));
  if (!dict || !isDict(dict)) return undefined;
  const refs: LoadedDss['refs'] = { Certs: new Map(), OCSPs: new Map(), CRLs: new Map() };
  const dss: Dss = { certificates: [], ocspResponses: [], crls: [], vri: await vriEntries(doc, dict) };
  for (const kind of Object.keys(FIELD) as DssKind[])
    dss[FIELD[kind]] = await streamItems(doc, dict.get(kind), refs[kind]);
  return { dss, refs };
}

/**
 * The document's DSS as DER lists (duplicates removed, streams decoded), for verification with
 * `createRevocationChecker({ mode: 'embedded', embedded: dss })` and for merging; undefined when
 * the document has none.
 */
export async function readDss(doc: PdfDocument): Promise<Dss | undefined> {
  return (await loadDss(doc))?.dss;
}
