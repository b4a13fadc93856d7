import { isDict, type PdfDict, PdfRef } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';
import { type FieldNode, isVisible, type WidgetNode } from '../field-tree.js';
import { changedKeys } from '../same.js';
import type { RevisionView } from '../view.js';
import { judgeAppearance } from './appearance.js';
import type { Judged } from './new-field.js';

/** Form filling (ISO 32000-2 §12.7.4): the value, the appearance and its state, and how text is drawn. */
const FIELD_VALUE_KEYS = new Set(['V', 'AS', 'AP', 'DA', 'Q']);
const WIDGET_VALUE_KEYS = new Set(['AS', 'AP']);
/** Signing an empty signature field sets its value and appearance. */
const SIGNING_KEYS = new Set(['V', 'AP', 'AS']);
/** Field flags and /Type, which Acrobat rewrites freely (pyHanko notes the same); no effect on the page. */
const FLAG_KEYS = new Set(['Ff', 'Type']);
/** Annotation flags that only lock a widget (ReadOnly, Locked, LockedContents): signers set them. */
const LOCK_BITS = 64 | 128 | 512;

/** The changed keys, less an /F whose change only sets or clears lock bits (counted as a flag). */
function withoutLockFlags(keys: string[], a: PdfDict, b: PdfDict): string[] {
  return keys.map((k) => {
    if (k !== 'F') return k;
    const [x, y] = [a.get('F') ?? 0, b.get('F') ?? 0];
    return typeof x === 'number' && typeof y === 'number' && ((x ^ y) & ~LOCK_BITS) === 0 ? 'Ff' : k;
  });
}

interface WidgetPairs {
  pairs: [WidgetNode, WidgetNode][];
  /** Widgets added or removed: the field's place on the pages changed. */
  moved: boolean;
}

/** Widgets of the old and new field, paired by object (merged field-widgets left out). */
function pairWidgets(before: FieldNode, after: FieldNode): WidgetPairs {
  const separate = (n: FieldNode) => n.widgets.filter((w) => !w.ref || w.ref.num !== n.ref?.num);
  const [a, b] = [separate(before), separate(after)];
  const pairs: [WidgetNode, WidgetNode][] = [];
  for (let i = 0; i < a.length; i++) {
    const w = a[i]!;
    const match = w.ref ? b.find((x) => x.ref?.num === w.ref!.num) : b.filter((x) => !x.ref)[i];
    if (match) pairs.push([w, match]);
  }
  return { pairs, moved: a.length !== b.length || pairs.length !== a.length };
}

async function signed(view: RevisionView, field: PdfDict): Promise<PdfDict | undefined> {
  const v = await view.resolve(field.get('V'));
  return isDict(v) ? v : undefined;
}

function verdictOn(cmp: Comparison, num: number | undefined, j: Judged): void {
  if (num === undefined) return;
  if (j.allowed) cmp.explain(num, j.kind);
  else cmp.deny(num, j.kind);
}

/** A field's verdict, and whether this revision made the change (else it was judged where it was made). */
export type FieldVerdict = Judged & { here: boolean };

/** Whether a widget sat on a page (in some /Annots) in the signed revision. */
async function wasPlaced(cmp: Comparison, widget: number): Promise<boolean> {
  return (await cmp.history.referrers(widget, cmp.signed)).some((r) => r.path === 'Annots');
}

/**
 * A field present in both revisions. A signed signature field must not change at all (flags
 * aside); an empty one may be signed (value, appearance) unless a FieldMDP lock covers it; other
 * fields may be filled in — a new value, with its appearance — unless locked. An appearance that
 * changes while the value stays is no form filling: it is how a shadow attack swaps what a field
 * shows. Anything else about a field (type, widgets, other keys) is disallowed. Returns undefined
 * when the field did not change.
 */
