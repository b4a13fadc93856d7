export type Lang = 'vi' | 'en';

const MESSAGES = {
  NOT_FOUND: { vi: 'Không tìm thấy {what}.', en: '{what} was not found.' },
  NOT_YOUR_STEP: {
    vi: 'Văn bản đang ở bước của {role}, không phải của bạn.',
    en: 'The document is waiting for the {role}, not for you.',
  },
  INVALID_ACTION: {
    vi: 'Không thể {action} văn bản ở trạng thái này ({state}).',
    en: 'Cannot {action} a document in this state ({state}).',
  },
  COMMENT_REQUIRED: {
    vi: 'Cần ghi ý kiến khi trả lại văn bản.',
    en: 'A comment is required to send a document back.',
  },
  NOT_A_PDF: { vi: 'Tệp tải lên không phải PDF.', en: 'The uploaded file is not a PDF.' },
  FILE_CHANGED: {
    vi: 'Tệp đã ký không giữ nguyên phiên bản trước (chỉ được nối thêm).',
    en: 'The signed file does not keep the previous version (it may only be appended to).',
  },
  CHAIN_BROKEN: {
    vi: 'Tệp đã ký làm một chữ ký không còn hợp lệ: {detail}',
    en: 'The signed file leaves a signature not valid: {detail}',
  },
  SIGNATURE_MISSING: {
    vi: 'Tệp gửi lên không có chữ ký mới hợp lệ của {who}.',
    en: 'The uploaded file has no new valid signature by {who}.',
  },
} as const;

export type AppErrorCode = keyof typeof MESSAGES;

/** A refusal the application shows to the user, with a stable code and both languages. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    readonly params: Record<string, string> = {},
    readonly status = code === 'NOT_FOUND' ? 404 : 409,
  ) {
    super(formatAppError(code, params, 'en'));
  }

  localized(lang: Lang): string {
    return formatAppError(this.code, this.params, lang);
  }
}

function formatAppError(code: AppErrorCode, params: Record<string, string>, lang: Lang): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (all, key: string) => params[key] ?? all);
}
