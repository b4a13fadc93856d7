import type { Lang } from '../lang.js';

type Messages = Readonly<Record<Lang, string>>;

/**
 * The one registry of error codes. Codes are stable API: never rename one, only add.
 * Messages may hold `{name}` placeholders filled from the error's params.
 */
export const ERROR_MESSAGES = {
  // usage and input
  USAGE: { en: 'Invalid usage: {detail}', vi: 'Cách dùng không hợp lệ: {detail}' },
  UNKNOWN_COMMAND: { en: 'Unknown command: {command}', vi: 'Lệnh không tồn tại: {command}' },
  INVALID_INPUT: { en: 'Invalid input: {detail}', vi: 'Dữ liệu vào không hợp lệ: {detail}' },
  IO_ERROR: { en: 'Cannot access {path}: {detail}', vi: 'Không truy cập được {path}: {detail}' },
  OUTPUT_EXISTS: {
    en: 'Output already exists and is not empty: {path}',
    vi: 'Nơi ghi kết quả đã tồn tại và không trống: {path}',
  },
  ABORTED: { en: 'The operation was cancelled.', vi: 'Thao tác đã bị hủy.' },
  INTERNAL: { en: 'Internal error: {detail}', vi: 'Lỗi nội bộ: {detail}' },

  // keys and certificates
  BAD_PASSWORD: { en: 'The password is wrong.', vi: 'Mật khẩu không đúng.' },
  NO_PRIVATE_KEY: {
    en: 'The key file holds no private key.',
    vi: 'Tệp khóa không chứa khóa bí mật.',
  },
  UNSUPPORTED_ALGORITHM: {
    en: 'Unsupported algorithm: {algorithm}',
    vi: 'Thuật toán không được hỗ trợ: {algorithm}',
  },
  CERTIFICATE_EXPIRED: {
    en: 'The signer certificate is outside its validity period ({notBefore} to {notAfter}).',
    vi: 'Chứng thư số của người ký nằm ngoài thời hạn hiệu lực ({notBefore} đến {notAfter}).',
  },
  CERTIFICATE_REVOKED: {
    en: 'The signer certificate has been revoked.',
    vi: 'Chứng thư số của người ký đã bị thu hồi.',
  },
  CERTIFICATE_NOT_FOR_SIGNING: {
    en: 'The signer certificate may not be used for signatures ({detail}).',
    vi: 'Chứng thư số không được dùng để ký ({detail}).',
  },
  REVOCATION_UNAVAILABLE: {
    en: 'The revocation status of the certificate could not be established: {detail}',
    vi: 'Không xác định được trạng thái thu hồi của chứng thư số: {detail}',
  },

  // trust profiles
  UNKNOWN_TRUST_PROFILE: {
    en: 'Unknown trust profile "{name}" (known: {known}).',
    vi: 'Không có hồ sơ tin cậy "{name}" (các hồ sơ có: {known}).',
  },
  TRUST_PIN_MISMATCH: {
    en: 'A certificate of trust profile "{name}" does not match its pinned SHA-256 (expected {expected}, got {actual}).',
    vi: 'Một chứng thư của hồ sơ tin cậy "{name}" không khớp mã SHA-256 đã ghim (cần {expected}, nhận {actual}).',
  },
  TRUST_PROFILE_INVALID: {
    en: 'Trust profile "{name}" is not valid: {detail}',
    vi: 'Hồ sơ tin cậy "{name}" không hợp lệ: {detail}',
  },

  // signing pipeline
  SIGNATURE_TOO_LARGE: {
    en: 'The signature ({size} bytes) does not fit the reserved space ({capacity} bytes).',
    vi: 'Chữ ký ({size} byte) không vừa vùng đã dành sẵn ({capacity} byte).',
  },
  STATE_MISMATCH: {
    en: 'The prepared signature does not belong to this document.',
    vi: 'Dữ liệu chuẩn bị ký không khớp với tài liệu này.',
  },
  BAD_SIGNATURE_VALUE: {
    en: "The signature value does not verify against the signer's key.",
    vi: 'Giá trị chữ ký không khớp với khóa của người ký.',
  },

  // tokens, HSMs and remote signers
  PIN_INCORRECT: { en: 'The PIN is incorrect.', vi: 'Mã PIN không đúng.' },
  PIN_LOCKED: { en: 'The PIN is locked.', vi: 'Mã PIN đã bị khóa.' },
  KEY_NOT_FOUND: { en: 'The signing key was not found.', vi: 'Không tìm thấy khóa ký.' },
  TOKEN_NOT_PRESENT: { en: 'The token is not present.', vi: 'Không tìm thấy thiết bị ký (token).' },
  CREDENTIAL_NOT_AUTHORIZED: {
    en: 'The signing credential is not authorised for this request.',
    vi: 'Khóa ký chưa được cấp quyền cho yêu cầu này.',
  },
  OTP_INCORRECT: {
    en: 'The one-time password (OTP) is incorrect or has expired.',
    vi: 'Mã xác thực một lần (OTP) không đúng hoặc đã hết hạn.',
  },

  // network and remote services
  NETWORK_ERROR: {
    en: 'Cannot reach {url}: {detail}',
    vi: 'Không kết nối được {url}: {detail}',
  },
  TIMESTAMP_REFUSED: {
    en: 'The time-stamping authority {url} gave no usable time-stamp: {detail}',
    vi: 'Máy chủ cấp dấu thời gian {url} không trả về dấu thời gian hợp lệ: {detail}',
  },
  REMOTE_SIGNER_ERROR: {
    en: 'The remote signing service refused the request: {detail}',
    vi: 'Dịch vụ ký từ xa từ chối yêu cầu: {detail}',
  },

  // PDF
  PDF_STRUCTURE: {
    en: 'The PDF structure is damaged: {detail}',
    vi: 'Cấu trúc tệp PDF bị hỏng: {detail}',
  },
  ENCRYPTED_PDF: { en: 'The PDF is encrypted.', vi: 'Tệp PDF đã được mã hóa.' },
  NOT_A_RECIPIENT: {
    en: 'The PDF is encrypted for certain recipients; no certificate and private key of one of them was given.',
    vi: 'Tệp PDF được mã hóa cho một số người nhận; chưa có chứng thư số và khóa bí mật của người nhận nào trong số đó.',
  },
  FIELD_ALREADY_SIGNED: {
    en: 'The field {field} already holds a signature.',
    vi: 'Trường {field} đã có chữ ký.',
  },
  CERTIFIED_NO_CHANGES: {
    en: 'The document is certified with no changes allowed.',
    vi: 'Tài liệu đã được chứng thực và không cho phép thay đổi.',
  },
  FONT_MISSING_GLYPH: {
    en: 'The font {font} has no glyph for {char} ({code}); choose a font that covers this text.',
    vi: 'Phông chữ {font} không có ký tự {char} ({code}); hãy chọn phông chữ có đủ các ký tự của văn bản.',
  },
  ORGANIZATION_BEFORE_PERSONAL: {
    en: 'The organisation may only sign a document that already carries a personal signature.',
    vi: 'Tổ chức chỉ được ký tài liệu đã có chữ ký của người có thẩm quyền.',
  },

  // the signing service (node-adapter)
  NOT_AUTHENTICATED: {
    en: 'The request is not authenticated: {detail}',
    vi: 'Yêu cầu chưa được xác thực: {detail}',
  },
  REQUEST_TOO_LARGE: {
    en: 'The request body is larger than the {limit} bytes allowed.',
    vi: 'Nội dung yêu cầu vượt quá giới hạn {limit} byte.',
  },
  SERVICE_BUSY: {
    en: 'The signing service is busy ({detail}); try again shortly.',
    vi: 'Dịch vụ ký số đang bận ({detail}); vui lòng thử lại sau ít phút.',
  },
  URL_NOT_ALLOWED: {
    en: 'The service may not fetch {url}: {detail}',
    vi: 'Dịch vụ không được phép truy cập {url}: {detail}',
  },

  // the local bridge (kyso serve --bridge)
  ORIGIN_NOT_ALLOWED: {
    en: 'The kyso bridge on this computer does not accept this request: {detail}',
    vi: 'Cầu nối ký số kyso trên máy này không nhận yêu cầu này: {detail}',
  },
  PAIRING_CODE_INCORRECT: {
    en: 'The pairing code is incorrect or has expired; ask the kyso bridge for a new one.',
    vi: 'Mã ghép nối không đúng hoặc đã hết hạn; hãy yêu cầu cầu nối kyso cấp mã mới.',
  },
  BRIDGE_UNREACHABLE: {
    en: 'Cannot reach the kyso bridge at {url}: it is not running, or the browser does not allow this page to reach services on this computer (local network access).',
    vi: 'Không kết nối được cầu nối ký số kyso tại {url}: chương trình chưa chạy, hoặc trình duyệt chưa cho phép trang này truy cập dịch vụ trên máy tính (truy cập mạng cục bộ).',
  },
} as const satisfies Record<string, Messages>;

export type KysoErrorCode = keyof typeof ERROR_MESSAGES;

export function isKysoErrorCode(code: unknown): code is KysoErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_MESSAGES, code);
}
