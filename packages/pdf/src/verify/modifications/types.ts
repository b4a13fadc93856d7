import type { PdfDocument } from '../../document/pdf-document.js';
import type { DocMdpPermission } from '../../signing/certification.js';

/** One classified change made after a signature (the report's `modifications[]`). */
export interface Modification {
  /** The revision that made the change (1-based). */
  revision: number;
  /**
   * What changed, e.g. `signature-added`, `dss`, `document-timestamp`, `form-field-filled`,
   * `annotation-added`, `page-content`, `page-tree`, `catalog`, `object-redefined`.
   */
  kind: string;
  /** The objects concerned, "num gen". */
  objects: string[];
  allowed: boolean;
}

/** What the analysis needs about each signature. */
export interface SignedRevision {
  /** The revision the signature covers (its byte ranges end there); 0 when unknown. */
  revision: number;
  /** The signature dictionary's object ("num gen"), when indirect. */
  signatureObject?: string;
  /** The field's full name. */
  field: string;
  isCertification: boolean;
}

export interface ModificationAnalysis {
  modificationsAfter: 'none' | 'allowed' | 'disallowed';
  modifications: Modification[];
  /** ANNOTATION_ADDED and the like, with English detail. */
  warnings: { code: string; detail: string }[];
}

/**
 * Compares every revision after a signature's with the one it signed, deny by default, under the
 * strictest DocMDP/FieldMDP in force (files without a certification signature are judged as P=3).
 */
export type AnalyzeModifications = (
  doc: PdfDocument,
  target: SignedRevision,
  all: readonly SignedRevision[],
  docMdp: DocMdpPermission | undefined,
) => Promise<ModificationAnalysis>;
