import type { VerificationReport } from '@kyso/core';
import { verifyPdf } from '@kyso/pdf';
import type { Lang } from '../domain/errors.js';
import type { AppContext } from '../http/context.js';

/**
 * What the receiving clerk must see: every signature verified against the dev hierarchy and the
 * Vietnamese government and public roots, revocation checked online (a warning when it cannot be).
 */
export function verifyIncoming(ctx: AppContext, bytes: Uint8Array, lang: Lang): Promise<VerificationReport> {
  return verifyPdf(bytes, {
    anchors: ctx.anchors,
    intermediates: ctx.intermediates,
    revocation: 'online',
    lang,
  });
}
