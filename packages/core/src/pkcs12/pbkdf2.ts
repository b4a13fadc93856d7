import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { type Asn1, Cursor, readOctets, readSmallInteger, TAG } from '../asn1/index.js';
import { own } from '../bytes/bytes.js';
import { hasNoParameters, readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { OID } from '../oids.js';
import { checkIterations, invalidPkcs12, unsupported } from './errors.js';
import { PKCS12_HASHES, type Pkcs12Hash } from './kdf.js';

const PRF: Record<string, Pkcs12Hash> = {
  [OID.hmacWithSha1]: 'SHA-1',
  [OID.hmacWithSha224]: 'SHA-224',
  [OID.hmacWithSha256]: 'SHA-256',
  [OID.hmacWithSha384]: 'SHA-384',
  [OID.hmacWithSha512]: 'SHA-512',
};

/**
 * PBKDF2-params ::= SEQUENCE {
 *   salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
 *   iterationCount INTEGER (1..MAX), keyLength INTEGER (1..MAX) OPTIONAL,
 *   prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }
 */
export interface Pbkdf2Parameters {
  salt: Uint8Array;
  iterations: number;
  keyLength?: number;
  prf: Pkcs12Hash;
}

/** Reads the parameters of a PBKDF2 AlgorithmIdentifier (RFC 8018 §A.2). */
export function readPbkdf2(node: Asn1): Pbkdf2Parameters {
  const kdf = readAlgorithmIdentifier(node, 'keyDerivationFunc');
  if (kdf.oid !== OID.pbkdf2) throw unsupported(`key derivation ${kdf.oid}`);
  if (!kdf.parameters) throw invalidPkcs12('PBKDF2 without parameters');
  const c = new Cursor(kdf.parameters, 'PBKDF2-params');
  const saltNode = c.next();
  if (!(saltNode.cls === 0 && saltNode.tag === TAG.OCTET_STRING))
    throw unsupported('PBKDF2 with a salt from another source');
  const salt = readOctets(saltNode, 'PBKDF2 salt');
  const iterations = checkIterations(readSmallInteger(c.next(TAG.INTEGER), 'iterationCount'), 'PBKDF2');
  const lengthNode = c.optional(TAG.INTEGER);
  const keyLength = lengthNode ? readSmallInteger(lengthNode, 'keyLength') : undefined;
  if (keyLength !== undefined && (keyLength < 1 || keyLength > 1024))
    throw invalidPkcs12(`PBKDF2 key length ${keyLength}`);
  const prfNode = c.optional(TAG.SEQUENCE);
  c.end();
  let prf: Pkcs12Hash = 'SHA-1';
  if (prfNode) {
    const alg = readAlgorithmIdentifier(prfNode, 'PBKDF2 prf');
    const hash = PRF[alg.oid];
    if (!hash || !hasNoParameters(alg)) throw unsupported(`PBKDF2 pseudo-random function ${alg.oid}`);
    prf = hash;
  }
  return { salt, iterations, ...(keyLength !== undefined ? { keyLength } : {}), prf };
}

/**
 * PBKDF2 (RFC 8018 §5.2): WebCrypto where it can (fast, native), pure JS for HMAC-SHA-224, which
 * WebCrypto lacks, and for WebCrypto implementations that refuse an empty password.
 */
export async function pbkdf2(
  params: Pbkdf2Parameters,
  password: Uint8Array,
  length: number,
  crypto: Crypto,
): Promise<Uint8Array> {
  const { prf, salt, iterations } = params;
  if (prf !== 'SHA-224') {
    try {
      const base = await crypto.subtle.importKey('raw', own(password), 'PBKDF2', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits(
        { name: 'PBKDF2', hash: prf, salt: own(salt), iterations },
        base,
        length * 8,
      );
      return new Uint8Array(bits);
    } catch {
      // fall through to the pure-JS derivation
    }
  }
  return pbkdf2Async(PKCS12_HASHES[prf], password, salt, { c: iterations, dkLen: length });
}
