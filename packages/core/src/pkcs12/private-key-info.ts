import { ed448 } from '@noble/curves/ed448.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import {
  type Asn1,
  Cursor,
  decode,
  readBitString,
  readInteger,
  readOctets,
  readOid,
  readSmallInteger,
  TAG,
} from '../asn1/index.js';
import { readElement } from '../asn1/reader.js';
import { equalBytes } from '../bytes/bytes.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import type { EcCurve, PublicKey } from '../crypto/public-key.js';
import { OID } from '../oids.js';

/** A PKCS#8 private key, read far enough to know its type and its public half. */
export type PrivateKeyInfo =
  | { kind: 'RSA'; der: Uint8Array; n: bigint; e: bigint; bits: number }
  | { kind: 'EC'; der: Uint8Array; curve: EcCurve; bits: number /** uncompressed SEC1 */; point: Uint8Array }
  | { kind: 'Ed25519' | 'Ed448'; der: Uint8Array; publicKey: Uint8Array }
  | { kind: 'other'; der: Uint8Array; oid: string };

const CURVES: Record<string, { name: EcCurve; bits: number; curve: typeof p256 }> = {
  [OID.p256]: { name: 'P-256', bits: 256, curve: p256 },
  [OID.p384]: { name: 'P-384', bits: 384, curve: p384 },
  [OID.p521]: { name: 'P-521', bits: 521, curve: p521 },
  [OID.brainpoolP256r1]: { name: 'brainpoolP256r1', bits: 256, curve: brainpoolP256r1 },
  [OID.brainpoolP384r1]: { name: 'brainpoolP384r1', bits: 384, curve: brainpoolP384r1 },
  [OID.brainpoolP512r1]: { name: 'brainpoolP512r1', bits: 512, curve: brainpoolP512r1 },
  [OID.secp256k1]: { name: 'secp256k1', bits: 256, curve: secp256k1 },
};

const explicitInner = (node: Asn1) => readElement(node.source, node.contentStart, node.contentEnd);

/** RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent, … } */
function readRsa(der: Uint8Array, key: Uint8Array): PrivateKeyInfo {
  const c = new Cursor(decode(key), 'RSAPrivateKey');
  readSmallInteger(c.next(TAG.INTEGER), 'RSAPrivateKey version');
  const n = readInteger(c.next(TAG.INTEGER), 'modulus');
  const e = readInteger(c.next(TAG.INTEGER), 'publicExponent');
  if (n <= 0n || e <= 1n) throw new TypeError('RSAPrivateKey: impossible public key');
  return { kind: 'RSA', der, n, e, bits: n.toString(2).length };
}

/**
 * ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING,
 *   parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL } (RFC 5915)
 * The public key is derived from the private scalar when the writer left it out.
 */
function readEc(der: Uint8Array, key: Uint8Array, curveOid: string | undefined): PrivateKeyInfo {
  const c = new Cursor(decode(key), 'ECPrivateKey');
  if (readSmallInteger(c.next(TAG.INTEGER), 'ECPrivateKey version') !== 1)
    throw new TypeError('ECPrivateKey: version is not 1');
  const d = readOctets(c.next(TAG.OCTET_STRING), 'ECPrivateKey privateKey');
  const params = c.context(0);
  const publicKey = c.context(1);
  c.end();
  let oid = curveOid;
  if (params) {
    const inner = explicitInner(params);
    if (inner.cls === 0 && inner.tag === TAG.OID) oid ??= readOid(inner, 'ECPrivateKey parameters');
  }
  const spec = oid ? CURVES[oid] : undefined;
  if (!spec) return { kind: 'other', der, oid: `${OID.ecPublicKey} ${oid ?? '(explicit curve)'}` };
  let point: Uint8Array;
  if (publicKey) {
    const bits = readBitString(explicitInner(publicKey), 'ECPrivateKey publicKey');
    point = spec.curve.Point.fromBytes(bits.bytes).toBytes(false);
  } else {
    const size = spec.curve.lengths.secretKey ?? d.length;
    if (d.length > size) throw new TypeError('ECPrivateKey: private key longer than the curve');
    const padded = new Uint8Array(size);
    padded.set(d, size - d.length);
    point = spec.curve.getPublicKey(padded, false);
  }
  return { kind: 'EC', der, curve: spec.name, bits: spec.bits, point };
}

/**
 * PrivateKeyInfo / OneAsymmetricKey ::= SEQUENCE { version INTEGER, privateKeyAlgorithm
 * AlgorithmIdentifier, privateKey OCTET STRING, attributes [0] OPTIONAL, publicKey [1] OPTIONAL }
 * (RFC 5208, RFC 5958). Throws (Asn1Error, TypeError) on a malformed key.
 */
export function readPrivateKeyInfo(der: Uint8Array): PrivateKeyInfo {
  const c = new Cursor(decode(der), 'PrivateKeyInfo');
  const version = readSmallInteger(c.next(TAG.INTEGER), 'PrivateKeyInfo version');
  if (version !== 0 && version !== 1) throw new TypeError(`PrivateKeyInfo version ${version}`);
  const alg = readAlgorithmIdentifier(c.next(TAG.SEQUENCE), 'privateKeyAlgorithm');
  const key = readOctets(c.next(TAG.OCTET_STRING), 'privateKey');
  c.context(0);
  c.context(1);
  c.end();
  switch (alg.oid) {
    case OID.rsaEncryption:
      return readRsa(der, key);
    case OID.ecPublicKey: {
      const p = alg.parameters;
      const curveOid = p && p.cls === 0 && p.tag === TAG.OID ? readOid(p, 'namedCurve') : undefined;
      return readEc(der, key, curveOid);
    }
    case OID.ed25519:
    case OID.ed448: {
      // CurvePrivateKey ::= OCTET STRING (RFC 8410 §7)
      const seed = readOctets(decode(key), 'CurvePrivateKey');
      const ed = alg.oid === OID.ed25519;
      if (seed.length !== (ed ? 32 : 57)) throw new TypeError('CurvePrivateKey: wrong length');
      return ed
        ? { kind: 'Ed25519', der, publicKey: ed25519.getPublicKey(seed) }
        : { kind: 'Ed448', der, publicKey: ed448.getPublicKey(seed) };
    }
    default:
      // RSASSA-PSS-restricted keys, DSA, GOST…: carried, not interpreted
      return { kind: 'other', der, oid: alg.oid };
  }
}

/**
 * Whether a private key is the other half of a certificate's public key; undefined when that cannot
 * be told (key types kyso does not interpret).
 */
export function matchesPublicKey(key: PrivateKeyInfo, pub: PublicKey | undefined): boolean | undefined {
  if (key.kind === 'other' || !pub) return undefined;
  switch (key.kind) {
    case 'RSA':
      return pub.kind === 'RSA' && pub.n === key.n && pub.e === key.e;
    case 'EC': {
      if (pub.kind !== 'EC' || pub.curve !== key.curve) return false;
      const spec = Object.values(CURVES).find((s) => s.name === key.curve)!;
      try {
        return equalBytes(spec.curve.Point.fromBytes(pub.point).toBytes(false), key.point);
      } catch {
        return false;
      }
    }
    case 'Ed25519':
    case 'Ed448':
      return pub.kind === key.kind && equalBytes(pub.key, key.publicKey);
  }
}
