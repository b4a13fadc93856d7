import { defineElement, type ElementRegistry } from '../define.js';
import { definePdfViewer } from '../pdf-viewer/define.js';
import { defineVerifyBadge } from '../verify-badge/define.js';
import { SignPdf } from './sign-pdf.js';

declare global {
  interface HTMLElementTagNameMap {
    'sign-pdf': SignPdf;
  }
}

/**
 * Registers `<sign-pdf>` and the elements it shows (`<kyso-pdf-viewer>`, `<verify-badge>`); a second
 * call, or another copy of kyso, keeps the first registrations.
 */
export function defineSignPdf(registry?: ElementRegistry): CustomElementConstructor {
  definePdfViewer(registry);
  defineVerifyBadge(registry);
  return defineElement('sign-pdf', SignPdf, registry);
}