export async function judgeFieldChange(
  cmp: Comparison,
  name: string,
  before: FieldNode,
  after: FieldNode,
  widgets: Map<number, Judged>,
): Promise<FieldVerdict | undefined> {
  const store = cmp.after.store;
  const num = after.ref?.num;
  const nums = [num, ...after.widgets.map((w) => w.ref?.num)].filter((n): n is number => n !== undefined);
  const here = (extra: number[] = []) => [...nums, ...extra].some((n) => cmp.changed(n));
  if (before.ref?.num !== after.ref?.num || before.type !== after.type) {
    const j = { kind: 'field-changed', allowed: false };
    verdictOn(cmp, num, j);
    return { ...j, here: here() };
  }
  const fieldKeys = withoutLockFlags(
    await changedKeys(before.dict, after.dict, store),
    before.dict,
    after.dict,
  );
  const { pairs, moved } = pairWidgets(before, after);
  const widgetKeys: { widget: WidgetNode; keys: string[] }[] = [];
  for (const [a, b] of pairs) {
    const keys = withoutLockFlags(await changedKeys(a.dict, b.dict, store), a.dict, b.dict);
    if (keys.length > 0) widgetKeys.push({ widget: b, keys });
  }
  const verdict = (j: Judged, on: number[] = []): FieldVerdict => {
    verdictOn(cmp, fieldKeys.length > 0 ? num : undefined, j);
    for (const w of widgetKeys) verdictOn(cmp, w.widget.ref?.num, j);
    for (const n of on) verdictOn(cmp, n, j);
    return { ...j, here: here(on) };
  };
  const deny = (kind: string) => verdict({ kind, allowed: false });
  if (moved) return deny('field-changed');
  const flagsOnly =
    fieldKeys.every((k) => FLAG_KEYS.has(k)) &&
    widgetKeys.every((w) => w.keys.every((k) => FLAG_KEYS.has(k)));

  if (before.type === 'Sig') {
    const wasSigned = await signed(cmp.before, before.dict);
    const nowSigned = await signed(cmp.after, after.dict);
    if (fieldKeys.length === 0 && widgetKeys.length === 0) return undefined;
    if (wasSigned || !nowSigned)
      return flagsOnly
        ? verdict({ kind: 'field-flags', allowed: true })
        : deny(wasSigned ? 'signature-changed' : 'field-changed');
    // an empty signature field signed now
    if (fieldKeys.some((k) => !SIGNING_KEYS.has(k) && !FLAG_KEYS.has(k))) return deny('field-changed');
    if (widgetKeys.some((w) => w.keys.some((k) => !WIDGET_VALUE_KEYS.has(k) && !FLAG_KEYS.has(k))))
      return deny('field-changed');
    const value = after.dict.get('V');
    if (!(value instanceof PdfRef) || !cmp.isNew(value.num)) return deny('signature-changed');
    if (cmp.locks.isLocked(name)) return deny('locked-field-changed');
    const visible = isVisible(after);
    const j: Judged = {
      kind: nowSigned.name('Type') === 'DocTimeStamp' && !visible ? 'document-timestamp' : 'signature-added',
      allowed: true,
    };
    // its widget may be put on a page only now; after a certification, a visible one may not
    for (const w of after.widgets) {
      if (!w.ref) continue;
      const placed = await wasPlaced(cmp, w.ref.num);
      widgets.set(
        w.ref.num,
        !placed && visible && cmp.certified
          ? { kind: 'visible-signature-added-after-certification', allowed: false }
          : j,
      );
    }
    await cmp.pullIn(value, j.kind);
    const rewritten: number[] = [];
    for (const w of after.widgets)
      rewritten.push(...(await judgeAppearance(cmp, w.dict, w.ref?.num, j.kind)));
    return verdict(j, rewritten);
  }

  // form filling
  if (fieldKeys.some((k) => !FIELD_VALUE_KEYS.has(k) && !FLAG_KEYS.has(k))) return deny('field-changed');
  if (widgetKeys.some((w) => w.keys.some((k) => !WIDGET_VALUE_KEYS.has(k) && !FLAG_KEYS.has(k))))
    return deny('field-changed');
  const valueChanged = fieldKeys.includes('V');
  const j: Judged =
    !valueChanged && !flagsOnly
      ? { kind: 'appearance-changed', allowed: false }
      : cmp.locks.isLocked(name) && !flagsOnly
        ? { kind: 'locked-field-changed', allowed: false }
        : { kind: flagsOnly ? 'field-flags' : 'form-field-filled', allowed: true };
  await cmp.pullIn(after.dict.get('V'), j.kind, j.allowed);
  const rewritten: number[] = [];
  for (const w of after.widgets)
    rewritten.push(
      ...(await judgeAppearance(
        cmp,
        w.dict,
        w.ref?.num,
        valueChanged ? j.kind : 'appearance-changed',
        valueChanged && j.allowed,
      )),
    );
  if (fieldKeys.length === 0 && widgetKeys.length === 0 && rewritten.length === 0) return undefined;
  const result = verdict(
    rewritten.length > 0 && !valueChanged ? { kind: 'appearance-changed', allowed: false } : j,
    rewritten,
  );
  if (result.allowed && result.kind === 'form-field-filled')
    cmp.warn(nums, 'FORM_FIELD_FILLED', `form field "${name}" was filled in`);
  return result;
}
