import type { PdfDocument } from '../../document/pdf-document.js';
import type { DocMdpPermission } from '../../signing/certification.js';

/** One classified change made after a signature (the report's `modifications[]`). */
export interface Modification {
  /**
   * The revision that made the change (1-based). `unsigned-update` names the revision after the
   * last: bytes appended after it that no cross-reference section admits.
   */
  revision: number;
  /**
   * What changed. Allowed where DocMDP permits: `signature-added`, `signature-field-added`,
   * `document-timestamp`, `dss`, `form-field-filled`, `field-flags`, `annotation-added`,
   * `annotation-order`, `structure-tree`, `metadata`, `catalog-extensions`, `page-resources-copied`,
   * `unused-object`. Never allowed: `page-content`, `page-resources`, `page`, `page-tree`, `font`,
   * `xobject`, `catalog`, `permissions-changed`, `form-changed`, `field-added`, `field-removed`,
   * `field-changed`, `locked-field-changed`, `appearance-changed`, `signature-changed`,
   * `visible-signature-added-after-certification`, `annotation-changed`, `annotation-removed`,
   * `object-changed`, `object-added`, `object-freed`, `object-redefined`, `dangling-reference`,
   * `encryption`, `unreadable`, `unsigned-bytes`, `unsigned-update`. An allowed kind is reported
   * with `allowed: false` where the DocMDP permission in force does not allow it.
   */
  kind: string;
  /** The objects concerned, "num gen" ("trailer" for a change to the trailer itself). */
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
