import { type Lang, toKysoError } from '@kyso/core/errors';
import { KysoEvent } from './kyso-event.js';

export interface KysoErrorDetail {
  /** The stable KysoError code. */
  code: string;
  /** The message in the element's language, for showing to the user. */
  message: string;
  /** The original error, for logs; never shown raw. */
  error: unknown;
}

/** `kyso-error`: something failed; `detail.message` is localised and safe to show. */
export class KysoErrorEvent extends KysoEvent<KysoErrorDetail> {
  static readonly type = 'kyso-error';

  constructor(error: unknown, lang: Lang) {
    const k = toKysoError(error, lang);
    super(KysoErrorEvent.type, { code: k.code, message: k.localize(lang), error });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-error': KysoErrorEvent;
  }
}
