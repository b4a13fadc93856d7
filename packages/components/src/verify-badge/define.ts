import { defineElement, type ElementRegistry } from '../define.js';
import { VerifyBadge } from './verify-badge.js';

declare global {
  interface HTMLElementTagNameMap {
    'verify-badge': VerifyBadge;
  }
}

/** Registers `<verify-badge>` (a second call, or another copy of kyso, keeps the first). */
export function defineVerifyBadge(registry?: ElementRegistry): CustomElementConstructor {
  return defineElement('verify-badge', VerifyBadge, registry);
}
