import { pdfDate } from '../signing/pdf-date.js';
import { isDict, name, PdfDict, PdfRef, PdfStream } from '../syntax/objects.js';
import type { DocumentEdit } from '../writer/document-edit.js';
import { textString } from '../writer/incremental-update.js';
import { type DssKind, derKey, type LoadedDss, type ValidationData, VRI_KIND } from './dss-read.js';

/** What a DSS update should hold: merged with the existing DSS, never replacing it. */
export interface DssPlan {
  /** Everything the validation of the signatures needs (what the DSS already holds is skipped). */
  data: ValidationData;
  /** Per VRI key (uppercase hex SHA-1 of a signature's /Contents), that signature's data. */
  vri?: Map<string, ValidationData>;
  /** /TU of the VRI entries written. */
  time: Date;
}

/** What the update added. */
export interface DssAdded {
  certificates: number;
  ocspResponses: number;
  crls: number;
  /** VRI entries created or extended. */
  vriKeys: string[];
}

const KINDS: readonly [DssKind, keyof ValidationData][] = [
  ['Certs', 'certificates'],
  ['OCSPs', 'ocspResponses'],
  ['CRLs', 'crls'],
];

/** A dictionary held at `key` in `holder`, writable in this update wherever it lives (indirect or direct). */
async function writableDict(edit: DocumentEdit, holder: PdfDict, key: string, fresh: () => PdfDict) {
  const current = holder.get(key);
  if (current instanceof PdfRef && isDict(await edit.doc.resolve(current))) return edit.dict(current);
  const copy = (await edit.doc.dict(current))?.clone() ?? fresh();
  holder.set(key, copy);
  return copy;
}

/** The VRI keys whose entry is missing or lacks some of the planned data (compared by content). */
function changedVriKeys(loaded: LoadedDss | undefined, vri: Map<string, ValidationData>): string[] {
  const out: string[] = [];
  for (const [key, data] of vri) {
    const had = loaded?.dss.vri.get(key);
    const known = new Set(
      had ? [...had.certificates, ...had.ocspResponses, ...had.crls].map(derKey) : undefined,
    );
    const wanted = [...data.certificates, ...data.ocspResponses, ...data.crls];
    if (!had || wanted.some((der) => !known.has(derKey(der)))) out.push(key);
  }
  return out;
}

/**
 * Records a DSS in the edit, merged with what the document holds: items already stored (by content)
 * keep their stream objects, new ones get a stream each and are appended to /Certs, /OCSPs, /CRLs;
 * nothing is ever dropped. VRI entries of other signatures are kept; an entry for the same signature
 * is extended. Only the catalog and DSS objects change, as DocMDP allows after any signature.
 * Returns undefined, touching nothing, when the document already holds everything planned.
 */
export async function writeDss(
  edit: DocumentEdit,
  loaded: LoadedDss | undefined,
  plan: DssPlan,
): Promise<DssAdded | undefined> {
  const fresh: Record<DssKind, Map<string, Uint8Array>> = {
    Certs: new Map(),
    OCSPs: new Map(),
    CRLs: new Map(),
  };
  const sources = [plan.data, ...(plan.vri?.values() ?? [])];
  for (const [kind, field] of KINDS)
    for (const data of sources)
      for (const der of data[field]) {
        const key = derKey(der);
        if (!loaded?.refs[kind].has(key)) fresh[kind].set(key, der);
      }
  const vriKeys = plan.vri ? changedVriKeys(loaded, plan.vri) : [];
  const added = {
    certificates: fresh.Certs.size,
    ocspResponses: fresh.OCSPs.size,
    crls: fresh.CRLs.size,
    vriKeys,
  };
  if (added.certificates + added.ocspResponses + added.crls + vriKeys.length === 0) return undefined;

  const refs: Record<DssKind, Map<string, PdfRef>> = {
    Certs: new Map(loaded?.refs.Certs),
    OCSPs: new Map(loaded?.refs.OCSPs),
    CRLs: new Map(loaded?.refs.CRLs),
  };
  const catalog = await edit.catalog();
  // A direct DSS becomes an object of its own; an indirect one keeps its number.
  const current = catalog.get('DSS');
  let dss: PdfDict;
  if (current instanceof PdfRef && isDict(await edit.doc.resolve(current))) dss = await edit.dict(current);
  else {
    dss = (await edit.doc.dict(current))?.clone() ?? new PdfDict([['Type', name('DSS')]]);
    catalog.set('DSS', edit.add(dss));
  }
  for (const [kind] of KINDS)
    for (const [key, der] of fresh[kind]) {
      // DER is stored as is, unfiltered: it hardly compresses, and every reader can take it
      const ref = edit.add(new PdfStream(new PdfDict(), der));
      refs[kind].set(key, ref);
      await edit.appendTo(dss, kind, ref);
    }

  if (plan.vri && vriKeys.length > 0) {
    const vri = await writableDict(edit, dss, 'VRI', () => new PdfDict());
    const tu = textString(pdfDate(plan.time));
    for (const key of vriKeys) {
      const data = plan.vri.get(key)!;
      const had = loaded?.dss.vri.get(key);
      // keep the key as the file spells it (a writer may have used lowercase hex)
      const spelled = vri.keys().find((k) => k.toUpperCase() === key) ?? key;
      const entry = await writableDict(edit, vri, spelled, () => new PdfDict());
      for (const [kind, field] of KINDS) {
        const present = new Set((had?.[field] ?? []).map(derKey));
        for (const der of data[field]) {
          const k = derKey(der);
          if (present.has(k)) continue;
          present.add(k);
          await edit.appendTo(entry, VRI_KIND[kind], refs[kind].get(k)!);
        }
      }
      entry.set('TU', tu);
    }
  }
  return added;
}
