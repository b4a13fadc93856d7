import { type KysoError, type KysoErrorCode, toKysoError } from '@kyso/core';

/** The CSC error body (CSC API v2 §10.2, OAuth 2.0 style), with the kyso error beside it for kyso clients. */
export interface CscErrorBody {
  error: string;
  error_description: string;
  kyso: ReturnType<KysoError['toJSON']>;
}

interface Mapping {
  status: number;
  error: string;
  /** A fixed description; the error's own message otherwise. */
  description?: string;
}

/**
 * HTTP status and CSC `error` per code. The descriptions for PIN, OTP, lock and credential are those
 * CSC services use, which core's cscErrorToKyso (and other CSC clients) recognise.
 */
const MAPPING: Partial<Record<KysoErrorCode, Mapping>> = {
  USAGE: { status: 400, error: 'invalid_request' },
  INVALID_INPUT: { status: 400, error: 'invalid_request' },
  UNSUPPORTED_ALGORITHM: { status: 400, error: 'invalid_request' },
  PIN_INCORRECT: { status: 400, error: 'invalid_pin', description: 'The PIN is invalid' },
  OTP_INCORRECT: { status: 400, error: 'invalid_otp', description: 'The OTP is invalid' },
  PIN_LOCKED: { status: 400, error: 'invalid_request', description: 'PIN locked' },
  KEY_NOT_FOUND: { status: 400, error: 'invalid_request', description: 'Invalid parameter credentialID' },
  CREDENTIAL_NOT_AUTHORIZED: { status: 403, error: 'access_denied' },
  NOT_AUTHENTICATED: { status: 401, error: 'invalid_token' },
  REQUEST_TOO_LARGE: { status: 413, error: 'invalid_request' },
  SERVICE_BUSY: { status: 429, error: 'temporarily_unavailable' },
  URL_NOT_ALLOWED: { status: 403, error: 'access_denied' },
  ORIGIN_NOT_ALLOWED: { status: 403, error: 'access_denied' },
  PAIRING_CODE_INCORRECT: { status: 400, error: 'invalid_grant' },
  TOKEN_NOT_PRESENT: { status: 503, error: 'temporarily_unavailable' },
  ABORTED: { status: 503, error: 'temporarily_unavailable' },
  REMOTE_SIGNER_ERROR: { status: 502, error: 'server_error' },
  NETWORK_ERROR: { status: 502, error: 'server_error' },
  TIMESTAMP_REFUSED: { status: 502, error: 'server_error' },
  REVOCATION_UNAVAILABLE: { status: 502, error: 'server_error' },
  // the document or the signer's certificate is unfit: the client's input
  PDF_STRUCTURE: { status: 400, error: 'invalid_request' },
  ENCRYPTED_PDF: { status: 400, error: 'invalid_request' },
  FIELD_ALREADY_SIGNED: { status: 400, error: 'invalid_request' },
  CERTIFIED_NO_CHANGES: { status: 400, error: 'invalid_request' },
  SIGNATURE_TOO_LARGE: { status: 400, error: 'invalid_request' },
  CERTIFICATE_EXPIRED: { status: 400, error: 'invalid_request' },
  CERTIFICATE_REVOKED: { status: 400, error: 'invalid_request' },
  CERTIFICATE_NOT_FOR_SIGNING: { status: 400, error: 'invalid_request' },
};

const overrides = new WeakMap<KysoError, Partial<Mapping>>();

/**
 * Gives one error another status or CSC error than its code's (a SAD problem is a 400
 * `invalid_request` in CSC, while a denied credential is a 403), keeping the KysoError itself.
 */
export function withHttp(error: KysoError, mapping: Partial<Mapping>): KysoError {
  overrides.set(error, mapping);
  return error;
}

export function httpStatusOf(error: KysoError): number {
  return overrides.get(error)?.status ?? MAPPING[error.code]?.status ?? 500;
}

/**
 * The error as a JSON response. INTERNAL errors say nothing of their cause to the client (it is for
 * the service's own log); the others carry their kyso code, message and parameters.
 */
export function errorResponse(thrown: unknown, headers: Record<string, string> = {}): Response {
  const error = toKysoError(thrown);
  const mapping = {
    ...(MAPPING[error.code] ?? { status: 500, error: 'server_error' }),
    ...overrides.get(error),
  };
  const shown =
    mapping.status >= 500 && error.code === 'INTERNAL'
      ? { name: 'KysoError' as const, code: 'INTERNAL', message: 'Internal error', params: {} }
      : error.toJSON();
  const body: CscErrorBody = {
    error: mapping.error,
    error_description:
      mapping.description ??
      (typeof shown.params?.['detail'] === 'string' ? shown.params['detail'] : shown.message),
    kyso: shown,
  };
  const extra: Record<string, string> = {};
  if (mapping.status === 401) extra['www-authenticate'] = 'Bearer';
  if (mapping.status === 429 || mapping.status === 503) extra['retry-after'] = '1';
  return Response.json(body, {
    status: mapping.status,
    headers: { 'cache-control': 'no-store', ...extra, ...headers },
  });
}
