import { KysoEvent } from './kyso-event.js';

export interface KysoPageChangeDetail {
  /** 1-based. */
  page: number;
  pageCount: number;
}

/** `kyso-page-change`: the page in view changed (scrolling, keys, the toolbar or the `page` property). */
export class KysoPageChangeEvent extends KysoEvent<KysoPageChangeDetail> {
  static readonly type = 'kyso-page-change';

  constructor(detail: KysoPageChangeDetail) {
    super(KysoPageChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-page-change': KysoPageChangeEvent;
  }
}
