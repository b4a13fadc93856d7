import type { VerificationReport } from '@kyso/core';
import { KysoEvent } from './kyso-event.js';

export interface KysoSignedDetail {
  /** The whole signed file: the input with the signature appended as an incremental update. */
  bytes: Uint8Array;
  /** The signature field that holds the new signature. */
  fieldName: string;
  /**
   * The signed file verified in the browser (DESIGN.md's report); undefined only when verification
   * itself could not run (a `kyso-error` then says why).
   */
  report: VerificationReport | undefined;
}

/** `kyso-signed`: the document is signed, shown again and verified. */
export class KysoSignedEvent extends KysoEvent<KysoSignedDetail> {
  static readonly type = 'kyso-signed';

  constructor(detail: KysoSignedDetail) {
    super(KysoSignedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-signed': KysoSignedEvent;
  }
}
