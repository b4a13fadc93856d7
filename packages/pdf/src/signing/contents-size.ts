import { assembleCms, type HashAlg, type SigScheme } from '@kyso/core';

/**
 * The /Contents capacity for a signature: the exact size of the CMS this signer would write (its
 * chain, the largest signature value its key can give), a time-stamp allowance when one will be
 * added, and a margin. No dry-run signature is needed: that would cost a PIN or a remote approval.
 */
export function contentsCapacity(options: {
  certificates: Uint8Array[];
  signedAttributesLength: number;
  keyBits: number;
  keyKind: 'RSA' | 'EC' | 'other';
  hash: HashAlg;
  scheme: SigScheme;
  timestampAllowance: number;
  margin?: number;
}): number {
  const sigLength =
    options.keyKind === 'RSA'
      ? Math.ceil(options.keyBits / 8)
      : options.keyKind === 'EC'
        ? 2 * Math.ceil(options.keyBits / 8) + 9
        : 512;
  const probe = assembleCms(
    {
      version: 1,
      signedAttributes: '',
      hash: options.hash,
      scheme: options.scheme,
      signerCertificateSha256: '0'.repeat(64),
      contentDigest: '',
      createdAt: '',
    },
    new Uint8Array(sigLength),
    { certificates: options.certificates },
  );
  return (
    probe.length + options.signedAttributesLength + options.timestampAllowance + (options.margin ?? 1024)
  );
}
