import { KysoError } from '../errors/kyso-error.js';

/**
 * Decryption that failed in a way a wrong password causes: bad padding, or a plaintext that is not
 * what it should be. Internal: the reader turns it into BAD_PASSWORD when nothing else (a MAC)
 * already proved the password right, and into INVALID_INPUT when something did.
 */
export class DecryptionFailed extends Error {
  override readonly name = 'DecryptionFailed';
}

export function invalidPkcs12(detail: string, cause?: unknown): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail: `PKCS#12: ${detail}` }, cause });
}

export function unsupported(algorithm: string): KysoError {
  return new KysoError('UNSUPPORTED_ALGORITHM', { params: { algorithm } });
}

/** Iteration counts above this are refused: a hostile file must not hang the reader. */
export const MAX_ITERATIONS = 10_000_000;

export function checkIterations(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 1) throw invalidPkcs12(`${what}: iteration count ${n}`);
  if (n > MAX_ITERATIONS) throw invalidPkcs12(`${what}: iteration count ${n} exceeds ${MAX_ITERATIONS}`);
  return n;
}
