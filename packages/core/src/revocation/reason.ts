/**
 * CRLReason ::= ENUMERATED (RFC 5280 §5.3.1), shared by CRL entries and OCSP RevokedInfo.
 * 7 is unused; 8 (removeFromCRL) appears only in delta CRLs.
 */
const REASONS: Readonly<Record<number, string>> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};

/** The RFC 5280 name of a reason code; an unassigned code is shown as `reason(n)`. */
export function crlReasonName(code: number): string {
  return REASONS[code] ?? `reason(${code})`;
}
