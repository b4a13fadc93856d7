import type { Lang } from '@kyso/core/errors';

export interface ViewerStrings {
  document: string;
  controls: string;
  previousPage: string;
  nextPage: string;
  /** `{total}`: the page count. */
  pageInput: string;
  /** `{total}`. */
  ofPages: string;
  zoomOut: string;
  zoomIn: string;
  fitWidth: string;
  zoomLevel: string;
  /** `{page}`, `{total}`. */
  pageLabel: string;
  loading: string;
  /** `{name}`. */
  fieldSigned: string;
  /** `{name}`. */
  fieldEmpty: string;
  /** `{name}`, `{status}`. */
  fieldVerified: string;
  status: Record<'valid' | 'invalid' | 'indeterminate', string>;
}

/** Every string the viewer shows or announces, in Vietnamese and English. */
export const VIEWER_STRINGS: Readonly<Record<Lang, ViewerStrings>> = {
  vi: {
    document: 'Tài liệu PDF',
    controls: 'Điều khiển xem tài liệu',
    previousPage: 'Trang trước',
    nextPage: 'Trang sau',
    pageInput: 'Trang hiện tại (1 đến {total})',
    ofPages: '/ {total}',
    zoomOut: 'Thu nhỏ',
    zoomIn: 'Phóng to',
    fitWidth: 'Vừa chiều rộng',
    zoomLevel: 'Tỉ lệ hiển thị',
    pageLabel: 'Trang {page} trên {total}',
    loading: 'Đang mở tài liệu…',
    fieldSigned: 'Ô chữ ký đã ký: {name}',
    fieldEmpty: 'Ô chữ ký trống: {name}',
    fieldVerified: 'Ô chữ ký {name}: {status}',
    status: { valid: 'hợp lệ', invalid: 'không hợp lệ', indeterminate: 'chưa xác định' },
  },
  en: {
    document: 'PDF document',
    controls: 'Document controls',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageInput: 'Current page (1 to {total})',
    ofPages: 'of {total}',
    zoomOut: 'Zoom out',
    zoomIn: 'Zoom in',
    fitWidth: 'Fit width',
    zoomLevel: 'Zoom level',
    pageLabel: 'Page {page} of {total}',
    loading: 'Opening the document…',
    fieldSigned: 'Signed signature field: {name}',
    fieldEmpty: 'Empty signature field: {name}',
    fieldVerified: 'Signature field {name}: {status}',
    status: { valid: 'valid', invalid: 'invalid', indeterminate: 'indeterminate' },
  },
};
