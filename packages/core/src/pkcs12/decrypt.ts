import type { AlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { OID } from '../oids.js';
import { unsupported } from './errors.js';
import type { Password } from './password.js';
import { pbes2Decrypt } from './pbes2.js';
import { isPkcs12Pbe, pkcs12PbeDecrypt } from './pkcs12-pbe.js';

const KNOWN_UNSUPPORTED: Record<string, string> = {
  [OID.pbeWithSha1And128BitRc4]: 'pbeWithSHAAnd128BitRC4',
  [OID.pbeWithSha1And40BitRc4]: 'pbeWithSHAAnd40BitRC4',
};

/**
 * Password-based decryption as PKCS#12 files use it: PBES2 (UTF-8 password) or the PKCS#12 PBE
 * schemes (BMPString password). Throws DecryptionFailed when the password looks wrong,
 * UNSUPPORTED_ALGORITHM for other schemes.
 */
export async function passwordDecrypt(
  algorithm: AlgorithmIdentifier,
  data: Uint8Array,
  password: Password,
  crypto: Crypto,
): Promise<Uint8Array> {
  if (algorithm.oid === OID.pbes2) return pbes2Decrypt(algorithm.parameters, data, password.utf8, crypto);
  if (isPkcs12Pbe(algorithm.oid))
    return pkcs12PbeDecrypt(algorithm.oid, algorithm.parameters, data, password.bmp);
  throw unsupported(KNOWN_UNSUPPORTED[algorithm.oid] ?? `password-based encryption ${algorithm.oid}`);
}
