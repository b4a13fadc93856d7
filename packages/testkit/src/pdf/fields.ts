import { FIELD_FONT, textFieldAppearance } from './content.js';
import type { ModelObject } from './model.js';
import type { TestField } from './options.js';
import { dict, numbers, ref, text } from './syntax.js';

export interface FieldObjects {
  objects: ModelObject[];
  /** Field (= widget) object numbers, in the order given. */
  fields: number[];
  /** Widget object numbers by 0-based page index. */
  annots: Map<number, number[]>;
}

/**
 * Fields whose widget is merged into the field dictionary (what most writers do for single-widget
 * fields). Text fields carry an appearance; signature fields are empty and, like those most form
 * tools create, have none: the signer makes it.
 */
export async function fieldObjects(
  fields: readonly TestField[],
  pageRefs: readonly number[],
  fontRef: number,
  alloc: () => number,
  stream: (content: string) => Promise<{ dict: Record<string, string>; data: Uint8Array }>,
): Promise<FieldObjects> {
  const objects: ModelObject[] = [];
  const numsOf: number[] = [];
  const annots = new Map<number, number[]>();
  for (const f of fields) {
    const page = f.page ?? 0;
    const num = alloc();
    numsOf.push(num);
    annots.set(page, [...(annots.get(page) ?? []), num]);
    const common = {
      Type: '/Annot',
      Subtype: '/Widget',
      FT: f.type === 'text' ? '/Tx' : '/Sig',
      T: text(f.name),
    };
    const place = { Rect: numbers(f.rect), P: ref(pageRefs[page] ?? 0), F: '4' };
    if (f.type === 'signature') {
      objects.push({ num, body: dict({ ...common, ...place }) });
      continue;
    }
    const ap = alloc();
    const width = Math.abs(f.rect[2] - f.rect[0]);
    const height = Math.abs(f.rect[3] - f.rect[1]);
    const body = dict({
      ...common,
      V: f.value === undefined ? undefined : text(f.value),
      DA: `(/${FIELD_FONT} 12 Tf 0 g)`,
      ...place,
      AP: `<< /N ${ref(ap)} >>`,
    });
    objects.push({ num, body });
    const content = await stream(textFieldAppearance(height, f.value));
    objects.push({
      num: ap,
      dict: {
        Type: '/XObject',
        Subtype: '/Form',
        BBox: numbers([0, 0, width, height]),
        Resources: `<< /Font << /${FIELD_FONT} ${ref(fontRef)} >> >>`,
        ...content.dict,
      },
      data: content.data,
    });
  }
  return { objects, fields: numsOf, annots };
}
