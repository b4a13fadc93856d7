import { type Certificate, commonName, formatVietnamTime, nameValues, OID } from '@kyso/core';
import type { PresetCommonOptions } from './types.js';

/** The signer's name as the certificate gives it (the most specific CN). */
export function signerName(cert: Certificate): string {
  return (commonName(cert.subject) ?? nameValues(cert.subject, OID.O).at(-1) ?? '').normalize('NFC');
}

/** The signer's title (X.520 title), when the certificate carries one. */
export function signerTitle(cert: Certificate): string | undefined {
  return nameValues(cert.subject, OID.title).at(-1)?.normalize('NFC');
}

/** An organisation's name: its certificate's CN (the agency's full name), else O. */
export function organizationName(cert: Certificate): string {
  return signerName(cert);
}

/** "Thời gian ký: 2025-01-02T16:29:02+07:00", on the Vietnamese clock whatever the host's zone. */
export function signingTimeLine(at: Date, options: PresetCommonOptions): string {
  return `${options.timeLabel ?? 'Thời gian ký: '}${formatVietnamTime(at, options.timeStyle ?? 'iso')}`;
}
