import { KysoError } from '@kyso/core';

/** A CSC request body, as parsed JSON. */
export type CscBody = Readonly<Record<string, unknown>>;

/** Refusals worded as the CSC specification's examples ("Missing (or invalid type) string parameter X"). */
export function invalidParameter(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail } });
}

export function requireString(body: CscBody, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '')
    throw invalidParameter(`Missing (or invalid type) string parameter ${name}`);
  return value;
}

export function optionalString(body: CscBody, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`Invalid type of string parameter ${name}`);
  return value;
}

export function optionalBoolean(body: CscBody, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameter(`Invalid type of boolean parameter ${name}`);
  return value;
}

export function requireInteger(body: CscBody, name: string): number {
  const value = body[name];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalidParameter(`Missing (or invalid type) integer parameter ${name}`);
  return value;
}

/** Strict base64 (what CSC sends hashes and parameters in): re-encoding must give the same text. */
export function decodeBase64(value: string, name: string): Uint8Array {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64') !== value) throw invalidParameter(`Invalid Base64 ${name} string parameter`);
  return new Uint8Array(bytes);
}

export function optionalBase64Array(body: CscBody, name: string): Uint8Array[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string'))
    throw invalidParameter(`Missing (or invalid type) array parameter ${name}`);
  return value.map((v: string) => decodeBase64(v, name));
}

/** The value of a v2.0.0.2 `authData` object with this id, or the v2.0.0.0 field of the same name. */
export function authValue(body: CscBody, id: 'PIN' | 'OTP'): string | undefined {
  const direct = optionalString(body, id);
  if (direct !== undefined) return direct;
  const data = body['authData'];
  if (data === undefined || data === null) return undefined;
  if (!Array.isArray(data)) throw invalidParameter('Invalid type of array parameter authData');
  for (const item of data) {
    if (typeof item !== 'object' || item === null) throw invalidParameter('Invalid parameter authData');
    const { id: itemId, value } = item as { id?: unknown; value?: unknown };
    if (itemId === id) {
      if (typeof value !== 'string') throw invalidParameter(`Invalid parameter authData (${id})`);
      return value;
    }
  }
  return undefined;
}
