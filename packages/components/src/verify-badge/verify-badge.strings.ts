import type { Lang } from '@kyso/core/errors';

type Status = 'valid' | 'invalid' | 'indeterminate' | 'unsigned';

export interface BadgeStrings {
  /** Compact label of the overall status. */
  status: Record<Status, string>;
  /** One signature's verdict. */
  signatureStatus: Record<'valid' | 'invalid' | 'indeterminate', string>;
  /** `{count}` signatures, singular and plural. */
  count: { one: string; other: string };
  loading: string;
  idle: string;
  failed: string;
  showDetails: string;
  panel: string;
  /** Live-region sentences: `{count}`, `{status}`, `{message}`. */
  announce: {
    loading: string;
    result: string;
    unsigned: string;
    failed: string;
  };
  /** `{index}`, `{field}`. */
  signatureHeading: string;
  timestampHeading: string;
  kind: { certification: string; 'document-timestamp': string };
  signer: string;
  identifiers: string;
  issuer: string;
  signingTime: string;
  basis: { timestamp: string; claimed: string };
  tsa: string;
  integrity: string;
  integrityOk: string;
  integrityBroken: string;
  atSigningTime: string;
  certificateValid: string;
  certificateNotValid: string;
  revocation: Record<'good' | 'revoked' | 'unknown', string>;
  period: string;
  /** `{from}`, `{to}`. */
  periodRange: string;
  modifications: string;
  modification: Record<'none' | 'allowed' | 'disallowed', string>;
  anchor: string;
  noAnchor: string;
  level: string;
  errors: string;
  warnings: string;
  documentWarnings: string;
  /** `{time}`. */
  checkedAt: string;
  revocationPolicy: string;
  policy: Record<'online' | 'embedded' | 'off', string>;
  trustProfile: string;
  none: string;
  code: string;
}

/** Every string the badge shows or announces, in Vietnamese and English. */
export const BADGE_STRINGS: Readonly<Record<Lang, BadgeStrings>> = {
  vi: {
    status: {
      valid: 'Chữ ký hợp lệ',
      invalid: 'Chữ ký không hợp lệ',
      indeterminate: 'Chưa xác định được',
      unsigned: 'Chưa có chữ ký',
    },
    signatureStatus: { valid: 'Hợp lệ', invalid: 'Không hợp lệ', indeterminate: 'Chưa xác định' },
    count: { one: '{count} chữ ký', other: '{count} chữ ký' },
    loading: 'Đang kiểm tra chữ ký…',
    idle: 'Chưa có tài liệu',
    failed: 'Không kiểm tra được',
    showDetails: 'Xem chi tiết chữ ký',
    panel: 'Chi tiết kiểm tra chữ ký số',
    announce: {
      loading: 'Đang kiểm tra chữ ký số của tài liệu.',
      result: 'Kết quả kiểm tra: {status}, {count}.',
      unsigned: 'Kết quả kiểm tra: tài liệu chưa có chữ ký số.',
      failed: 'Không kiểm tra được chữ ký: {message}',
    },
    signatureHeading: 'Chữ ký {index}: {field}',
    timestampHeading: 'Dấu thời gian tài liệu {index}: {field}',
    kind: { certification: 'chữ ký chứng nhận', 'document-timestamp': 'dấu thời gian tài liệu' },
    signer: 'Người ký',
    identifiers: 'Mã định danh',
    issuer: 'Tổ chức cấp chứng thư',
    signingTime: 'Thời gian ký',
    basis: { timestamp: 'theo dấu thời gian', claimed: 'do người ký khai' },
    tsa: 'Đơn vị cấp dấu thời gian',
    integrity: 'Tính toàn vẹn',
    integrityOk: 'Nội dung được ký không bị thay đổi',
    integrityBroken: 'Nội dung đã bị thay đổi sau khi ký',
    atSigningTime: 'Hiệu lực tại thời điểm ký',
    certificateValid: 'chứng thư còn hiệu lực',
    certificateNotValid: 'chứng thư không còn hiệu lực',
    revocation: { good: 'chưa bị thu hồi', revoked: 'đã bị thu hồi', unknown: 'không rõ trạng thái thu hồi' },
    period: 'Thời hạn chứng thư',
    periodRange: 'từ {from} đến {to}',
    modifications: 'Thay đổi sau khi ký',
    modification: {
      none: 'Không có',
      allowed: 'Có, thuộc loại được phép (ký tiếp, dấu thời gian, dữ liệu kiểm tra)',
      disallowed: 'Có thay đổi không được phép',
    },
    anchor: 'Chứng thư gốc tin cậy',
    noAnchor: 'Không đến được chứng thư gốc tin cậy nào',
    level: 'Định dạng',
    errors: 'Lỗi',
    warnings: 'Cảnh báo',
    documentWarnings: 'Cảnh báo về tài liệu',
    checkedAt: 'Kiểm tra lúc {time}',
    revocationPolicy: 'Trạng thái thu hồi',
    policy: {
      online: 'kiểm tra trực tuyến',
      embedded: 'theo dữ liệu kèm trong tệp',
      off: 'không kiểm tra',
    },
    trustProfile: 'Danh sách tin cậy',
    none: 'Không có',
    code: 'Mã lỗi',
  },
  en: {
    status: {
      valid: 'Signatures valid',
      invalid: 'Signature invalid',
      indeterminate: 'Indeterminate',
      unsigned: 'Not signed',
    },
    signatureStatus: { valid: 'Valid', invalid: 'Invalid', indeterminate: 'Indeterminate' },
    count: { one: '{count} signature', other: '{count} signatures' },
    loading: 'Checking signatures…',
    idle: 'No document',
    failed: 'Could not check',
    showDetails: 'Show signature details',
    panel: 'Signature verification details',
    announce: {
      loading: 'Checking the digital signatures of the document.',
      result: 'Verification result: {status}, {count}.',
      unsigned: 'Verification result: the document has no digital signature.',
      failed: 'The signatures could not be checked: {message}',
    },
    signatureHeading: 'Signature {index}: {field}',
    timestampHeading: 'Document time-stamp {index}: {field}',
    kind: { certification: 'certification signature', 'document-timestamp': 'document time-stamp' },
    signer: 'Signer',
    identifiers: 'Identifiers',
    issuer: 'Issuing CA',
    signingTime: 'Signing time',
    basis: { timestamp: 'by time-stamp', claimed: 'claimed by the signer' },
    tsa: 'Time-stamping authority',
    integrity: 'Integrity',
    integrityOk: 'The signed content is unchanged',
    integrityBroken: 'The content was changed after signing',
    atSigningTime: 'Valid at signing time',
    certificateValid: 'certificate valid',
    certificateNotValid: 'certificate not valid',
    revocation: { good: 'not revoked', revoked: 'revoked', unknown: 'revocation status unknown' },
    period: 'Certificate validity',
    periodRange: 'from {from} to {to}',
    modifications: 'Changes after signing',
    modification: {
      none: 'None',
      allowed: 'Yes, of allowed kinds (further signatures, time-stamps, validation data)',
      disallowed: 'Disallowed changes',
    },
    anchor: 'Trust anchor',
    noAnchor: 'No trust anchor reached',
    level: 'Format',
    errors: 'Errors',
    warnings: 'Warnings',
    documentWarnings: 'About the document',
    checkedAt: 'Checked at {time}',
    revocationPolicy: 'Revocation',
    policy: { online: 'checked online', embedded: 'from data embedded in the file', off: 'not checked' },
    trustProfile: 'Trust list',
    none: 'None',
    code: 'Error code',
  },
};
