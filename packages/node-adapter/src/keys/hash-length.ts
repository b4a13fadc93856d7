import type { HashAlg } from '@kyso/core';

/** Digest sizes of the hashes signers take. */
export const DIGEST_LENGTH_BY_HASH: Record<HashAlg, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
