import { isDict, type PdfDict, type PdfObject, PdfRef } from '../../../syntax/objects.js';
import type { Comparison } from '../comparison.js';

const APPEARANCES = ['N', 'R', 'D'] as const;

/** The stream references of one /AP entry: a stream, or a dictionary of appearance states. */
async function streamsOf(
  cmp: Comparison,
  value: PdfObject | undefined,
  holder: number | undefined,
  kind: string,
  allowed: boolean,
  touched: number[],
): Promise<{ ref: PdfRef; holder: number | undefined }[]> {
  const out: { ref: PdfRef; holder: number | undefined }[] = [];
  let states: PdfObject | undefined = value;
  let statesHolder = holder;
  if (value instanceof PdfRef) {
    const target = await cmp.after.get(value.num);
    if (!isDict(target)) return [{ ref: value, holder }];
    if (await rewritten(cmp, value.num, holder, kind, allowed)) touched.push(value.num);
    states = target;
    statesHolder = value.num;
  }
  if (isDict(states))
    for (const v of states.map.values()) if (v instanceof PdfRef) out.push({ ref: v, holder: statesHolder });
  return out;
}

/**
 * An existing appearance object rewritten in place: allowed only when, in the signed revision,
 * nothing but its holder used it. Shared with page content, a new appearance would change what the
 * page shows (a shadow attack plants such sharing before signing).
 */
async function rewritten(
  cmp: Comparison,
  num: number,
  holder: number | undefined,
  kind: string,
  allowed: boolean,
): Promise<boolean> {
  if (!cmp.changed(num) || cmp.isNew(num)) return false;
  if (holder === undefined || !(await cmp.onlyUsedBy(num, new Set([holder])))) return true;
  if (allowed) cmp.explain(num, kind);
  else cmp.deny(num, kind);
  await cmp.pullIn(await cmp.after.get(num), kind, allowed);
  return true;
}

/**
 * The appearance of a widget that a rule lets change (form filling, signing an empty field): new
 * appearance streams are taken with their resources; existing ones rewritten in place only where
 * nothing else used them. `owner` is the widget's object number. Returns the existing appearance
 * objects that were rewritten.
 */
export async function judgeAppearance(
  cmp: Comparison,
  widget: PdfDict,
  owner: number | undefined,
  kind: string,
  allowed = true,
): Promise<number[]> {
  const touched: number[] = [];
  const ap = widget.get('AP');
  let holder = owner;
  if (ap instanceof PdfRef) {
    if (await rewritten(cmp, ap.num, owner, kind, allowed)) touched.push(ap.num);
    holder = ap.num;
  }
  const dict = await cmp.after.dict(ap);
  if (!dict) return touched;
  for (const key of APPEARANCES)
    for (const s of await streamsOf(cmp, dict.get(key), holder, kind, allowed, touched))
      if (await rewritten(cmp, s.ref.num, s.holder, kind, allowed)) touched.push(s.ref.num);
  await cmp.pullIn(ap, kind, allowed);
  return touched;
}
