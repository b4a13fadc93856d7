import {
  type Asn1,
  Cursor,
  children,
  contentOf,
  decode,
  readBoolean,
  readIntegerBytes,
  readOctets,
  readOid,
  readSmallInteger,
  readTime,
  TAG,
} from '../asn1/index.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { type DigestAlgorithm, digestFromOid } from '../crypto/digest.js';
import { type GeneralName, readGeneralName } from '../x509/general-names.js';

/**
 * TSTInfo ::= SEQUENCE { version INTEGER, policy TSAPolicyId, messageImprint MessageImprint,
 *   serialNumber INTEGER, genTime GeneralizedTime, accuracy Accuracy OPTIONAL,
 *   ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL, tsa [0] GeneralName OPTIONAL,
 *   extensions [1] IMPLICIT Extensions OPTIONAL }
 */
export interface TstInfo {
  version: number;
  policy: string;
  /** Undefined when the imprint's hash algorithm is unknown. */
  hash: DigestAlgorithm | undefined;
  hashOid: string;
  imprint: Uint8Array;
  serialNumber: Uint8Array;
  genTime: Date;
  /** Accuracy in milliseconds. */
  accuracyMs?: number;
  ordering: boolean;
  nonce?: Uint8Array;
  tsa?: GeneralName;
}

function accuracy(node: Asn1): number {
  // Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] INTEGER OPTIONAL, micros [1] INTEGER OPTIONAL }
  let ms = 0;
  for (const part of children(node)) {
    const n = (bytes: Uint8Array) => bytes.reduce((v, b) => v * 256 + b, 0);
    if (part.cls === 0 && part.tag === TAG.INTEGER) ms += readSmallInteger(part) * 1000;
    else if (part.cls === 2 && part.tag === 0) ms += n(contentOf(part));
    else if (part.cls === 2 && part.tag === 1) ms += n(contentOf(part)) / 1000;
  }
  return ms;
}

export function parseTstInfo(bytes: Uint8Array): TstInfo {
  const c = new Cursor(decode(bytes), 'TSTInfo');
  const version = readSmallInteger(c.next(TAG.INTEGER), 'TSTInfo version');
  const policy = readOid(c.next(TAG.OID), 'policy');
  const mi = new Cursor(c.next(TAG.SEQUENCE), 'MessageImprint');
  const hashOid = readAlgorithmIdentifier(mi.next(TAG.SEQUENCE), 'hashAlgorithm').oid;
  const imprint = readOctets(mi.next(TAG.OCTET_STRING), 'hashedMessage');
  mi.end();
  const serialNumber = readIntegerBytes(c.next(TAG.INTEGER), 'serialNumber');
  const genTimeNode = c.next(TAG.GENERALIZED_TIME);
  const genTime = readTime(genTimeNode, 'genTime');
  const acc = c.optional(TAG.SEQUENCE);
  const ordering = c.optional(TAG.BOOLEAN);
  const nonce = c.optional(TAG.INTEGER);
  const tsa = c.context(0);
  c.context(1);
  c.end();
  const [tsaName] = tsa ? children(tsa) : [];
  return {
    version,
    policy,
    hash: digestFromOid(hashOid),
    hashOid,
    imprint,
    serialNumber,
    genTime,
    ...(acc ? { accuracyMs: accuracy(acc) } : {}),
    ordering: ordering ? readBoolean(ordering) : false,
    ...(nonce ? { nonce: readIntegerBytes(nonce) } : {}),
    ...(tsaName ? { tsa: readGeneralName(tsaName) } : {}),
  };
}
