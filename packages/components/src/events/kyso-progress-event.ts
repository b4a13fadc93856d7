import { KysoEvent } from './kyso-event.js';

/**
 * The stages of signing: `prepare` (certificate check, field and placeholder, digest), `sign` (the
 * key signs the digest: a PIN or a remote approval may be awaited here), `finish` (the CMS, its
 * time-stamp and any LTV data written into the file), `verify` (the signed file checked again).
 */
export type SignStage = 'prepare' | 'sign' | 'finish' | 'verify';

export interface KysoProgressDetail {
  stage: SignStage;
  /** From 0 to 1 over the whole signing (1 once verified). */
  fraction: number;
}

/** `kyso-progress`: signing reached a stage. */
export class KysoProgressEvent extends KysoEvent<KysoProgressDetail> {
  static readonly type = 'kyso-progress';

  constructor(detail: KysoProgressDetail) {
    super(KysoProgressEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-progress': KysoProgressEvent;
  }
}
