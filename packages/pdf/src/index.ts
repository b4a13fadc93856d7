/**
 * @kyso/pdf: PDF reading, append-only incremental writing, PAdES signing. Browser-safe; Node file
 * helpers are in `@kyso/pdf/node`.
 */
export { listPages, type PageInfo } from './document/pages.js';
export type { PdfOpenOptions } from './document/pdf-document.js';
export { PdfDocument, type Revision } from './document/pdf-document.js';
export type { Warning } from './document/sections.js';
export type { XrefEntry, XrefSection } from './document/xref-types.js';
export type { DecryptionOptions, PdfRecipient } from './encryption/options.js';
export { type FieldInfo, listFields } from './fields/field-tree.js';
export { type DisplayedRect, displayedSize, type Placement, placeOnPage } from './fields/placement.js';
export type { AppearanceDrawer } from './fields/signature-field.js';
export { type ByteSource, blobSource, bytesSource, checkRange } from './io/byte-source.js';
export { appendedSource, readAll } from './io/concat-source.js';
export { hashRange } from './io/hash-range.js';
// long-term validation (PAdES B-LT, B-LTA)
export {
  addValidationData,
  type ValidationDataOptions,
  type ValidationDataReport,
  type ValidationDataResult,
  vriKey,
} from './ltv/add-validation-data.js';
export type { AppendedPdf } from './ltv/append.js';
export {
  addDocumentTimestamp,
  DOCUMENT_TIMESTAMP_CAPACITY,
  type DocumentTimestampOptions,
  type DocumentTimestampResult,
} from './ltv/document-timestamp.js';
export { type Dss, readDss, type ValidationData, type VriEntry } from './ltv/dss-read.js';
export type { DssAdded } from './ltv/dss-write.js';
export { type ExtendedPdf, type ExtendLevelOptions, extendLevel, type LtvLevel } from './ltv/extend-level.js';
export type { CertificateRole, CertificateStatus } from './ltv/revocation-evidence.js';
export { listSignatures, type SignatureEntry } from './signatures/list-signatures.js';
export { type DocMdpPermission, docMdpPermission, type FieldLock } from './signing/certification.js';
export {
  contentsFor,
  type FinishOptions,
  finishPdfSignature,
  hexContents,
  patchIncrement,
} from './signing/finish.js';
export { parsePdfDate, pdfDate } from './signing/pdf-date.js';
export {
  digestPrepared,
  type PreparedPdf,
  type PrepareOptions,
  preparePdfSignature,
} from './signing/prepare.js';
export { assertPreparedSignature, type PreparedSignature } from './signing/prepared-signature.js';
export {
  type PadesLevel,
  type SignedPdf,
  type SignPdfOptions,
  signedBytes,
  signPdf,
} from './signing/sign-pdf.js';
export type { SubFilter } from './signing/signature-dictionary.js';
export { checkSigningOrder, type SigningOrderOptions } from './signing/signing-order.js';
export {
  isDict,
  isName,
  isRef,
  name,
  PdfDict,
  PdfName,
  type PdfObject,
  PdfRef,
  PdfStream,
  PdfString,
} from './syntax/objects.js';
export { serialize } from './syntax/serializer.js';
export { decodeTextString } from './syntax/text-string.js';
export type { Modification, ModificationAnalysis } from './verify/modifications/types.js';
export type { VerifyPdfOptions } from './verify/options.js';
export { verifyPdf } from './verify/verify-pdf.js';
