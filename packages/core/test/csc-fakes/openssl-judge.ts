import { createPublicKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestIdentity } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';

/**
 * openssl as the independent judge of a signature value over a digest (`pkeyutl -verify` does no
 * hashing of its own): PKCS#1 v1.5 with the DigestInfo of `hash`, PSS with MGF1 and a salt as long as
 * the hash, ECDSA in DER.
 */
export async function opensslVerifies(
  identity: TestIdentity,
  scheme: 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA',
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512',
  digest: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const dir = await tempDir('kyso-csc-');
  try {
    const pub = join(dir.path, 'pub.pem');
    const input = join(dir.path, 'digest.bin');
    const sig = join(dir.path, 'sig.bin');
    await writeFile(pub, createPublicKey(identity.certificatePem).export({ type: 'spki', format: 'pem' }));
    await writeFile(input, digest);
    await writeFile(sig, signature);
    const md = hash.replace('-', '').toLowerCase();
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-in', input, '-sigfile', sig];
    if (scheme !== 'ECDSA') args.push('-pkeyopt', `digest:${md}`);
    if (scheme === 'RSASSA-PSS')
      args.push('-pkeyopt', 'rsa_padding_mode:pss', '-pkeyopt', `rsa_pss_saltlen:${digest.length}`);
    const result = await openssl(args);
    return result.code === 0 && /Signature Verified Successfully/i.test(result.stdout);
  } finally {
    await dir.remove();
  }
}
