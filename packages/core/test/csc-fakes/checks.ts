import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { KysoErrorCode } from '../../src/errors/codes.js';
import { isKysoError, type KysoError } from '../../src/errors/kyso-error.js';
import type { SeenRequest } from './http.js';

export function sha(hash: 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(hash.replace('-', '').toLowerCase()).update(data).digest());
}

const ALLOWED: Record<string, readonly string[]> = {
  'credentials/authorize': [
    'credentialID',
    'numSignatures',
    'hash',
    'hashes',
    'hashAlgorithmOID',
    'PIN',
    'OTP',
    'authData',
    'description',
  ],
  'signatures/signHash': [
    'credentialID',
    'SAD',
    'hash',
    'hashes',
    'hashAlgo',
    'hashAlgorithmOID',
    'signAlgo',
    'signAlgoParams',
  ],
};

function keysDeep(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysDeep(v, out);
    }
  return out;
}

/**
 * What the service saw carries the digests and nothing of the data they were made from: only the
 * expected fields, hash lists of base64 values that are exactly the digests (of their length), no
 * `data` key, and neither the base64 nor the hex of the data anywhere in a body.
 */
export function expectOnlyDigests(requests: SeenRequest[], digests: Uint8Array[], data: Uint8Array[]): void {
  const expected = new Set(digests.map((d) => Buffer.from(d).toString('base64')));
  let hashLists = 0;
  for (const r of requests) {
    expect(keysDeep(r.body)).not.toContain('data');
    for (const d of data) {
      expect(r.text).not.toContain(Buffer.from(d).toString('base64'));
      expect(r.text).not.toContain(Buffer.from(d).toString('hex'));
    }
    const method = r.path.replace(/^.*\/csc\/v[12]\//, '');
    const allowed = ALLOWED[method];
    if (!allowed) continue;
    for (const k of Object.keys(r.body)) expect(allowed).toContain(k);
    const list = (r.body['hashes'] ?? r.body['hash']) as unknown;
    expect(Array.isArray(list)).toBe(true);
    for (const h of list as unknown[]) {
      expect(typeof h).toBe('string');
      expect(expected.has(h as string)).toBe(true);
      expect(Buffer.from(h as string, 'base64').length).toBe(digests[0]!.length);
    }
    hashLists++;
  }
  expect(hashLists).toBeGreaterThan(0);
}

/** Awaits a rejection with that code; the error is returned for further checks (params.detail…). */
export async function expectKysoError(promise: Promise<unknown>, code: KysoErrorCode): Promise<KysoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isKysoError(error), `expected ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as KysoError;
}
