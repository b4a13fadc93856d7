import type { KysoErrorCode } from '../errors/codes.js';
import { KysoError, kysoErrorFromJSON } from '../errors/kyso-error.js';
import type { Lang } from '../lang.js';
import { isJsonObject } from './json.js';

/** What was asked when the service said no: the mapping depends on it (a PIN or only an OTP sent). */
export interface CscErrorContext {
  /** The CSC method, e.g. `credentials/authorize`. */
  method: string;
  status: number;
  sentPin?: boolean;
  sentOtp?: boolean;
  lang?: Lang;
}

/**
 * The CSC error body (CSC API v1.0.4 §10.1, v2.0.0.2 §10.2): `{ error, error_description }`, OAuth 2.0
 * style. Error strings the specification and implementations use, and what kyso makes of them:
 *
 * | service says                                                            | kyso code                 |
 * |-------------------------------------------------------------------------|---------------------------|
 * | description "PIN locked" (v1), "Credential locked" (v2), any "locked"/"blocked" | PIN_LOCKED        |
 * | `invalid_pin`; description "The PIN is invalid" (v1, error invalid_request)     | PIN_INCORRECT     |
 * | `invalid_otp`; "The OTP is invalid"                                     | OTP_INCORRECT             |
 * | `invalid_authentication_data` (v2.0.0.2 authorize)                      | PIN_INCORRECT, or OTP_INCORRECT when only an OTP was sent |
 * | "Invalid parameter credentialID"; "credential … not found/unknown"      | KEY_NOT_FOUND             |
 * | `invalid_token`, `expired_token`, `unauthorized_client`, `access_denied`, `invalid_scope`, `invalid_hash`; descriptions naming the SAD ("Invalid parameter SAD", "SAD expired", "Hash is not authorized by the SAD") or the authorization header / access token; HTTP 401 or 403 | CREDENTIAL_NOT_AUTHORIZED |
 * | anything else (`invalid_request`, `server_error`, `temporarily_unavailable`…) | REMOTE_SIGNER_ERROR, description kept in params.detail |
 *
 * A kyso error object in the body (`{ name: 'KysoError', code, message, params }`, under `error` or
 * beside the CSC fields, as kyso's own adapter sends it) wins: it is rebuilt as is.
 */
export function cscErrorToKyso(body: unknown, context: CscErrorContext): KysoError {
  const lang = context.lang ?? 'en';
  const kyso = findKysoError(body);
  if (kyso) return kysoErrorFromJSON(kyso, lang);

  const error = isJsonObject(body) && typeof body['error'] === 'string' ? body['error'] : undefined;
  const description =
    isJsonObject(body) && typeof body['error_description'] === 'string' ? body['error_description'] : '';
  const code = classify(error, description, context);
  const said = [error, description].filter(Boolean).join(': ') || 'no error description';
  const detail = clip(`${context.method}: HTTP ${context.status}: ${said}`);
  const params: Record<string, string | number> = { detail, status: context.status };
  if (error) params['cscError'] = clip(error);
  return new KysoError(code, { params, lang });
}

const NOT_AUTHORIZED = new Set([
  'invalid_token',
  'expired_token',
  'unauthorized_client',
  'access_denied',
  'invalid_scope',
  'invalid_client',
  'invalid_grant',
  'invalid_hash',
]);

function classify(error: string | undefined, description: string, context: CscErrorContext): KysoErrorCode {
  const d = description.toLowerCase();
  const e = (error ?? '').toLowerCase();
  if (/\b(locked|blocked)\b/.test(d) || /locked|blocked/.test(e)) return 'PIN_LOCKED';
  if (
    e === 'invalid_pin' ||
    /\bpin\b.*\b(invalid|incorrect|wrong)\b|\b(invalid|incorrect|wrong)\b.*\bpin\b/.test(d)
  )
    return 'PIN_INCORRECT';
  if (
    e === 'invalid_otp' ||
    /\botp\b.*\b(invalid|incorrect|wrong|expired)\b|\b(invalid|incorrect|wrong)\b.*\botp\b/.test(d)
  )
    return 'OTP_INCORRECT';
  if (e === 'invalid_authentication_data')
    return context.sentOtp && !context.sentPin ? 'OTP_INCORRECT' : 'PIN_INCORRECT';
  if (
    /^invalid parameter credentialid\b/.test(d) ||
    /\bcredential\w*\b.*\b(not found|unknown|does not exist)\b|\b(unknown|no such) credential/.test(d) ||
    e === 'credential_not_found'
  )
    return 'KEY_NOT_FOUND';
  if (NOT_AUTHORIZED.has(e)) return 'CREDENTIAL_NOT_AUTHORIZED';
  if (/\bsad\b|authori[sz]ation header|access token/.test(d)) return 'CREDENTIAL_NOT_AUTHORIZED';
  if (context.status === 401 || context.status === 403) return 'CREDENTIAL_NOT_AUTHORIZED';
  return 'REMOTE_SIGNER_ERROR';
}

function findKysoError(body: unknown): unknown {
  if (!isJsonObject(body)) return undefined;
  const isKyso = (v: unknown) =>
    isJsonObject(v) && v['name'] === 'KysoError' && typeof v['code'] === 'string';
  if (isKyso(body['error'])) return body['error'];
  return Object.values(body).find(isKyso);
}

/** Service text ends up in messages and logs: bounded, on one line. */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
