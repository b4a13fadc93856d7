export { defineElement, type ElementRegistry } from './define.js';
export { type KysoErrorDetail, KysoErrorEvent } from './events/kyso-error-event.js';
export { KysoEvent } from './events/kyso-event.js';
