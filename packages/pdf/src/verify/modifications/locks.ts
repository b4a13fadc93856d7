import { isDict, type PdfDict, PdfString } from '../../syntax/objects.js';
import { decodeTextString } from '../../syntax/text-string.js';
import type { RevisionView } from './view.js';

type Lock = { action: 'All' } | { action: 'Include' | 'Exclude'; fields: string[] };

/** FieldMDP (ISO 32000-2 §12.8.2.3): the fields signatures lock against change. */
export class FieldLocks {
  constructor(readonly locks: readonly Lock[] = []) {}

  /** Whether a field (by full name) is locked; a lock on a name covers its descendants too. */
  isLocked(name: string): boolean {
    const covers = (fields: string[]) => fields.some((f) => name === f || name.startsWith(`${f}.`));
    return this.locks.some((l) =>
      l.action === 'All' ? true : l.action === 'Include' ? covers(l.fields) : !covers(l.fields),
    );
  }

  get any(): boolean {
    return this.locks.length > 0;
  }
}

async function lockOf(view: RevisionView, dict: PdfDict | undefined): Promise<Lock | undefined> {
  if (!dict) return undefined;
  const action = dict.name('Action');
  if (action === 'All') return { action };
  if (action !== 'Include' && action !== 'Exclude') return undefined;
  const list = await view.resolve(dict.get('Fields'));
  const fields: string[] = [];
  if (Array.isArray(list))
    for (const f of list) {
      const s = await view.resolve(f);
      if (s instanceof PdfString) fields.push(decodeTextString(s.bytes));
    }
  return { action, fields };
}

/**
 * The locks one signature sets, read as it was signed: its FieldMDP signature references and the
 * /Lock of its field (either is enough: a writer may record only one).
 */
export async function locksOfSignature(
  view: RevisionView,
  signature: PdfDict | undefined,
  field: PdfDict | undefined,
): Promise<Lock[]> {
  const out: Lock[] = [];
  const refs = await view.resolve(signature?.get('Reference'));
  if (Array.isArray(refs))
    for (const r of refs) {
      const ref = await view.dict(r);
      if (ref?.name('TransformMethod') !== 'FieldMDP') continue;
      const lock = await lockOf(view, await view.dict(ref.get('TransformParams')));
      if (lock) out.push(lock);
    }
  const own = await view.resolve(field?.get('Lock'));
  if (isDict(own)) {
    const lock = await lockOf(view, own);
    if (lock) out.push(lock);
  }
  return out;
}
