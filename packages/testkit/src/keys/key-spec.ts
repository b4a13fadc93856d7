/** Key types the test PKI can make. 1024-bit RSA exists only to test weak-algorithm handling. */
export type KeySpec = 'rsa-1024' | 'rsa-2048' | 'rsa-3072' | 'rsa-4096' | 'ec-p256' | 'ec-p384' | 'ec-p521';

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export const KEY_SPECS: readonly KeySpec[] = [
  'rsa-1024',
  'rsa-2048',
  'rsa-3072',
  'rsa-4096',
  'ec-p256',
  'ec-p384',
  'ec-p521',
];

export function isRsa(spec: KeySpec): boolean {
  return spec.startsWith('rsa-');
}

export function rsaBits(spec: KeySpec): number {
  return Number(spec.slice(4));
}

export function namedCurve(spec: KeySpec): 'P-256' | 'P-384' | 'P-521' {
  switch (spec) {
    case 'ec-p256':
      return 'P-256';
    case 'ec-p384':
      return 'P-384';
    case 'ec-p521':
      return 'P-521';
    default:
      throw new TypeError(`${spec} is not an elliptic-curve key`);
  }
}

/** The hash a signature with this key uses unless told otherwise (matched to the curve's strength). */
export function defaultHash(spec: KeySpec): HashName {
  if (spec === 'ec-p384') return 'SHA-384';
  if (spec === 'ec-p521') return 'SHA-512';
  return 'SHA-256';
}
