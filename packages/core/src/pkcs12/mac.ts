import { hmac } from '@noble/hashes/hmac.js';
import { type Asn1, Cursor, readOctets, readSmallInteger, TAG } from '../asn1/index.js';
import { equalBytes, own } from '../bytes/bytes.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { digestFromOid, type HasherFactory } from '../crypto/digest.js';
import { OID } from '../oids.js';
import { checkIterations, invalidPkcs12, unsupported } from './errors.js';
import { KDF_ID, PKCS12_HASHES, type Pkcs12Hash, pkcs12Kdf } from './kdf.js';

/**
 * MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
 * DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
 */
export interface MacData {
  hash: Pkcs12Hash;
  digest: Uint8Array;
  salt: Uint8Array;
  iterations: number;
}

export function readMacData(node: Asn1): MacData {
  const c = new Cursor(node, 'MacData');
  const info = new Cursor(c.next(TAG.SEQUENCE), 'DigestInfo');
  const algorithm = readAlgorithmIdentifier(info.next(TAG.SEQUENCE), 'MAC digestAlgorithm');
  const digest = readOctets(info.next(TAG.OCTET_STRING), 'MAC digest');
  info.end();
  const salt = readOctets(c.next(TAG.OCTET_STRING), 'macSalt');
  const iterationsNode = c.optional(TAG.INTEGER);
  c.end();
  if (algorithm.oid === OID.pbmac1) throw unsupported('PBMAC1 integrity (RFC 9579)');
  const hash = digestFromOid(algorithm.oid);
  if (!hash || !Object.hasOwn(PKCS12_HASHES, hash))
    throw unsupported(`PKCS#12 MAC with ${hash ?? algorithm.oid}`);
  const h = hash as Pkcs12Hash;
  if (digest.length !== PKCS12_HASHES[h].outputLen)
    throw invalidPkcs12(`a ${h} MAC of ${digest.length} bytes`);
  const iterations = iterationsNode ? readSmallInteger(iterationsNode, 'MAC iterations') : 1;
  return { hash: h, digest, salt, iterations: checkIterations(iterations, 'MAC') };
}

/**
 * Checks the integrity MAC (RFC 7292 §5): HMAC over the authSafe content with a key from the PKCS#12
 * KDF (id 3) of the BMPString password. False means a wrong password (or a damaged file). The HMAC
 * is WebCrypto's (pure JS for SHA-224, which it lacks); the KDF hashes with `hasher` when given.
 */
export async function verifyMac(
  mac: MacData,
  authSafe: Uint8Array,
  bmpPassword: Uint8Array,
  provider: { crypto: Crypto; hasher?: HasherFactory | undefined },
): Promise<boolean> {
  const h = PKCS12_HASHES[mac.hash];
  const key = pkcs12Kdf(
    mac.hash,
    bmpPassword,
    mac.salt,
    mac.iterations,
    KDF_ID.mac,
    h.outputLen,
    provider.hasher,
  );
  if (mac.hash === 'SHA-224') return equalBytes(hmac(h, key, authSafe), mac.digest);
  const subtle = provider.crypto.subtle;
  const hmacKey = await subtle.importKey('raw', own(key), { name: 'HMAC', hash: mac.hash }, false, [
    'verify',
  ]);
  return subtle.verify('HMAC', hmacKey, own(mac.digest), own(authSafe));
}
