export { ERROR_MESSAGES, isKysoErrorCode, type KysoErrorCode } from './errors/codes.js';
export {
  type ErrorParams,
  formatMessage,
  isKysoError,
  KysoError,
  type KysoErrorJSON,
  type KysoErrorOptions,
  kysoErrorFromJSON,
  toKysoError,
} from './errors/kyso-error.js';
export { LANGS, type Lang, parseLang, pickLang } from './lang.js';
