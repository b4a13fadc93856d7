export {
  type CertificateKind,
  type CertificateKindRule,
  certificateKind,
  DEFAULT_CERTIFICATE_KIND_RULE,
} from './certificate-kind.js';
export { formatDateLine } from './date-line.js';
export {
  type CalendarDate,
  formatVietnamTime,
  parseCalendarDate,
  type SigningTimeStyle,
  vietnamDate,
} from './vietnam-time.js';
