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

/** What kyso needs of a curve of @noble/curves. */
interface Curve {
  Point: { fromBytes(bytes: Uint8Array): { toBytes(compressed?: boolean): Uint8Array } };
  getPublicKey(secretKey: Uint8Array, compressed?: boolean): Uint8Array;
  lengths: { secretKey?: number };
}

// The curves load on first use: building them (field tables, precomputed points) costs a fresh
// process tens of milliseconds, and an RSA key, the common case, never needs one.
const nist = () => import('@noble/curves/nist.js');
const misc = () => import('@noble/curves/misc.js');
const CURVES: Record<string, { name: EcCurve; bits: number; load: () => Promise<Curve> }> = {
  [OID.p256]: { name: 'P-256', bits: 256, load: async () => (await nist()).p256 },
  [OID.p384]: { name: 'P-384', bits: 384, load: async () => (await nist()).p384 },
  [OID.p521]: { name: 'P-521', bits: 521, load: async () => (await nist()).p521 },
  [OID.brainpoolP256r1]: {
    name: 'brainpoolP256r1',
    bits: 256,
    load: async () => (await misc()).brainpoolP256r1,
  },
  [OID.brainpoolP384r1]: {
    name: 'brainpoolP384r1',
    bits: 384,
    load: async () => (await misc()).brainpoolP384r1,
  },
  [OID.brainpoolP512r1]: {
    name: 'brainpoolP512r1',
    bits: 512,
    load: async () => (await misc()).brainpoolP512r1,
  },
  [OID.secp256k1]: {
    name: 'secp256k1',
    bits: 256,
    load: async () => (await import('@noble/curves/secp256k1.js')).secp256k1,
  },
};

const explicitInner = (node: Asn1) => readElement(node.source, node.contentStart, node.contentEnd);

/** RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent, … } */
function readRsa(der: Uint8Array, key: Uint8Array): Extract<PrivateKeyInfo, { kind: 'RSA' }> {
  const c = new Cursor(decode(key), 'RSAPrivateKey');
  readSmallInteger(c.next(TAG.INTEGER), 'RSAPrivateKey version');
  const n = readInteger(c.next(TAG.INTEGER), 'modulus');
  const e = readInteger(c.next(TAG.INTEGER), 'publicExponent');
  if (n <= 0n || e <= 1n) throw new TypeError('RSAPrivateKey: impossible public key');
  return { kind: 'RSA', der, n, e, bits: n.toString(2).length };
}

/** A key as read without curve arithmetic: an EC or EdDSA key's public half is not derived yet. */
type ParsedKey =
  | Extract<PrivateKeyInfo, { kind: 'RSA' | 'other' }>
  | { kind: 'EC'; der: Uint8Array; curveOid: string; d: Uint8Array; encodedPoint: Uint8Array | undefined }
  | { kind: 'Ed25519' | 'Ed448'; der: Uint8Array; seed: Uint8Array };

/**
 * ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING,
 *   parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL } (RFC 5915)
 */
function readEc(der: Uint8Array, key: Uint8Array, curveOid: string | undefined): ParsedKey {
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
  if (!oid || !CURVES[oid])
    return { kind: 'other', der, oid: `${OID.ecPublicKey} ${oid ?? '(explicit curve)'}` };
  const encodedPoint = publicKey
    ? readBitString(explicitInner(publicKey), 'ECPrivateKey publicKey').bytes
    : undefined;
  return { kind: 'EC', der, curveOid: oid, d, encodedPoint };
}

/**
 * PrivateKeyInfo / OneAsymmetricKey ::= SEQUENCE { version INTEGER, privateKeyAlgorithm
 * AlgorithmIdentifier, privateKey OCTET STRING, attributes [0] OPTIONAL, publicKey [1] OPTIONAL }
 * (RFC 5208, RFC 5958), read without curve arithmetic.
 */
function parsePrivateKey(der: Uint8Array): ParsedKey {
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
      return { kind: ed ? 'Ed25519' : 'Ed448', der, seed };
    }
    default:
      // RSASSA-PSS-restricted keys, DSA, GOST…: carried, not interpreted
      return { kind: 'other', der, oid: alg.oid };
  }
}

/** An uncompressed SEC1 point of a curve of `bits`, as found: no arithmetic, so not checked on the curve. */
function uncompressed(point: Uint8Array | undefined, bits: number): Uint8Array | undefined {
  const size = Math.ceil(bits / 8);
  return point && point.length === 1 + 2 * size && point[0] === 0x04 ? point : undefined;
}

/**
 * A PKCS#8 private key read far enough to know its type and its public half (RFC 5208, RFC 5958):
 * an EC point is checked on its curve, or derived from the private scalar when the writer left it
 * out; an EdDSA public key is derived from the seed. Rejects (Asn1Error, TypeError) a malformed key.
 */
export async function readPrivateKeyInfo(der: Uint8Array): Promise<PrivateKeyInfo> {
  const key = parsePrivateKey(der);
  switch (key.kind) {
    case 'RSA':
    case 'other':
      return key;
    case 'Ed25519':
      return {
        kind: 'Ed25519',
        der,
        publicKey: (await import('@noble/curves/ed25519.js')).ed25519.getPublicKey(key.seed),
      };
    case 'Ed448':
      return {
        kind: 'Ed448',
        der,
        publicKey: (await import('@noble/curves/ed448.js')).ed448.getPublicKey(key.seed),
      };
    case 'EC': {
      const spec = CURVES[key.curveOid]!;
      const curve = await spec.load();
      let point: Uint8Array;
      if (key.encodedPoint) point = curve.Point.fromBytes(key.encodedPoint).toBytes(false);
      else {
        const size = curve.lengths.secretKey ?? key.d.length;
        if (key.d.length > size) throw new TypeError('ECPrivateKey: private key longer than the curve');
        const padded = new Uint8Array(size);
        padded.set(key.d, size - key.d.length);
        point = curve.getPublicKey(padded, false);
      }
      return { kind: 'EC', der, curve: spec.name, bits: spec.bits, point };
    }
  }
}

/**
 * The key's type and public half when they can be known without curve arithmetic (RSA, EC keys
 * that carry their uncompressed point), for a check against a certificate that must be synchronous;
 * undefined when readPrivateKeyInfo must finish the job. Throws on a malformed key.
 */
export function readPrivateKeyInfoNow(der: Uint8Array): PrivateKeyInfo | undefined {
  const key = parsePrivateKey(der);
  if (key.kind === 'RSA' || key.kind === 'other') return key;
  if (key.kind !== 'EC') return undefined;
  const spec = CURVES[key.curveOid]!;
  const point = uncompressed(key.encodedPoint, spec.bits);
  return point ? { kind: 'EC', der, curve: spec.name, bits: spec.bits, point } : undefined;
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
      // the key's point is uncompressed: a compressed certificate key is its x with y's parity
      const x = key.point.subarray(1, 1 + (key.point.length - 1) / 2);
      const odd = (key.point.at(-1)! & 1) === 1;
      if (pub.point[0] === 0x04) return equalBytes(pub.point, key.point);
      if (pub.point[0] === (odd ? 0x03 : 0x02)) return equalBytes(pub.point.subarray(1), x);
      return false;
    }
    case 'Ed25519':
    case 'Ed448':
      return pub.kind === key.kind && equalBytes(pub.key, key.publicKey);
  }
}
