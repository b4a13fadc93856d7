import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KysoError } from '@kyso/core';
import type { AuthFactors } from '../backends/credential.js';

const INFO = 'kyso/sad/factors/v1';

function keyFor(sad: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(sad, 'utf8'), Buffer.alloc(0), INFO, 32));
}

/**
 * Encrypts the factors a signature will need (a token PIN) under a key derived from the SAD itself,
 * which the store never holds: a store dump (or a shared Redis) reveals no PIN, and only the client
 * presenting the SAD can unlock it. AES-256-GCM; `context` (the store key) is bound as AAD.
 */
export function sealFactors(factors: AuthFactors, sad: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(sad), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(factors), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export function openFactors(sealed: string, sad: string, context: string): AuthFactors {
  const bytes = Buffer.from(sealed, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(sad), bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
    const value = JSON.parse(text.toString('utf8')) as { pin?: unknown };
    return typeof value.pin === 'string' ? { pin: value.pin } : {};
  } catch (error) {
    throw new KysoError('CREDENTIAL_NOT_AUTHORIZED', {
      params: { detail: 'the SAD does not open its authorization' },
      cause: error,
    });
  }
}
