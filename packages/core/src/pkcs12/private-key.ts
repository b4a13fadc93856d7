import { decode } from '../asn1/index.js';
import { resolveProvider } from '../crypto/provider.js';
import { isKysoError, KysoError } from '../errors/kyso-error.js';
import { decryptPrivateKeyInfo } from './encrypted-private-key.js';
import { DecryptionFailed } from './errors.js';
import { passwordCandidates } from './password.js';

/**
 * Decrypts an EncryptedPrivateKeyInfo (a `-----BEGIN ENCRYPTED PRIVATE KEY-----` file, DER) to
 * PKCS#8 PrivateKeyInfo DER, with the same schemes as PKCS#12 files: PBES2 and the PKCS#12 PBEs.
 * A wrong password is BAD_PASSWORD, malformed input INVALID_INPUT.
 */
export async function decryptPrivateKey(
  der: Uint8Array,
  password: string,
  options: { crypto?: Crypto } = {},
): Promise<Uint8Array> {
  const { crypto } = resolveProvider(options.crypto ? { crypto: options.crypto } : undefined);
  const candidates = passwordCandidates(password);
  for (let i = 0; ; i++) {
    try {
      const key = await decryptPrivateKeyInfo(decode(der), candidates[i]!, crypto);
      return key.der.slice();
    } catch (error) {
      if (error instanceof DecryptionFailed) {
        if (i < candidates.length - 1) continue;
        throw new KysoError('BAD_PASSWORD', { cause: error });
      }
      if (isKysoError(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new KysoError('INVALID_INPUT', {
        params: { detail: `encrypted private key: ${message}` },
        cause: error,
      });
    }
  }
}
