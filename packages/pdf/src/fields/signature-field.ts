import { KysoError } from '@kyso/core';
import { listPages, type PageInfo } from '../document/pages.js';
import { structureError } from '../document/structure-error.js';
import { isDict, name, PdfDict, type PdfObject, PdfRef, PdfStream } from '../syntax/objects.js';
import type { DocumentEdit } from '../writer/document-edit.js';
import { textString } from '../writer/incremental-update.js';
import { type FieldInfo, listFields } from './field-tree.js';
import { type DisplayedRect, placeOnPage } from './placement.js';
import { plainBox } from './plain-box.js';
import { pageOfWidget, placeOnWidget, widgetRect } from './widget-placement.js';

/**
 * What a drawer gets: the upright box it draws in (points), and the incremental update the widget is
 * written in, so an appearance can reference fonts and images as objects of that update.
 */
export interface AppearanceBox {
  width: number;
  height: number;
  /** Adds an object to the update; returns its reference (for /Resources). */
  add(value: PdfObject): PdfRef;
  /**
   * Shared by every widget drawn in this update, by a key the drawer chooses: one font or image
   * object serves all of them. Values are the drawer's own (check them with instanceof).
   */
  shared: Map<string, unknown>;
}

/** Draws a widget's normal appearance: content stream operators in an upright box of `width` × `height`. */
export type AppearanceDrawer = (box: AppearanceBox) => Promise<{ content: Uint8Array; resources?: PdfDict }>;

/** One shared map per update (an edit is one incremental update). */
const sharedByEdit = new WeakMap<DocumentEdit, Map<string, unknown>>();

function sharedOf(edit: DocumentEdit): Map<string, unknown> {
  let shared = sharedByEdit.get(edit);
  if (!shared) {
    shared = new Map();
    sharedByEdit.set(edit, shared);
  }
  return shared;
}

export interface FieldRequest {
  /** Sign this field: an existing empty one, or a new one of this name. */
  name?: string;
  /** Where a new field's widget goes; invisible (a zero rectangle on page 1) when absent. */
  visible?: { page: number; rect: DisplayedRect };
  /** Draws a new visible widget, or an existing field's widgets (in their own /Rect), replacing their /AP. */
  appearance?: AppearanceDrawer;
  /** The signature dictionary the field's /V points to. */
  value: PdfRef;
  /** A /Lock dictionary (FieldMDP) for a new field. */
  lock?: PdfDict;
}

export interface PlacedField {
  name: string;
  fieldRef: PdfRef;
  created: boolean;
  page?: PageInfo;
  rect?: [number, number, number, number];
}

/** Print (4) + Locked (128): what signature widgets carry. */
const WIDGET_FLAGS = 132;
const SIG_FLAGS = 3; // SignaturesExist | AppendOnly

async function uniqueName(fields: FieldInfo[]): Promise<string> {
  const names = new Set(fields.map((f) => f.name));
  for (let i = 1; ; i++) if (!names.has(`Signature${i}`)) return `Signature${i}`;
}

async function formOf(edit: DocumentEdit, create: boolean): Promise<PdfDict | undefined> {
  const doc = edit.doc;
  const catalog = await doc.catalog();
  const form = catalog.get('AcroForm');
  if (form instanceof PdfRef) return edit.dict(form);
  if (isDict(form)) {
    const copy = form.clone();
    (await edit.catalog()).set('AcroForm', copy);
    return copy;
  }
  if (!create) return undefined;
  const fresh = new PdfDict([['Fields', []]]);
  (await edit.catalog()).set('AcroForm', edit.add(fresh));
  return fresh;
}

async function appearanceStream(
  edit: DocumentEdit,
  drawer: AppearanceDrawer | undefined,
  placement: ReturnType<typeof placeOnPage>,
): Promise<PdfRef> {
  const [, , w, h] = placement.bbox;
  const drawn = await (drawer ?? plainBox)({
    width: w,
    height: h,
    add: (value) => edit.add(value),
    shared: sharedOf(edit),
  });
  const dict = new PdfDict([
    ['Type', name('XObject')],
    ['Subtype', name('Form')],
    ['BBox', placement.bbox],
    ['Matrix', placement.matrix],
    ['Resources', drawn.resources ?? new PdfDict()],
  ]);
  return edit.add(new PdfStream(dict, drawn.content));
}

