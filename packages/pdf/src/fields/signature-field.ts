import { KysoError } from '@kyso/core';
import { listPages, type PageInfo } from '../document/pages.js';
import { structureError } from '../document/structure-error.js';
import { isDict, name, PdfDict, PdfRef, PdfStream } from '../syntax/objects.js';
import type { DocumentEdit } from '../writer/document-edit.js';
import { textString } from '../writer/incremental-update.js';
import { type FieldInfo, listFields } from './field-tree.js';
import { type DisplayedRect, placeOnPage } from './placement.js';
import { plainBox } from './plain-box.js';

/** Draws a widget's normal appearance: content stream operators in an upright box of `width` × `height`. */
export type AppearanceDrawer = (box: {
  width: number;
  height: number;
}) => Promise<{ content: Uint8Array; resources?: PdfDict }>;

export interface FieldRequest {
  /** Sign this field: an existing empty one, or a new one of this name. */
  name?: string;
  /** Where a new field's widget goes; invisible (a zero rectangle on page 1) when absent. */
  visible?: { page: number; rect: DisplayedRect };
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
  const drawn = await (drawer ?? plainBox)({ width: w, height: h });
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
    const form = (await formOf(edit, true))!;
    form.set('SigFlags', SIG_FLAGS);
    return { name: wanted.name, fieldRef: wanted.ref, created: false };
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
