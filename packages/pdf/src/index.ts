/**
 * @kyso/pdf: PDF reading, append-only incremental writing, PAdES signing. Browser-safe; Node file
 * helpers are in `@kyso/pdf/node`.
 */

// visible signature appearances: fonts, images, text layout and the composer presets build on
export {
  type AppearanceBox,
  type AppearanceItem,
  type AppearanceSpec,
  drawAppearance,
  fitImage,
  type ImageItem,
  type TextItem,
} from './appearance/compose/draw-appearance.js';
export type { Rect, RgbColor } from './appearance/content.js';
export {
  DEFAULT_FONT_FILES,
  defaultFontUrls,
  type FetchDefaultFontsOptions,
  type FontFamily,
  type FontStyle,
  fetchDefaultFonts,
  fontFamily,
} from './appearance/font/default-fonts.js';
export { EmbeddedFont, type EmbedFontOptions } from './appearance/font/embed-font.js';
export { subsetFont } from './appearance/font/subset.js';
export { type ParseFontOptions, parseFont, TrueTypeFont } from './appearance/font/true-type-font.js';
export { AppearanceImage, loadImage } from './appearance/image/appearance-image.js';
export type { Raster } from './appearance/image/raster.js';
export { type ImageSizeSpec, imageSize, mmToPt } from './appearance/image/size.js';
export type { HorizontalAlign, TextPlacement, VerticalAlign } from './appearance/text/emit-text.js';
export { emitText } from './appearance/text/emit-text.js';
export {
  layoutText,
  type TextLayout,
  type TextLayoutOptions,
  type TextLine,
} from './appearance/text/layout.js';
export { normalizeText, type ShapedGlyph, shapeText } from './appearance/text/shape.js';
export { listPages, type PageInfo } from './document/pages.js';
export type { PdfOpenOptions } from './document/pdf-document.js';
export { PdfDocument, type Revision } from './document/pdf-document.js';
export type { Warning } from './document/sections.js';
export type { XrefEntry, XrefSection } from './document/xref-types.js';
export type { DecryptionOptions, PdfRecipient } from './encryption/options.js';
export { type FieldInfo, listFields } from './fields/field-tree.js';
export { type DisplayedRect, displayedSize, type Placement, placeOnPage } from './fields/placement.js';
export { plainBox } from './fields/plain-box.js';
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
// the Vietnamese presets of visible signatures and the clerk's step (VN-PROFILE.md)
export { type AttachmentPresetOptions, attachmentPreset } from './presets/attachment.js';
export { type ClerkSigned, type ClerkSignOptions, clerkSign } from './presets/clerk-sign.js';
export {
  COPY_KINDS,
  type CopyKind,
  type CopyPresetOptions,
  copyPreset,
  parseCopyKind,
} from './presets/copy.js';
export { type DatePresetOptions, datePreset } from './presets/date.js';
export { drawnImages } from './presets/drawn-images.js';
export { lastPersonalWidget, type PersonalWidget } from './presets/last-personal-widget.js';
export { type NumberPresetOptions, numberLine, numberPreset } from './presets/number.js';
export { type OrganizationPresetOptions, organizationPreset } from './presets/organization.js';
export { type PersonalPresetOptions, personalPreset } from './presets/personal.js';
export type {
  Preset,
  PresetCommonOptions,
  PresetContext,
  PresetName,
  PresetPlace,
  PresetPlacement,
} from './presets/types.js';
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
