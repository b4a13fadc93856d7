import { KysoEvent } from './kyso-event.js';

/** Where `<sign-pdf>` is about to sign, as the page can check it before anything is sent. */
export interface KysoSignStartDetail {
  /** The existing field signed into, or the name asked for a new one (absent: kyso names it). */
  field?: string;
  /** 1-based page of a visible signature placed by the user or the page. */
  page?: number;
  /** Its rectangle: points on the displayed page, origin lower-left (DESIGN.md's `--visible` rule). */
  rect?: { x: number; y: number; width: number; height: number };
  /** True for a signature without a visible box. */
  invisible: boolean;
  /** The PAdES level asked for. */
  level: 'B-B' | 'B-T' | 'B-LT';
}

/**
 * `kyso-sign-start`: signing is about to begin (before any key, PIN or network is used). Cancelable:
 * `preventDefault()` stops it, and nothing is signed.
 */
export class KysoSignStartEvent extends KysoEvent<KysoSignStartDetail> {
  static readonly type = 'kyso-sign-start';

  constructor(detail: KysoSignStartDetail) {
    super(KysoSignStartEvent.type, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-sign-start': KysoSignStartEvent;
  }
}
