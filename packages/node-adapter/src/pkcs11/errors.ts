import { isKysoError, KysoError, type KysoErrorCode } from '@kyso/core';
import { CKR } from './constants.js';

const CODES: Partial<Record<number, KysoErrorCode>> = {
  [CKR.CKR_PIN_INCORRECT]: 'PIN_INCORRECT',
  [CKR.CKR_PIN_INVALID]: 'PIN_INCORRECT',
  [CKR.CKR_PIN_LEN_RANGE]: 'PIN_INCORRECT',
  [CKR.CKR_PIN_LOCKED]: 'PIN_LOCKED',
  [CKR.CKR_PIN_EXPIRED]: 'CREDENTIAL_NOT_AUTHORIZED',
  [CKR.CKR_USER_NOT_LOGGED_IN]: 'CREDENTIAL_NOT_AUTHORIZED',
  [CKR.CKR_USER_PIN_NOT_INITIALIZED]: 'CREDENTIAL_NOT_AUTHORIZED',
  [CKR.CKR_TOKEN_NOT_PRESENT]: 'TOKEN_NOT_PRESENT',
  [CKR.CKR_TOKEN_NOT_RECOGNIZED]: 'TOKEN_NOT_PRESENT',
  [CKR.CKR_DEVICE_REMOVED]: 'TOKEN_NOT_PRESENT',
  [CKR.CKR_SLOT_ID_INVALID]: 'TOKEN_NOT_PRESENT',
  // a session vanishes when its token is pulled out
  [CKR.CKR_SESSION_HANDLE_INVALID]: 'TOKEN_NOT_PRESENT',
  [CKR.CKR_SESSION_CLOSED]: 'TOKEN_NOT_PRESENT',
  [CKR.CKR_KEY_HANDLE_INVALID]: 'KEY_NOT_FOUND',
  [CKR.CKR_OBJECT_HANDLE_INVALID]: 'KEY_NOT_FOUND',
  [CKR.CKR_MECHANISM_INVALID]: 'UNSUPPORTED_ALGORITHM',
  [CKR.CKR_MECHANISM_PARAM_INVALID]: 'UNSUPPORTED_ALGORITHM',
  [CKR.CKR_KEY_TYPE_INCONSISTENT]: 'UNSUPPORTED_ALGORITHM',
  [CKR.CKR_KEY_FUNCTION_NOT_PERMITTED]: 'UNSUPPORTED_ALGORITHM',
  [CKR.CKR_FUNCTION_CANCELED]: 'ABORTED',
  [CKR.CKR_SESSION_COUNT]: 'SERVICE_BUSY',
};

/** The CKR_* value of a binding error: pkcs11js puts it in `code`, its name in `message`. */
export function ckrOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof message === 'string' && /^CKR_/.test(message) && typeof code === 'number') return code;
  return undefined;
}

/**
 * A PKCS#11 failure as a kyso error: the codes of DESIGN.md for what a user can act on (wrong or
 * locked PIN, token removed, key missing), INTERNAL naming the function and CKR for the rest.
 */
export function pkcs11Error(error: unknown, fn: string): KysoError {
  if (isKysoError(error)) return error as KysoError;
  const ckr = ckrOf(error);
  const name = ckr === undefined ? String((error as Error)?.message ?? error) : (error as Error).message;
  const code = ckr === undefined ? undefined : CODES[ckr];
  const detail = `PKCS#11 ${fn}: ${name}`;
  if (!code) return new KysoError('INTERNAL', { params: { detail }, cause: error });
  const params = code === 'UNSUPPORTED_ALGORITHM' ? { algorithm: detail } : { detail };
  return new KysoError(code, { params, cause: error });
}
