import { PdfDict } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import { fieldTree } from '../field-tree.js';
import { changedKeys } from '../same.js';
import type { CatalogChange } from './catalog.js';
import { type FieldVerdict, judgeFieldChange } from './field-change.js';
import { type Judged, judgeNewField } from './new-field.js';

/** /AcroForm entries form filling may change: how appearances are (re)generated. */
const FORM_FILLING_KEYS = new Set(['NeedAppearances', 'DR', 'DA', 'Q']);

export interface FormOutcome {
  /** Widgets of the fields this revision adds, by object number, with how their field was judged. */
  newWidgets: Map<number, Judged>;
  /** The kind the form's containers were judged as (the catalog takes it when it holds the form). */
  kind: string | undefined;
  /** Whether that verdict is a refusal. */
  denied: boolean;
}

/**
 * The interactive form, field by full name: fields removed, fields added (signature fields only),
 * fields changed (signing, form filling, under FieldMDP locks), and the /AcroForm dictionary
 * itself. The containers that changed with them (/AcroForm, /Fields, /Kids) take the verdict of
 * what they carry.
 */
export async function judgeForm(cmp: Comparison, catalog: CatalogChange): Promise<FormOutcome> {
  const outcome: FormOutcome = { newWidgets: new Map(), kind: undefined, denied: false };
  const [before, after] = await Promise.all([fieldTree(cmp.before), fieldTree(cmp.after)]);
  const touched =
    catalog.keys.has('AcroForm') ||
    [...cmp.pending].some((n) => before.objects.has(n) || after.objects.has(n));
  if (!touched) return outcome;
  // each verdict says whether this revision made the change: a change made by an earlier revision
  // was judged there, and must not be pinned on the containers this one rewrites
  const verdicts: FieldVerdict[] = [];
  const previous =
    cmp.revision - 1 > cmp.signed ? await fieldTree(cmp.history.view(cmp.revision - 1)) : before;

  for (const name of before.fields.keys())
    if (!after.fields.has(name))
      verdicts.push({
        kind: cmp.locks.isLocked(name) ? 'locked-field-changed' : 'field-removed',
        allowed: false,
        here: previous.fields.has(name),
      });
  for (const name of after.duplicates)
    if (!before.duplicates.has(name))
      verdicts.push({ kind: 'field-added', allowed: false, here: !previous.duplicates.has(name) });
  for (const [name, node] of after.fields)
    if (!before.fields.has(name)) {
      const j = await judgeNewField(cmp, node, outcome.newWidgets);
      verdicts.push({ ...j, here: !previous.fields.has(name) });
    }
  for (const [name, node] of before.fields) {
    const now = after.fields.get(name);
    const j = now ? await judgeFieldChange(cmp, name, node, now, outcome.newWidgets) : undefined;
    if (j) verdicts.push(j);
  }

  // the /AcroForm dictionary
  const formNum = after.formRef?.num ?? catalog.root;
  if (formNum !== undefined && cmp.changed(formNum)) {
    if (after.formRef && before.formRef?.num !== after.formRef.num && !cmp.isNew(after.formRef.num))
      verdicts.push({ kind: 'form-changed', allowed: false, here: true });
    const [a, b] = [before.form ?? new PdfDict(), after.form ?? new PdfDict()];
    for (const key of await changedKeys(a, b, cmp.after.store)) {
      if (key === 'Fields' || key === 'SigFlags') continue; // judged field by field; signature bookkeeping
      if (FORM_FILLING_KEYS.has(key)) {
        verdicts.push({ kind: 'form-field-filled', allowed: true, here: true });
        await cmp.pullIn(b.get(key), 'form-field-filled');
        // allowed, but then a viewer redraws every field from its value, not as it was signed
        if (key === 'NeedAppearances' && (await cmp.after.resolve(b.get(key))) === true)
          cmp.warn(formNum, 'NEED_APPEARANCES', '/NeedAppearances was set: viewers redraw every form field');
      } else verdicts.push({ kind: 'form-changed', allowed: false, here: true });
    }
  }

  // objects only the form's default resources used (Acrobat rewrites its /DR fonts as it signs)
  if (formNum !== undefined)
    for (const num of cmp.pending) {
      if (cmp.isNew(num) || cmp.verdict(num)) continue;
      const refs = await cmp.history.referrers(num, cmp.signed);
      if (refs.length > 0 && refs.every((r) => r.from === formNum && r.path.startsWith('DR/'))) {
        cmp.explain(num, 'form-field-filled');
        await cmp.pullIn(await cmp.after.get(num), 'form-field-filled');
      }
    }

  const current = verdicts.filter((v) => v.here);
  const denied = current.find((v) => !v.allowed);
  outcome.kind =
    denied?.kind ?? current[0]?.kind ?? verdicts.find((v) => v.allowed)?.kind ?? 'signature-added';
  outcome.denied = denied !== undefined;
  const containers = new Set([...before.containers, ...after.containers]);
  const users = new Set(before.objects);
  if (catalog.root !== undefined) users.add(catalog.root);
  for (const num of containers) {
    if (!cmp.changed(num) || num === catalog.root) continue;
    if (denied) cmp.deny(num, denied.kind);
    // an array rewritten in place must have been used by the form alone
    else if (cmp.isNew(num) || num === formNum || (await cmp.onlyUsedBy(num, users)))
      cmp.explain(num, outcome.kind);
  }
  return outcome;
}
