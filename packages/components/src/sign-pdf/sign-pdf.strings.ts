import type { Lang } from '@kyso/core/errors';
import type { SignStage } from '../events/kyso-progress-event.js';

export interface SignStrings {
  /** The toolbar's accessible name. */
  controls: string;
  empty: string;
  loading: string;
  placeButton: string;
  placeHint: string;
  clearButton: string;
  fieldSelect: string;
  fieldNone: string;
  /** `{name}`, `{page}`. */
  fieldOption: string;
  signButton: string;
  signingButton: string;
  /** `{page}`. */
  boxLabel: string;
  boxHelp: string;
  /** `{page}`, `{x}`, `{y}`, `{width}`, `{height}`. */
  position: string;
  /** `{name}`. */
  fieldTarget: string;
  invisibleTarget: string;
  /** Shown in the box when the page gives no preview lines. */
  previewDefault: string;
  progress: string;
  stage: Record<SignStage, string>;
  announce: {
    /** `{position}`. */
    placed: string;
    /** `{position}`. */
    confirmed: string;
    removed: string;
    /** `{name}`. */
    fieldChosen: string;
    /** `{field}`. */
    signed: string;
    /** `{message}`. */
    failed: string;
  };
  signedTitle: string;
  /** `{field}`. */
  signedIn: string;
  errorTitle: string;
  dialog: {
    pinTitle: string;
    otpTitle: string;
    pinLabel: string;
    otpLabel: string;
    /** `{credential}`. */
    credential: string;
    cancel: string;
    confirm: string;
  };
}

/** Every string `<sign-pdf>` shows or announces, in Vietnamese and English. */
export const SIGN_STRINGS: Readonly<Record<Lang, SignStrings>> = {
  vi: {
    controls: 'Ký số tài liệu',
    empty: 'Chưa có tài liệu để ký.',
    loading: 'Đang mở tài liệu…',
    placeButton: 'Đặt ô chữ ký',
    placeHint: 'Kéo chuột trên trang để vẽ ô chữ ký, hoặc chọn “Đặt ô chữ ký” rồi dùng các phím mũi tên.',
    clearButton: 'Bỏ ô chữ ký',
    fieldSelect: 'Ô chữ ký có sẵn',
    fieldNone: '— Không chọn —',
    fieldOption: '{name} (trang {page})',
    signButton: 'Ký số',
    signingButton: 'Đang ký…',
    boxLabel: 'Ô chữ ký trên trang {page}',
    boxHelp:
      'Phím mũi tên để di chuyển, Shift cùng phím mũi tên để đổi kích thước, Enter để xác nhận, Esc để bỏ ô chữ ký.',
    position: 'Trang {page}: x {x}, y {y}, rộng {width}, cao {height} điểm',
    fieldTarget: 'Ký vào ô {name}',
    invisibleTarget: 'Chữ ký số không hiển thị trên trang',
    previewDefault: 'Chữ ký số',
    progress: 'Tiến trình ký số',
    stage: {
      prepare: 'Đang chuẩn bị tài liệu…',
      sign: 'Đang ký bằng khóa của người ký…',
      finish: 'Đang hoàn tất chữ ký…',
      verify: 'Đang kiểm tra tài liệu đã ký…',
    },
    announce: {
      placed: 'Đã đặt ô chữ ký. {position}.',
      confirmed: 'Đã xác nhận vị trí chữ ký. {position}.',
      removed: 'Đã bỏ ô chữ ký.',
      fieldChosen: 'Chữ ký sẽ được đặt vào ô {name}.',
      signed: 'Đã ký số thành công vào ô {field}.',
      failed: 'Không ký được: {message}',
    },
    signedTitle: 'Đã ký số',
    signedIn: 'Chữ ký nằm ở ô {field}.',
    errorTitle: 'Không ký được',
    dialog: {
      pinTitle: 'Nhập mã PIN',
      otpTitle: 'Nhập mã xác thực (OTP)',
      pinLabel: 'Mã PIN',
      otpLabel: 'Mã OTP',
      credential: 'Khóa ký: {credential}',
      cancel: 'Hủy',
      confirm: 'Xác nhận',
    },
  },
  en: {
    controls: 'Sign the document',
    empty: 'No document to sign.',
    loading: 'Opening the document…',
    placeButton: 'Place signature',
    placeHint:
      'Drag on a page to draw the signature box, or choose “Place signature” and use the arrow keys.',
    clearButton: 'Remove the box',
    fieldSelect: 'Existing signature field',
    fieldNone: '— None —',
    fieldOption: '{name} (page {page})',
    signButton: 'Sign',
    signingButton: 'Signing…',
    boxLabel: 'Signature box on page {page}',
    boxHelp:
      'Arrow keys move it, Shift with the arrow keys resizes it, Enter confirms, Escape removes the box.',
    position: 'Page {page}: x {x}, y {y}, width {width}, height {height} points',
    fieldTarget: 'Signing into field {name}',
    invisibleTarget: 'The signature will not be visible on the page',
    previewDefault: 'Digital signature',
    progress: 'Signing progress',
    stage: {
      prepare: 'Preparing the document…',
      sign: 'Signing with the signer’s key…',
      finish: 'Finishing the signature…',
      verify: 'Verifying the signed document…',
    },
    announce: {
      placed: 'Signature box placed. {position}.',
      confirmed: 'Signature place confirmed. {position}.',
      removed: 'Signature box removed.',
      fieldChosen: 'The signature will go into field {name}.',
      signed: 'Signed successfully in field {field}.',
      failed: 'Signing failed: {message}',
    },
    signedTitle: 'Signed',
    signedIn: 'The signature is in field {field}.',
    errorTitle: 'Signing failed',
    dialog: {
      pinTitle: 'Enter your PIN',
      otpTitle: 'Enter the one-time password',
      pinLabel: 'PIN',
      otpLabel: 'One-time password (OTP)',
      credential: 'Signing key: {credential}',
      cancel: 'Cancel',
      confirm: 'Confirm',
    },
  },
};
