/**
 * @kyso/components: web components for PDF signatures. Nothing is registered on import: call the
 * `define…()` functions (each tolerates a second registration). The PDF parser, the verifier and
 * pdf.js load lazily, on first use, never with `define()`.
 */
export { defineElement, type ElementRegistry } from './define.js';
export { type KysoErrorDetail, KysoErrorEvent } from './events/kyso-error-event.js';
export { KysoEvent } from './events/kyso-event.js';
export { type KysoPageChangeDetail, KysoPageChangeEvent } from './events/kyso-page-change-event.js';
export {
  type KysoPdfLoadedDetail,
  KysoPdfLoadedEvent,
  type SignatureFieldBox,
} from './events/kyso-pdf-loaded-event.js';
export { type KysoProgressDetail, KysoProgressEvent, type SignStage } from './events/kyso-progress-event.js';
export { type KysoSignStartDetail, KysoSignStartEvent } from './events/kyso-sign-start-event.js';
export { type KysoSignedDetail, KysoSignedEvent } from './events/kyso-signed-event.js';
export { KysoVerifiedEvent } from './events/kyso-verified-event.js';
export type { PdfData } from './internal/load-document.js';
export { definePdfViewer } from './pdf-viewer/define.js';
export type { PdfJsResources } from './pdf-viewer/pdf-session.js';
export { KysoPdfViewer } from './pdf-viewer/pdf-viewer.js';
export { defineSignPdf } from './sign-pdf/define.js';
export {
  type AppearanceContext,
  type AppearanceInput,
  type PageRect,
  type Placement,
  type SignAppearance,
  type SignLevel,
  SignPdf,
  type SignPdfState,
} from './sign-pdf/sign-pdf.js';
export { defineVerifyBadge } from './verify-badge/define.js';
export { type CertificateInput, VerifyBadge } from './verify-badge/verify-badge.js';

import type { ElementRegistry } from './define.js';
import { definePdfViewer } from './pdf-viewer/define.js';
import { defineSignPdf } from './sign-pdf/define.js';
import { defineVerifyBadge } from './verify-badge/define.js';

/** Registers every kyso element. */
export function defineAll(registry?: ElementRegistry): void {
  definePdfViewer(registry);
  defineVerifyBadge(registry);
  defineSignPdf(registry);
}
