import { KysoEvent } from './kyso-event.js';

/** A signature field's widget as the viewer overlays it. */
export interface SignatureFieldBox {
  /** Fully qualified field name. */
  name: string;
  /** 0-based page index. */
  page: number;
  /** True when the field holds a signature value. */
  signed: boolean;
  /** Points on the displayed page (after /Rotate and the crop box): origin top-left, y down. */
  rect: { left: number; top: number; width: number; height: number };
}

export interface KysoPdfLoadedDetail {
  pageCount: number;
  /** Signature fields read by @kyso/pdf (empty when the file's form could not be read). */
  fields: SignatureFieldBox[];
}

/** `kyso-pdf-loaded`: the document is open and its first pages can render. */
export class KysoPdfLoadedEvent extends KysoEvent<KysoPdfLoadedDetail> {
  static readonly type = 'kyso-pdf-loaded';

  constructor(detail: KysoPdfLoadedDetail) {
    super(KysoPdfLoadedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-pdf-loaded': KysoPdfLoadedEvent;
  }
}
