import type { SignatureReport } from '@kyso/core';

/**
 * The PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6): B-B, B-T with a signature
 * time-stamp, B-LT when a DSS added after it carries validation data, B-LTA when a document
 * time-stamp follows that DSS. Only ETSI.CAdES.detached signatures have a level.
 */
export function padesLevel(options: {
  subFilter: string | undefined;
  hasSignatureTimestamp: boolean;
  /** A DSS with revocation data was added in a revision after the signature's. */
  dssAfter: boolean;
  /** A document time-stamp covers a revision holding that DSS. */
  documentTimestampAfterDss: boolean;
}): SignatureReport['level'] {
  if (options.subFilter !== 'ETSI.CAdES.detached') return null;
  if (!options.hasSignatureTimestamp) return 'B-B';
  if (!options.dssAfter) return 'B-T';
  return options.documentTimestampAfterDss ? 'B-LTA' : 'B-LT';
}
