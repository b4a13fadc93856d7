import type { Lang } from '../domain/errors.js';
import type { DocumentState } from '../domain/workflow.js';

const STRINGS = {
  vi: {
    app: 'Văn phòng điện tử — ký số với kyso',
    signIn: 'Đăng nhập',
    signInAs: 'Chọn người dùng thử nghiệm',
    signOut: 'Đăng xuất',
    documents: 'Văn bản',
    waiting: 'Chờ tôi xử lý',
    outgoing: 'Văn bản đi',
    incoming: 'Văn bản đến',
    none: 'Không có văn bản.',
    newDraft: 'Soạn dự thảo mới',
    title: 'Trích yếu',
    symbol: 'Ký hiệu',
    file: 'Tệp PDF',
    upload: 'Tải lên',
    sampleDraft: 'Tải bản dự thảo mẫu',
    sampleDraftHint: 'Kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP, để trống số, ngày và chữ ký.',
    state: 'Trạng thái',
    number: 'Số',
    signatures: 'Chữ ký số',
    versions: 'Các phiên bản',
    history: 'Quá trình xử lý',
    download: 'Tải về',
    report: 'Báo cáo xác thực',
    submit: 'Trình lãnh đạo phòng',
    approve: 'Duyệt và ký số',
    reject: 'Trả lại',
    comment: 'Ý kiến',
    issue: 'Cấp số, ngày và đóng dấu',
    replaceDraft: 'Tải lên dự thảo đã sửa',
    receive: 'Tiếp nhận văn bản đến',
    receiveHint: 'Tải lên văn bản điện tử nhận từ cơ quan khác để kiểm tra chữ ký số.',
    language: 'English',
    actions: 'Xử lý',
    noAction: 'Văn bản không chờ bạn xử lý.',
  },
  en: {
    app: 'E-office — digital signatures with kyso',
    signIn: 'Sign in',
    signInAs: 'Choose a demo user',
    signOut: 'Sign out',
    documents: 'Documents',
    waiting: 'Waiting for me',
    outgoing: 'Outgoing',
    incoming: 'Incoming',
    none: 'No documents.',
    newDraft: 'New draft',
    title: 'Subject',
    symbol: 'Symbol',
    file: 'PDF file',
    upload: 'Upload',
    sampleDraft: 'Download a sample draft',
    sampleDraftHint: 'A plan in the Decree 30/2020/NĐ-CP layout, its number, date and signatures left blank.',
    state: 'State',
    number: 'Number',
    signatures: 'Signatures',
    versions: 'Versions',
    history: 'History',
    download: 'Download',
    report: 'Verification report',
    submit: 'Send to the head of department',
    approve: 'Approve and sign',
    reject: 'Send back',
    comment: 'Comment',
    issue: 'Number, date and seal',
    replaceDraft: 'Upload the revised draft',
    receive: 'Receive a document',
    receiveHint: 'Upload an electronic document received from another agency to check its signatures.',
    language: 'Tiếng Việt',
    actions: 'Actions',
    noAction: 'The document is not waiting for you.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type Strings = Record<keyof (typeof STRINGS)['vi'], string>;

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

const STATES: Record<DocumentState, { vi: string; en: string }> = {
  drafting: { vi: 'Đang soạn thảo', en: 'Drafting' },
  'review-department': { vi: 'Chờ lãnh đạo phòng duyệt', en: 'With the head of department' },
  'review-office': { vi: 'Chờ lãnh đạo văn phòng duyệt', en: 'With the head of the office' },
  'review-agency': { vi: 'Chờ lãnh đạo cơ quan duyệt', en: 'With the head of the agency' },
  numbering: { vi: 'Chờ văn thư cấp số', en: 'With the clerk' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
};

export function stateLabel(state: DocumentState, lang: Lang): string {
  return STATES[state][lang];
}

const ACTIONS: Record<string, { vi: string; en: string }> = {
  submit: { vi: 'trình duyệt', en: 'sent for approval' },
  approve: { vi: 'duyệt và ký số', en: 'approved and signed' },
  reject: { vi: 'trả lại', en: 'sent back' },
  issue: { vi: 'cấp số, ngày, đóng dấu và ban hành', en: 'numbered, dated, sealed and issued' },
};

export function actionLabel(action: string, lang: Lang): string {
  return ACTIONS[action]?.[lang] ?? action;
}
