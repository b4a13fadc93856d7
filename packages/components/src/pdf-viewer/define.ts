import { defineElement, type ElementRegistry } from '../define.js';
import { KysoPdfViewer } from './pdf-viewer.js';

declare global {
  interface HTMLElementTagNameMap {
    'kyso-pdf-viewer': KysoPdfViewer;
  }
}

/** Registers `<kyso-pdf-viewer>` (a second call, or another copy of kyso, keeps the first). */
export function definePdfViewer(registry?: ElementRegistry): CustomElementConstructor {
  return defineElement('kyso-pdf-viewer', KysoPdfViewer, registry);
}
