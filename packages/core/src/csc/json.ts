import { KysoError } from '../errors/kyso-error.js';

/**
 * Runtime checks for what a CSC service answers: its JSON is untrusted input, and a malformed answer
 * must surface as REMOTE_SIGNER_ERROR naming the field, never as a crash further down.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function malformed(method: string, detail: string): KysoError {
  return new KysoError('REMOTE_SIGNER_ERROR', {
    params: { detail: `${method}: malformed answer: ${detail}` },
  });
}

export function requireObject(value: unknown, method: string, field: string): JsonObject {
  if (!isJsonObject(value)) throw malformed(method, `${field} is not an object`);
  return value;
}

export function requireString(value: unknown, method: string, field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw malformed(method, `${field} is not a string`);
  return value;
}

export function optionalString(value: unknown, method: string, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw malformed(method, `${field} is not a string`);
  return value;
}

export function requireStringArray(value: unknown, method: string, field: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw malformed(method, `${field} is not an array of strings`);
  return value as string[];
}

export function optionalNumber(value: unknown, method: string, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  // v1 services often send numbers as strings ("multisign": "1")
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw malformed(method, `${field} is not a number`);
  return n;
}
