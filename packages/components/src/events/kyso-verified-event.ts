import type { VerificationReport } from '@kyso/core';
import { KysoEvent } from './kyso-event.js';

/** `kyso-verified`: verification finished; `detail` is the full report (DESIGN.md's contract). */
export class KysoVerifiedEvent extends KysoEvent<VerificationReport> {
  static readonly type = 'kyso-verified';

  constructor(report: VerificationReport) {
    super(KysoVerifiedEvent.type, report);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kyso-verified': KysoVerifiedEvent;
  }
}
