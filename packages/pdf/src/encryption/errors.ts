import { KysoError } from '@kyso/core';

/** An encryption kyso cannot read: the file stays ENCRYPTED_PDF, with what is missing as the detail. */
export function unsupported(detail: string, cause?: unknown): KysoError {
  return new KysoError('ENCRYPTED_PDF', {
    params: { detail: `unsupported encryption: ${detail}` },
    ...(cause === undefined ? {} : { cause }),
  });
}
