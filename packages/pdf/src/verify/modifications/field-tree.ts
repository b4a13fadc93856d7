import { isDict, type PdfDict, type PdfObject, PdfRef, PdfString } from '../../syntax/objects.js';
import { decodeTextString } from '../../syntax/text-string.js';
import type { RevisionView } from './view.js';

export interface WidgetNode {
  ref: PdfRef | undefined;
  dict: PdfDict;
}

export interface FieldNode {
  /** Fully qualified name. */
  name: string;
  ref: PdfRef | undefined;
  dict: PdfDict;
  /** /FT, inherited. */
  type: string | undefined;
  /** Its widget annotations (the field itself when merged). */
  widgets: WidgetNode[];
}

/** The interactive form of one revision: every field by full name, and the objects it is made of. */
export interface FieldTree {
  form: PdfDict | undefined;
  /** The /AcroForm dictionary's object, when indirect. */
  formRef: PdfRef | undefined;
  fields: Map<string, FieldNode>;
  /** Names given to more than one field. */
  duplicates: Set<string>;
  /** Object numbers of the form's structure: /Fields and /Kids arrays, fields, widgets. */
  objects: Set<number>;
  /** The objects that hold the tree together: /AcroForm (or the catalog holding it), /Fields and /Kids arrays. */
  containers: Set<number>;
}

const MAX_DEPTH = 32;
const MAX_FIELDS = 100_000;

const trees = new WeakMap<RevisionView, Promise<FieldTree>>();

/** The form of a revision (read once per revision). */
export function fieldTree(view: RevisionView): Promise<FieldTree> {
  let t = trees.get(view);
  if (!t) {
    t = readFieldTree(view);
    trees.set(view, t);
  }
  return t;
}

/** Reads the form of a revision; broken parts are skipped (what they held then counts as changed). */
async function readFieldTree(view: RevisionView): Promise<FieldTree> {
  const catalog = await view.catalog();
  const formValue = catalog?.get('AcroForm');
  const form = await view.dict(formValue);
  const tree: FieldTree = {
    form,
    formRef: formValue instanceof PdfRef ? formValue : undefined,
    fields: new Map(),
    duplicates: new Set(),
    objects: new Set(),
    containers: new Set(),
  };
  const container = (num: number) => {
    tree.objects.add(num);
    tree.containers.add(num);
  };
  if (formValue instanceof PdfRef) container(formValue.num);
  else if (form && view.rootRef) tree.containers.add(view.rootRef.num);
  if (!form) return tree;
  const fieldsValue = form.get('Fields');
  if (fieldsValue instanceof PdfRef) container(fieldsValue.num);
  const roots = await view.resolve(fieldsValue);
  if (!Array.isArray(roots)) return tree;
  const seen = new Set<number>();

  const walk = async (item: PdfObject, parent: string, inherited: string | undefined, depth: number) => {
    if (depth > MAX_DEPTH || tree.fields.size > MAX_FIELDS) return;
    const ref = item instanceof PdfRef ? item : undefined;
    if (ref) {
      if (seen.has(ref.num)) return;
      seen.add(ref.num);
      tree.objects.add(ref.num);
    }
    const dict = await view.resolve(item);
    if (!isDict(dict)) return;
    const t = dict.get('T');
    const partial = t instanceof PdfString ? decodeTextString(t.bytes) : undefined;
    const name = partial === undefined ? parent : parent ? `${parent}.${partial}` : partial;
    const type = dict.name('FT') ?? inherited;
    const node: FieldNode = { name, ref, dict, type, widgets: [] };
    if (dict.name('Subtype') === 'Widget') node.widgets.push({ ref, dict });
    const kidsValue = dict.get('Kids');
    if (kidsValue instanceof PdfRef) container(kidsValue.num);
    const kids = await view.resolve(kidsValue);
    const fieldKids: PdfObject[] = [];
    if (Array.isArray(kids))
      for (const kid of kids) {
        const k = await view.resolve(kid);
        // a kid without /T is a widget of this field; a kid with /T is a field of its own
        if (isDict(k) && !k.has('T') && (k.name('Subtype') === 'Widget' || k.has('Rect'))) {
          if (kid instanceof PdfRef) tree.objects.add(kid.num);
          node.widgets.push({ ref: kid instanceof PdfRef ? kid : undefined, dict: k });
        } else fieldKids.push(kid);
      }
    if (partial !== undefined) {
      if (tree.fields.has(name)) tree.duplicates.add(name);
      else tree.fields.set(name, node);
    }
    for (const kid of fieldKids) await walk(kid, name, type, depth + 1);
  };
  for (const root of roots) await walk(root, '', undefined, 0);
  return tree;
}

const HIDDEN = 2;
const NO_VIEW = 32;

/** Whether a field shows on a page: a widget with an area that is not hidden. */
export function isVisible(node: FieldNode): boolean {
  return node.widgets.some((w) => {
    const flags = w.dict.get('F');
    if (typeof flags === 'number' && (flags & (HIDDEN | NO_VIEW)) !== 0) return false;
    const rect = w.dict.get('Rect');
    if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((n) => typeof n === 'number')) return false;
    const [a, b, c, d] = rect as number[];
    return Math.abs((c! - a!) * (d! - b!)) > 0;
  });
}
