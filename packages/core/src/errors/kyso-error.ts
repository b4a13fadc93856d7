import type { Lang } from '../lang.js';
import { ERROR_MESSAGES, isKysoErrorCode, type KysoErrorCode } from './codes.js';

export type ErrorParams = Readonly<Record<string, string | number>>;

export interface KysoErrorOptions {
  params?: ErrorParams;
  cause?: unknown;
  /** Language of `message`; `localize()` gives the other. English by default. */
  lang?: Lang;
}

/** The plain-object form that crosses process and HTTP boundaries. */
export interface KysoErrorJSON {
  name: 'KysoError';
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function formatMessage(code: KysoErrorCode, lang: Lang, params: ErrorParams = {}): string {
  return ERROR_MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}

/** The one error type of kyso: a stable UPPER_SNAKE `code`, a message in Vietnamese or English. */
export class KysoError extends Error {
  override readonly name = 'KysoError' as const;
  readonly code: KysoErrorCode;
  readonly params: ErrorParams;

  constructor(code: KysoErrorCode, options: KysoErrorOptions = {}) {
    const params = options.params ?? {};
    super(formatMessage(code, options.lang ?? 'en', params), { cause: options.cause });
    this.code = code;
    this.params = params;
  }

  /** The message in the given language. */
  localize(lang: Lang): string {
    return formatMessage(this.code, lang, this.params);
  }

  toJSON(): KysoErrorJSON {
    return { name: this.name, code: this.code, message: this.message, params: { ...this.params } };
  }
}

/**
 * True for any KysoError, also one from another copy of the package (duplicate installs defeat
 * `instanceof`), optionally of the given code.
 */
export function isKysoError(value: unknown, code?: KysoErrorCode): value is KysoError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; code?: unknown };
  if (v.name !== 'KysoError' || !isKysoErrorCode(v.code)) return false;
  return code === undefined || v.code === code;
}

/**
 * Rebuilds an error sent as JSON (e.g. by the signing service to a browser). An unknown code, from a
 * newer server say, becomes INTERNAL with the original code and message kept in its params.
 */
export function kysoErrorFromJSON(json: unknown, lang: Lang = 'en'): KysoError {
  const j = (typeof json === 'object' && json !== null ? json : {}) as Partial<KysoErrorJSON>;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(j.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  }
  if (isKysoErrorCode(j.code)) return new KysoError(j.code, { params, lang });
  const detail = `${String(j.code ?? 'unknown')}: ${String(j.message ?? '')}`;
  return new KysoError('INTERNAL', { params: { detail }, lang });
}

/** Wraps anything thrown into a KysoError, keeping the original as `cause`. */
export function toKysoError(error: unknown, lang: Lang = 'en'): KysoError {
  if (error instanceof KysoError) return error;
  if (isKysoError(error)) return new KysoError(error.code, { params: error.params, cause: error, lang });
  if (error instanceof Error && error.name === 'AbortError')
    return new KysoError('ABORTED', { cause: error, lang });
  const detail = error instanceof Error ? error.message : String(error);
  return new KysoError('INTERNAL', { params: { detail }, cause: error, lang });
}