/**
 * Finds or creates the signature field and its widget, and records the changes (field, page
 * /Annots, /AcroForm /Fields and /SigFlags) in the edit. Other fields are left untouched.
 */
export async function placeSignatureField(edit: DocumentEdit, request: FieldRequest): Promise<PlacedField> {
  const doc = edit.doc;
  const catalog = await doc.catalog();
  const existingForm = await doc.dict(catalog.get('AcroForm'));
  const fields = await listFields(doc, existingForm);
  const wanted = request.name ? fields.find((f) => f.name === request.name) : undefined;

  if (wanted) {
    if (wanted.type !== 'Sig')
      throw new KysoError('INVALID_INPUT', {
        params: { detail: `field ${wanted.name} is not a signature field` },
      });
    const v = await doc.resolve(wanted.dict.get('V'));
    if (isDict(v)) throw new KysoError('FIELD_ALREADY_SIGNED', { params: { field: wanted.name } });
    if (!wanted.ref) throw structureError(`field ${wanted.name} is not an indirect object`);
    const field = await edit.dict(wanted.ref);
    field.set('V', request.value);
    const drawn = request.appearance
      ? await drawIntoWidgets(edit, wanted, field, request.appearance)
      : undefined;
    const form = (await formOf(edit, true))!;
    form.set('SigFlags', SIG_FLAGS);
    return { name: wanted.name, fieldRef: wanted.ref, created: false, ...drawn };
  }

  const pages = await listPages(doc);
  const pageNumber = request.visible?.page ?? 1;
  const page = pages[pageNumber - 1];
  if (!page)
    throw new KysoError('USAGE', {
      params: { detail: `the document has no page ${pageNumber} (it has ${pages.length})` },
    });
  const fieldName = request.name ?? (await uniqueName(fields));
  if (fieldName.includes('.'))
    throw new KysoError('USAGE', { params: { detail: 'a new field name may not contain "."' } });
  const widget = new PdfDict([
    ['FT', name('Sig')],
    ['T', textString(fieldName)],
    ['V', request.value],
    ['Type', name('Annot')],
    ['Subtype', name('Widget')],
    ['F', WIDGET_FLAGS],
    ['P', page.ref],
  ]);
  let rect: [number, number, number, number] = [0, 0, 0, 0];
  if (request.visible) {
    if (request.visible.rect.width <= 0 || request.visible.rect.height <= 0)
      throw new KysoError('USAGE', {
        params: { detail: 'a visible signature needs a positive width and height' },
      });
    const placement = placeOnPage(page, request.visible.rect);
    rect = placement.rect;
    widget.set('AP', new PdfDict([['N', await appearanceStream(edit, request.appearance, placement)]]));
  }
  widget.set('Rect', rect);
  if (request.lock) widget.set('Lock', request.lock);
  const widgetRef = edit.add(widget);

  const pageDict = await edit.dict(page.ref);
  await edit.appendTo(pageDict, 'Annots', widgetRef);
  const form = (await formOf(edit, true))!;
  await edit.appendTo(form, 'Fields', widgetRef);
  form.set('SigFlags', SIG_FLAGS);
  return { name: fieldName, fieldRef: widgetRef, created: true, page, rect };
}

/**
 * Signing an existing field with an appearance: each widget with an area gets it drawn in its own
 * /Rect, upright on its page (the page's /Rotate), replacing whatever /AP it had.
 */
async function drawIntoWidgets(
  edit: DocumentEdit,
  field: FieldInfo,
  fieldCopy: PdfDict,
  drawer: AppearanceDrawer,
): Promise<{ page?: PageInfo; rect?: [number, number, number, number] }> {
  const pages = await listPages(edit.doc);
  let first: { page?: PageInfo; rect?: [number, number, number, number] } | undefined;
  for (const widget of field.widgets) {
    const rect = widgetRect(widget.dict);
    if (!rect) continue;
    const page = await pageOfWidget(edit.doc, pages, widget.ref, widget.dict);
    if (!page) continue;
    // a widget merged with its field is the copy already being edited
    const target =
      widget.ref && field.ref && widget.ref.key === field.ref.key
        ? fieldCopy
        : widget.ref
          ? await edit.dict(widget.ref)
          : undefined;
    if (!target) continue;
    const placement = placeOnWidget(page, rect);
    target.set('AP', new PdfDict([['N', await appearanceStream(edit, drawer, placement)]]));
    first ??= { page, rect: placement.rect };
  }
  return first ?? {};
}
