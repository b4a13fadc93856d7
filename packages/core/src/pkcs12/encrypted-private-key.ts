import { type Asn1, Cursor, decode, readOctets, TAG } from '../asn1/index.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { passwordDecrypt } from './decrypt.js';
import { definiteLength } from './definite-length.js';
import { DecryptionFailed } from './errors.js';
import type { Password } from './password.js';
import { type PrivateKeyInfo, readPrivateKeyInfo } from './private-key-info.js';

/**
 * EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier,
 * encryptedData OCTET STRING } (RFC 5958 §3): the pkcs8ShroudedKeyBag, and encrypted PKCS#8 files.
 * A plaintext that is not a private key means the password was wrong (DecryptionFailed).
 */
export async function decryptPrivateKeyInfo(
  node: Asn1,
  password: Password,
  crypto: Crypto,
): Promise<PrivateKeyInfo> {
  const c = new Cursor(node, 'EncryptedPrivateKeyInfo');
  const algorithm = readAlgorithmIdentifier(c.next(TAG.SEQUENCE), 'encryptionAlgorithm');
  const data = readOctets(c.next(TAG.OCTET_STRING), 'encryptedData');
  c.end();
  const plain = await passwordDecrypt(algorithm, data, password, crypto);
  try {
    return await readPrivateKeyInfo(definiteLength(decode(plain)));
  } catch (error) {
    throw new DecryptionFailed('the decrypted data is not a private key', { cause: error });
  }
}
