import { KysoError } from '@kyso/core';

/** A PDF that cannot be read as it stands: PDF_STRUCTURE with what and where. */
export function structureError(detail: string, cause?: unknown): KysoError {
  return new KysoError('PDF_STRUCTURE', { params: { detail }, ...(cause !== undefined ? { cause } : {}) });
}
