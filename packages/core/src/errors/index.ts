/**
 * `@kyso/core/errors`: the error registry and languages alone, for code that must start fast (the
 * CLI's argument handling) or stay small (a component's first chunk).
 */

export { LANGS, type Lang, parseLang, pickLang } from '../lang.js';
export { ERROR_MESSAGES, isKysoErrorCode, type KysoErrorCode } from './codes.js';
export {
  type ErrorParams,
  formatMessage,
  isKysoError,
  KysoError,
  type KysoErrorJSON,
  type KysoErrorOptions,
  kysoErrorFromJSON,
  toKysoError,
} from './kyso-error.js';
