import { type Asn1, Cursor, readOctets, readSmallInteger, TAG } from '../asn1/index.js';
import { own } from '../bytes/bytes.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { OID } from '../oids.js';
import { decryptCbc8 } from './block-cipher.js';
import { desCipher, tripleDesCipher } from './des.js';
import { DecryptionFailed, invalidPkcs12, unsupported } from './errors.js';
import { pbkdf2, readPbkdf2 } from './pbkdf2.js';
import { rc2Cipher } from './rc2.js';

/** The encryption schemes of PBES2 kyso reads (RFC 8018 §B.2, NIST AES OIDs). */
type Scheme =
  | { cipher: 'AES-CBC'; keyLength: 16 | 24 | 32; iv: Uint8Array }
  | { cipher: 'DES-EDE3-CBC' | 'DES-CBC'; keyLength: 24 | 8; iv: Uint8Array }
  | { cipher: 'RC2-CBC'; effectiveBits: number; iv: Uint8Array };

const AES: Record<string, 16 | 24 | 32> = {
  [OID.aes128Cbc]: 16,
  [OID.aes192Cbc]: 24,
  [OID.aes256Cbc]: 32,
};

/** RC2-CBC-Parameter versions for the effective key lengths in use (RFC 2268 §6). */
const RC2_VERSIONS: Record<number, number> = { 160: 40, 120: 64, 58: 128, 52: 56 };

function iv(node: Asn1 | undefined, length: number, what: string): Uint8Array {
  if (!node) throw invalidPkcs12(`${what} without an IV`);
  const bytes = readOctets(node, `${what} IV`);
  if (bytes.length !== length) throw invalidPkcs12(`${what}: IV of ${bytes.length} bytes`);
  return bytes;
}

function readScheme(node: Asn1): Scheme {
  const alg = readAlgorithmIdentifier(node, 'encryptionScheme');
  const aes = AES[alg.oid];
  if (aes) return { cipher: 'AES-CBC', keyLength: aes, iv: iv(alg.parameters, 16, 'AES-CBC') };
  switch (alg.oid) {
    case OID.desEde3Cbc:
      return { cipher: 'DES-EDE3-CBC', keyLength: 24, iv: iv(alg.parameters, 8, 'DES-EDE3-CBC') };
    case OID.desCbc:
      return { cipher: 'DES-CBC', keyLength: 8, iv: iv(alg.parameters, 8, 'DES-CBC') };
    case OID.rc2Cbc: {
      if (!alg.parameters) throw invalidPkcs12('RC2-CBC without parameters');
      // RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING }
      const c = new Cursor(alg.parameters, 'RC2-CBC-Parameter');
      const version = c.optional(TAG.INTEGER);
      const ivNode = c.next(TAG.OCTET_STRING);
      c.end();
      const v = version ? readSmallInteger(version, 'rc2ParameterVersion') : undefined;
      const effectiveBits = v === undefined ? 32 : v >= 256 ? v : RC2_VERSIONS[v];
      if (!effectiveBits || effectiveBits > 1024) throw unsupported(`RC2-CBC parameter version ${v}`);
      return { cipher: 'RC2-CBC', effectiveBits, iv: iv(ivNode, 8, 'RC2-CBC') };
    }
    default:
      throw unsupported(`PBES2 encryption scheme ${alg.oid}`);
  }
}

/**
 * PBES2 decryption (RFC 8018 §6.2). params: PBES2-params ::= SEQUENCE {
 * keyDerivationFunc AlgorithmIdentifier {{PBES2-KDFs}}, encryptionScheme AlgorithmIdentifier }.
 * The password is taken as UTF-8 bytes.
 */
export async function pbes2Decrypt(
  params: Asn1 | undefined,
  data: Uint8Array,
  password: Uint8Array,
  crypto: Crypto,
): Promise<Uint8Array> {
  if (!params) throw invalidPkcs12('PBES2 without parameters');
  const c = new Cursor(params, 'PBES2-params');
  const kdf = readPbkdf2(c.next(TAG.SEQUENCE));
  const scheme = readScheme(c.next(TAG.SEQUENCE));
  c.end();

  const keyLength = scheme.cipher === 'RC2-CBC' ? (kdf.keyLength ?? 16) : scheme.keyLength;
  if (kdf.keyLength !== undefined && kdf.keyLength !== keyLength)
    throw invalidPkcs12(`PBKDF2 key length ${kdf.keyLength} does not fit ${scheme.cipher}`);
  const key = await pbkdf2(kdf, password, keyLength, crypto);

  switch (scheme.cipher) {
    case 'AES-CBC': {
      if (data.length === 0 || data.length % 16 !== 0)
        throw invalidPkcs12(`encrypted data of ${data.length} bytes is not whole AES blocks`);
      let aesKey: CryptoKey;
      try {
        aesKey = await crypto.subtle.importKey('raw', own(key), 'AES-CBC', false, ['decrypt']);
      } catch {
        // e.g. AES-192, which Chromium's WebCrypto does not implement
        throw unsupported(`AES-${keyLength * 8}-CBC in this WebCrypto`);
      }
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-CBC', iv: own(scheme.iv) }, aesKey, own(data));
        return new Uint8Array(plain);
      } catch (error) {
        throw new DecryptionFailed('AES-CBC: bad padding', { cause: error });
      }
    }
    case 'DES-EDE3-CBC':
      return decryptCbc8(tripleDesCipher(key), scheme.iv, data);
    case 'DES-CBC':
      return decryptCbc8(desCipher(key), scheme.iv, data);
    case 'RC2-CBC':
      return decryptCbc8(rc2Cipher(key, scheme.effectiveBits), scheme.iv, data);
  }
}
