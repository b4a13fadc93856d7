import { createHash, randomBytes } from 'node:crypto';
import { KysoError } from '@kyso/core';
import type { AuthFactors } from '../backends/credential.js';
import type { StateStore } from '../store/state-store.js';
import { openFactors, sealFactors } from './seal.js';

/** What a SAD allows, as kept in the store (under the SAD's hash, never the SAD itself). */
export interface SadGrant {
  credentialId: string;
  principalId: string;
  /** Signatures still allowed. */
  remaining: number;
  /** Hex digests the SAD is bound to (SCAL 2), each signable once; absent: bound to `remaining` only. */
  hashes?: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
}

interface Stored extends SadGrant {
  v: 1;
  sealed?: string;
}

export interface Redeemed {
  grant: SadGrant;
  factors: AuthFactors;
}

function storeKey(sad: string): string {
  return `sad:${createHash('sha256').update(sad, 'utf8').digest('hex')}`;
}

/** Issues a SAD: 256 random bits, base64url. Factors (a PIN) are stored only sealed under it. */
export async function issueSad(
  store: StateStore,
  grant: SadGrant,
  factors: AuthFactors,
): Promise<{ sad: string; expiresIn: number }> {
  const sad = randomBytes(32).toString('base64url');
  const key = storeKey(sad);
  const stored: Stored = {
    v: 1,
    ...grant,
    ...(factors.pin !== undefined ? { sealed: sealFactors(factors, sad, key) } : {}),
  };
  const ttl = grant.expiresAt - Date.now();
  await store.set(key, JSON.stringify(stored), ttl);
  return { sad, expiresIn: Math.max(1, Math.round(ttl / 1000)) };
}

function expired(): KysoError {
  return new KysoError('CREDENTIAL_NOT_AUTHORIZED', {
    params: { detail: 'the SAD is unknown, expired or used up' },
  });
}

/**
 * Takes a SAD out of the store (atomically: of two requests racing with one SAD, one gets nothing).
 * What is left of it goes back with `restore` once the use is settled; a SAD shown with the wrong
 * hashes, credential or principal is not restored — who holds it is not whom it was issued to.
 */
export async function redeemSad(store: StateStore, sad: string): Promise<Redeemed> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(sad)) throw expired();
  const key = storeKey(sad);
  const text = await store.take(key);
  if (text === undefined) throw expired();
  const stored = JSON.parse(text) as Stored;
  if (stored.v !== 1 || stored.expiresAt <= Date.now()) throw expired();
  const { v: _v, sealed, ...grant } = stored;
  return { grant, factors: sealed ? openFactors(sealed, sad, key) : {} };
}

/** Puts back what a SAD still allows, with its original expiry. */
export async function restoreSad(
  store: StateStore,
  sad: string,
  grant: SadGrant,
  factors: AuthFactors,
): Promise<void> {
  const ttl = grant.expiresAt - Date.now();
  if (grant.remaining <= 0 || ttl <= 0) return;
  const key = storeKey(sad);
  const stored: Stored = {
    v: 1,
    ...grant,
    ...(factors.pin !== undefined ? { sealed: sealFactors(factors, sad, key) } : {}),
  };
  await store.set(key, JSON.stringify(stored), ttl);
}
