import { bytesSource, listFields, PdfDocument } from '@kyso/pdf';
import { INITIALS_FIELDS } from '../domain/initials.js';
import type { Role } from '../domain/roles.js';

/**
 * The empty signature field where `role` initials this version (domain/initials.ts), when the draft
 * has one; otherwise the official signs in the signature block.
 */
export async function initialsField(bytes: Uint8Array, role: Role): Promise<string | undefined> {
  const wanted = INITIALS_FIELDS[role];
  if (!wanted) return undefined;
  const doc = await PdfDocument.open(bytesSource(bytes));
  const acroForm = await doc.dict((await doc.catalog()).get('AcroForm'));
  const fields = await listFields(doc, acroForm);
  const field = fields.find((f) => f.name === wanted && f.type === 'Sig');
  return field && !field.dict.has('V') ? wanted : undefined;
}
