import type { Lang } from '../lang.js';
import type { Issue } from './types.js';

/**
 * Report issues in Vietnamese and English. English carries the finding's technical detail; the
 * Vietnamese text is written for the receiving clerk and names the rule, not the ASN.1.
 */
const MESSAGES: Record<string, { vi: string; en?: string }> = {
  CMS_MALFORMED: { vi: 'Dữ liệu chữ ký (CMS) bị hỏng, không đọc được.' },
  CMS_CONTENT_ENCAPSULATED: { vi: 'Chữ ký tách rời nhưng lại chứa nội dung bên trong (sai định dạng).' },
  CMS_ALGORITHM_MISPLACED: { vi: 'Thuật toán ký bị ghi vào trường thuật toán băm (sai định dạng).' },
  CMS_ALGORITHM_MISMATCH: { vi: 'Thuật toán băm và thuật toán ký không thống nhất (sai định dạng).' },
  CMS_SIGNED_ATTRIBUTES_NOT_DER: { vi: 'Các thuộc tính được ký không mã hóa đúng DER (sai định dạng).' },
  CMS_ATTRIBUTE_MISSING: { vi: 'Thiếu thuộc tính bắt buộc của chữ ký.' },
  CMS_ATTRIBUTE_MALFORMED: { vi: 'Thuộc tính của chữ ký bị hỏng.' },
  CMS_CONTENT_TYPE_MISMATCH: { vi: 'Kiểu nội dung được ký không khớp.' },
  CMS_NO_SIGNED_ATTRIBUTES: { vi: 'Chữ ký không có thuộc tính được ký.' },
  DIGEST_MISMATCH: { vi: 'Nội dung đã bị thay đổi sau khi ký: giá trị băm không khớp.' },
  SIGNATURE_INVALID: { vi: 'Giá trị chữ ký không khớp với khóa công khai của người ký.' },
  SIGNER_CERTIFICATE_NOT_FOUND: { vi: 'Không tìm thấy chứng thư số của người ký.' },
  SIGNING_CERTIFICATE_MISMATCH: { vi: 'Chứng thư số kèm theo không phải chứng thư mà chữ ký tham chiếu.' },
  UNSUPPORTED_ALGORITHM: { vi: 'Thuật toán không được hỗ trợ.' },
  WEAK_ALGORITHM: { vi: 'Thuật toán yếu (SHA-1 hoặc RSA dưới 2048 bit) không còn đủ an toàn.' },
  NO_CERTIFICATE_CHAIN_FOUND: { vi: 'Không xây dựng được đường dẫn tới chứng thư gốc tin cậy.' },
  CERTIFICATE_OUT_OF_VALIDITY: { vi: 'Chứng thư số nằm ngoài thời hạn hiệu lực.' },
  CERTIFICATE_NOT_YET_VALID: { vi: 'Chữ ký được tạo trước khi chứng thư số có hiệu lực.' },
  ANCHOR_OUT_OF_VALIDITY: { vi: 'Chứng thư gốc tin cậy nằm ngoài thời hạn hiệu lực.' },
  UNKNOWN_CRITICAL_EXTENSION: { vi: 'Chứng thư số có phần mở rộng bắt buộc không được hỗ trợ.' },
  CERTIFICATE_MALFORMED: { vi: 'Chứng thư số không đúng định dạng.' },
  NOT_A_CA: { vi: 'Chứng thư cấp phát không phải của tổ chức chứng thực (CA).' },
  PATH_LENGTH: { vi: 'Đường dẫn chứng thư vượt quá độ dài cho phép.' },
  KEY_USAGE: { vi: 'Mục đích sử dụng khóa của chứng thư không cho phép thao tác này.' },
  CERTIFICATE_REVOKED: { vi: 'Chứng thư số đã bị thu hồi.' },
  REVOCATION_UNAVAILABLE: { vi: 'Không kiểm tra được trạng thái thu hồi của chứng thư số.' },
  REVOCATION_NOT_CHECKED: { vi: 'Không kiểm tra trạng thái thu hồi (theo lựa chọn của người dùng).' },
  VALIDATED_AT_TIMESTAMP: { vi: 'Chữ ký được xác thực tại thời điểm của dấu thời gian.' },
  TIMESTAMP_MALFORMED: { vi: 'Dấu thời gian bị hỏng.' },
  TIMESTAMP_INVALID: { vi: 'Dấu thời gian không hợp lệ.' },
  TIMESTAMP_IMPRINT_MISMATCH: { vi: 'Dấu thời gian không phải của chữ ký này.' },
  TIMESTAMP_NONCE_MISMATCH: { vi: 'Dấu thời gian không khớp với yêu cầu.' },
  TIMESTAMP_SIGNERS: { vi: 'Dấu thời gian có nhiều hơn một người ký.' },
  TIMESTAMP_NO_SIGNING_CERTIFICATE: {
    vi: 'Dấu thời gian thiếu tham chiếu tới chứng thư của máy chủ cấp dấu thời gian.',
  },
  TSA_KEY_USAGE: { vi: 'Chứng thư của máy chủ cấp dấu thời gian không dành cho việc cấp dấu thời gian.' },
  // PDF
  DISALLOWED_MODIFICATION: { vi: 'Tài liệu đã bị thay đổi sau khi ký theo cách người ký không cho phép.' },
  ANNOTATION_ADDED: { vi: 'Có chú thích được thêm vào sau khi ký.' },
  FORM_FIELD_FILLED: { vi: 'Có trường biểu mẫu được điền sau khi ký (người ký cho phép).' },
  NEED_APPEARANCES: {
    vi: 'Tài liệu yêu cầu trình xem vẽ lại mọi trường biểu mẫu: nội dung hiển thị có thể khác lúc ký.',
  },
  NONSTANDARD_COVERAGE: { vi: 'Phạm vi ký không bao trùm toàn bộ phiên bản tài liệu được ký.' },
  BYTE_RANGE_INVALID: { vi: 'Vùng dữ liệu được ký (/ByteRange) không hợp lệ.' },
  BYTE_RANGE_GAP: { vi: 'Vùng không được ký chứa dữ liệu khác ngoài chữ ký (tấn công bao bọc chữ ký).' },
  CONTENTS_MISSING: { vi: 'Chữ ký không có giá trị (/Contents).' },
  CONTENTS_TRAILING_DATA: { vi: 'Sau dữ liệu chữ ký có các byte thừa.' },
  ENCRYPTED_PDF: { vi: 'Tệp PDF đã được mã hóa; chưa kiểm tra được các chữ ký.' },
  HEADER_MISSING: { vi: 'Tệp không bắt đầu bằng phần đầu %PDF-.' },
  HEADER_OFFSET: { vi: 'Có dữ liệu thừa trước phần đầu %PDF-.' },
  XREF_OFFSET_DRIFT: { vi: 'Vị trí bảng tham chiếu chéo bị lệch vài byte.' },
  OBJECT_OFFSET_DRIFT: { vi: 'Vị trí một đối tượng bị lệch so với bảng tham chiếu chéo.' },
  STREAM_LENGTH: { vi: 'Độ dài một luồng dữ liệu (/Length) bị ghi sai.' },
  XREF_PREV_ZERO: { vi: 'Bảng tham chiếu chéo có /Prev 0.' },
  TRAILING_BYTES: { vi: 'Có dữ liệu thừa sau dấu kết thúc tệp (%%EOF) cuối cùng.' },
  GENERATION_REUSED: {
    vi: 'Một phiên bản sau dùng lại số hiệu đối tượng với thế hệ mới mà không giải phóng trước.',
  },
  XREF_CHAIN_REPAIRED: { vi: 'Chuỗi bảng tham chiếu chéo bị đứt và đã được khôi phục.' },
  XREF_LOOP: { vi: 'Chuỗi bảng tham chiếu chéo quay vòng.' },
  OBJECT_STREAM_INDEX: { vi: 'Một đối tượng không có trong luồng đối tượng được chỉ định.' },
};

/** A finding as the report shows it, in the report's language. */
export function localizeIssue(finding: { code: string; detail: string }, lang: Lang): Issue {
  const m = MESSAGES[finding.code];
  if (lang === 'en') return { code: finding.code, message: m?.en ?? finding.detail };
  return { code: finding.code, message: m?.vi ?? finding.detail };
}

export function hasIssueMessage(code: string): boolean {
  return Object.hasOwn(MESSAGES, code);
}
