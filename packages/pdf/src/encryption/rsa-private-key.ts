import { asn1, KysoError, OID } from '@kyso/core';

/** An RSA private key with its CRT parts (RFC 8017 §A.1.2). */
export interface RsaPrivateKey {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
  /** The modulus length in bytes. */
  size: number;
}

/**
 * Reads PKCS#8 PrivateKeyInfo DER holding an RSA key. Other key types cannot be PDF recipients
 * here (§7.6.5 uses RSA key transport in practice): INVALID_INPUT.
 */
export function readRsaPrivateKey(pkcs8: Uint8Array): RsaPrivateKey {
  try {
    const { Cursor, decode, readInteger, readOctets, readOid, TAG } = asn1;
    const info = new Cursor(decode(pkcs8), 'PrivateKeyInfo');
    info.next(TAG.INTEGER);
    const alg = new Cursor(info.next(TAG.SEQUENCE), 'privateKeyAlgorithm');
    const oid = readOid(alg.next(TAG.OID));
    if (oid !== OID.rsaEncryption) throw new TypeError(`the key is not an RSA key (${oid})`);
    const key = new Cursor(decode(readOctets(info.next(TAG.OCTET_STRING))), 'RSAPrivateKey');
    key.next(TAG.INTEGER);
    const [n, e, d, p, q, dp, dq, qinv] = Array.from({ length: 8 }, () => readInteger(key.next(TAG.INTEGER)));
    if (!n || !e || !d || !p || !q || !dp || !dq || !qinv || p * q !== n)
      throw new TypeError('RSAPrivateKey has inconsistent parts');
    return { n, e, d, p, q, dp, dq, qinv, size: Math.ceil(n.toString(2).length / 8) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `recipient private key: ${detail}` },
      cause: error,
    });
  }
}
