import { type Asn1, Cursor, readOctets, readSmallInteger, TAG } from '../asn1/index.js';
import { OID } from '../oids.js';
import { type BlockCipher, decryptCbc8 } from './block-cipher.js';
import { tripleDesCipher } from './des.js';
import { checkIterations, invalidPkcs12 } from './errors.js';
import { KDF_ID, pkcs12Kdf } from './kdf.js';
import { rc2Cipher } from './rc2.js';

/** The PKCS#12 password-based encryption schemes (RFC 7292 Appendix C) with a block cipher. */
const SCHEMES: Record<string, { keyLength: number; cipher: (key: Uint8Array) => BlockCipher }> = {
  [OID.pbeWithSha1And3KeyTripleDesCbc]: { keyLength: 24, cipher: tripleDesCipher },
  [OID.pbeWithSha1And2KeyTripleDesCbc]: { keyLength: 16, cipher: tripleDesCipher },
  [OID.pbeWithSha1And128BitRc2Cbc]: { keyLength: 16, cipher: (key) => rc2Cipher(key, 128) },
  [OID.pbeWithSha1And40BitRc2Cbc]: { keyLength: 5, cipher: (key) => rc2Cipher(key, 40) },
};

export function isPkcs12Pbe(oid: string): boolean {
  return Object.hasOwn(SCHEMES, oid);
}

/**
 * pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }. Key and IV come from the
 * PKCS#12 KDF with SHA-1 (ids 1 and 2) over the BMPString password.
 */
export function pkcs12PbeDecrypt(
  oid: string,
  params: Asn1 | undefined,
  data: Uint8Array,
  bmpPassword: Uint8Array,
): Uint8Array {
  const scheme = SCHEMES[oid];
  if (!scheme) throw new TypeError(`not a PKCS#12 PBE scheme: ${oid}`);
  if (!params) throw invalidPkcs12('PBE without parameters');
  const c = new Cursor(params, 'pkcs-12PbeParams');
  const salt = readOctets(c.next(TAG.OCTET_STRING), 'PBE salt');
  const iterations = checkIterations(readSmallInteger(c.next(TAG.INTEGER), 'PBE iterations'), 'PBE');
  c.end();
  const key = pkcs12Kdf('SHA-1', bmpPassword, salt, iterations, KDF_ID.key, scheme.keyLength);
  const iv = pkcs12Kdf('SHA-1', bmpPassword, salt, iterations, KDF_ID.iv, 8);
  return decryptCbc8(scheme.cipher(key), iv, data);
}
