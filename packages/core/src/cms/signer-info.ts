import {
  type Asn1,
  bytesOf,
  Cursor,
  readIntegerBytes,
  readOctets,
  readSmallInteger,
  TAG,
} from '../asn1/index.js';
import { type AlgorithmIdentifier, readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { type Name, readName } from '../x509/name.js';
import { type Attribute, readAttributes } from './attribute.js';

export type SignerIdentifier =
  | { kind: 'issuerSerial'; issuer: Name; serialNumber: Uint8Array }
  | { kind: 'subjectKeyId'; keyId: Uint8Array };

/**
 * SignerInfo ::= SEQUENCE { version, sid SignerIdentifier, digestAlgorithm,
 *   signedAttrs [0] IMPLICIT SignedAttributes OPTIONAL, signatureAlgorithm, signature OCTET STRING,
 *   unsignedAttrs [1] IMPLICIT UnsignedAttributes OPTIONAL }
 */
export interface SignerInfo {
  der: Uint8Array;
  version: number;
  sid: SignerIdentifier;
  digestAlgorithm: AlgorithmIdentifier;
  /** The signed attributes as written, and the exact bytes the signature covers (the SET form). */
  signedAttrs?: { node: Asn1; attributes: Attribute[]; signedBytes: Uint8Array };
  signatureAlgorithm: AlgorithmIdentifier;
  signature: Uint8Array;
  unsignedAttrs: Attribute[];
}

export function readSignerInfo(node: Asn1): SignerInfo {
  const c = new Cursor(node, 'SignerInfo');
  const version = readSmallInteger(c.next(TAG.INTEGER), 'SignerInfo version');
  const sidNode = c.next();
  let sid: SignerIdentifier;
  if (sidNode.cls === 0 && sidNode.tag === TAG.SEQUENCE) {
    const s = new Cursor(sidNode, 'IssuerAndSerialNumber');
    const issuer = readName(s.next(TAG.SEQUENCE), 'issuer');
    const serialNumber = readIntegerBytes(s.next(TAG.INTEGER), 'serialNumber');
    s.end();
    sid = { kind: 'issuerSerial', issuer, serialNumber };
  } else if (sidNode.cls === 2 && sidNode.tag === 0) {
    sid = { kind: 'subjectKeyId', keyId: readOctets(sidNode, 'subjectKeyIdentifier') };
  } else {
    throw new TypeError('SignerInfo: unknown signer identifier');
  }
  const digestAlgorithm = readAlgorithmIdentifier(c.next(TAG.SEQUENCE), 'digestAlgorithm');
  const signed = c.context(0);
  const signatureAlgorithm = readAlgorithmIdentifier(c.next(TAG.SEQUENCE), 'signatureAlgorithm');
  const signature = readOctets(c.next(TAG.OCTET_STRING), 'signature');
  const unsigned = c.context(1);
  c.end();
  let signedAttrs: SignerInfo['signedAttrs'];
  if (signed) {
    if (!signed.constructed) throw new TypeError('signedAttrs is not constructed');
    // RFC 5652 §5.4: the signature covers the DER of the SET OF, i.e. the same bytes with the SET tag.
    const signedBytes = bytesOf(signed).slice();
    signedBytes[0] = 0x31;
    signedAttrs = { node: signed, attributes: readAttributes(signed), signedBytes };
  }
  return {
    der: bytesOf(node),
    version,
    sid,
    digestAlgorithm,
    ...(signedAttrs ? { signedAttrs } : {}),
    signatureAlgorithm,
    signature,
    unsignedAttrs: unsigned ? readAttributes(unsigned) : [],
  };
}
