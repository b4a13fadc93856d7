import {
  type Asn1,
  bytesOf,
  Cursor,
  decode,
  readBitString,
  readInteger,
  readOid,
  TAG,
} from '../asn1/index.js';
import { OID } from '../oids.js';
import { readAlgorithmIdentifier } from './algorithm-identifier.js';

export type EcCurve =
  | 'P-256'
  | 'P-384'
  | 'P-521'
  | 'brainpoolP256r1'
  | 'brainpoolP384r1'
  | 'brainpoolP512r1'
  | 'secp256k1';

interface Base {
  /** The whole SubjectPublicKeyInfo as written. */
  spki: Uint8Array;
  /** Strength in bits (RSA modulus, curve size), for the weak-algorithm policy. */
  bits: number;
}

export type PublicKey =
  | (Base & { kind: 'RSA'; n: bigint; e: bigint })
  | (Base & { kind: 'EC'; curve: EcCurve; point: Uint8Array })
  | (Base & { kind: 'Ed25519' | 'Ed448'; key: Uint8Array });

const CURVES: Record<string, [EcCurve, number]> = {
  [OID.p256]: ['P-256', 256],
  [OID.p384]: ['P-384', 384],
  [OID.p521]: ['P-521', 521],
  [OID.brainpoolP256r1]: ['brainpoolP256r1', 256],
  [OID.brainpoolP384r1]: ['brainpoolP384r1', 384],
  [OID.brainpoolP512r1]: ['brainpoolP512r1', 512],
  [OID.secp256k1]: ['secp256k1', 256],
};

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/**
 * SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
 * Undefined for key types kyso does not handle (DSA, explicit curve parameters…).
 */
export function readPublicKey(node: Asn1): PublicKey | undefined {
  const c = new Cursor(node, 'SubjectPublicKeyInfo');
  const alg = readAlgorithmIdentifier(c.next(TAG.SEQUENCE), 'SubjectPublicKeyInfo algorithm');
  const { bytes, unusedBits } = readBitString(c.next(TAG.BIT_STRING), 'subjectPublicKey');
  c.end();
  if (unusedBits !== 0) return undefined;
  const spki = bytesOf(node);
  switch (alg.oid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      const k = new Cursor(decode(bytes), 'RSAPublicKey');
      const n = readInteger(k.next(TAG.INTEGER), 'modulus');
      const e = readInteger(k.next(TAG.INTEGER), 'publicExponent');
      k.end();
      if (n <= 0n || e <= 1n) return undefined;
      return { kind: 'RSA', n, e, bits: bitLength(n), spki };
    }
    case OID.ecPublicKey: {
      if (!alg.parameters || alg.parameters.tag !== TAG.OID) return undefined;
      const curve = CURVES[readOid(alg.parameters, 'namedCurve')];
      if (!curve) return undefined;
      return { kind: 'EC', curve: curve[0], point: bytes, bits: curve[1], spki };
    }
    case OID.ed25519:
      return bytes.length === 32 ? { kind: 'Ed25519', key: bytes, bits: 256, spki } : undefined;
    case OID.ed448:
      return bytes.length === 57 ? { kind: 'Ed448', key: bytes, bits: 456, spki } : undefined;
    default:
      return undefined;
  }
}
