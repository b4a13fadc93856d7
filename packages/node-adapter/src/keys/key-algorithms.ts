import { type HashAlg, KysoError, type PublicKey, parseCertificate, type SigScheme } from '@kyso/core';

const HASHES: readonly HashAlg[] = ['SHA-256', 'SHA-384', 'SHA-512'];

/** The certificate's public key; UNSUPPORTED_ALGORITHM for keys kyso cannot sign with. */
export function signingKeyOf(certificate: Uint8Array): PublicKey & { kind: 'RSA' | 'EC' } {
  const key = parseCertificate(certificate).publicKey;
  if (key?.kind === 'RSA' || key?.kind === 'EC') return key;
  throw new KysoError('UNSUPPORTED_ALGORITHM', { params: { algorithm: `a ${key?.kind ?? 'unknown'} key` } });
}

/**
 * What a digest-signing key can do, preferred first: RSA PKCS#1 v1.5 then PSS (when `pss`), with
 * SHA-256/384/512; ECDSA with the hash matching the curve first.
 */
export function keyAlgorithms(
  key: PublicKey & { kind: 'RSA' | 'EC' },
  options: { pss?: boolean } = {},
): { hash: HashAlg; scheme: SigScheme }[] {
  if (key.kind === 'EC') {
    const first: HashAlg = key.bits <= 256 ? 'SHA-256' : key.bits <= 384 ? 'SHA-384' : 'SHA-512';
    return [first, ...HASHES.filter((h) => h !== first)].map((hash) => ({ hash, scheme: 'ECDSA' as const }));
  }
  const schemes: SigScheme[] =
    options.pss === false ? ['RSASSA-PKCS1-v1_5'] : ['RSASSA-PKCS1-v1_5', 'RSASSA-PSS'];
  return schemes.flatMap((scheme) => HASHES.map((hash) => ({ hash, scheme })));
}

/** Refuses a request the key cannot do, and a digest of the wrong size, before anything is signed. */
export function checkRequest(
  algorithms: readonly { hash: HashAlg; scheme: SigScheme }[],
  request: { digest: Uint8Array; hash: HashAlg; scheme: SigScheme },
): void {
  if (!algorithms.some((a) => a.hash === request.hash && a.scheme === request.scheme))
    throw new KysoError('UNSUPPORTED_ALGORITHM', {
      params: { algorithm: `${request.scheme} with ${request.hash} for this key` },
    });
  const length = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 }[request.hash];
  if (request.digest.length !== length)
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `a ${request.hash} digest is ${length} bytes, not ${request.digest.length}` },
    });
}
