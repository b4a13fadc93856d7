import { asn1, OID } from '@kyso/core';

type Asn1 = asn1.Asn1;

const { Cursor, bytesOf, children, contentOf, decode, readElement, readOctets, readOid, TAG } = asn1;

/** A KeyTransRecipientInfo (RFC 5652 §6.2.1): who it is for and the wrapped content key. */
export interface KeyTransRecipient {
  /** IssuerAndSerialNumber: the issuer Name DER and the serial INTEGER content octets. */
  issuer?: Uint8Array;
  serial?: Uint8Array;
  subjectKeyId?: Uint8Array;
  keyAlgorithm: string;
  keyParameters: Asn1 | undefined;
  encryptedKey: Uint8Array;
}

/** The parts of a CMS EnvelopedData a PDF public-key recipient needs. */
export interface EnvelopedData {
  recipients: KeyTransRecipient[];
  contentAlgorithm: string;
  contentParameters: Asn1 | undefined;
  encryptedContent: Uint8Array;
}

function algorithm(node: Asn1, what: string): { oid: string; parameters: Asn1 | undefined } {
  const c = new Cursor(node, what);
  const oid = readOid(c.next(TAG.OID), what);
  return { oid, parameters: c.done ? undefined : c.next() };
}

function keyTrans(node: Asn1): KeyTransRecipient {
  const c = new Cursor(node, 'KeyTransRecipientInfo');
  c.next(TAG.INTEGER);
  const ski = c.context(0);
  const id: Pick<KeyTransRecipient, 'issuer' | 'serial' | 'subjectKeyId'> = {};
  if (ski) id.subjectKeyId = contentOf(ski);
  else {
    const ias = new Cursor(c.next(TAG.SEQUENCE), 'IssuerAndSerialNumber');
    id.issuer = bytesOf(ias.next(TAG.SEQUENCE));
    id.serial = contentOf(ias.next(TAG.INTEGER));
  }
  const alg = algorithm(c.next(TAG.SEQUENCE), 'keyEncryptionAlgorithm');
  return {
    ...id,
    keyAlgorithm: alg.oid,
    keyParameters: alg.parameters,
    encryptedKey: readOctets(c.next(TAG.OCTET_STRING), 'encryptedKey'),
  };
}

/**
 * ContentInfo { id-envelopedData, [0] EnvelopedData } (RFC 5652 §6.1), as a PDF /Recipients string
 * holds it. Recipients other than key transport (key agreement, KEK, password) are skipped.
 */
export function readEnvelopedData(der: Uint8Array): EnvelopedData {
  const info = new Cursor(decode(der, { trailing: 'zeros' }), 'ContentInfo');
  const type = readOid(info.next(TAG.OID), 'contentType');
  if (type !== OID.envelopedData) throw new TypeError(`a recipient is ${type}, not EnvelopedData`);
  const explicit = info.context(0);
  if (!explicit) throw new TypeError('EnvelopedData is missing');
  const env = new Cursor(
    readElement(explicit.source, explicit.contentStart, explicit.contentEnd),
    'EnvelopedData',
  );
  env.next(TAG.INTEGER);
  env.context(0); // originatorInfo
  const recipients = children(env.next(TAG.SET))
    .filter((r) => r.cls === 0 && r.tag === TAG.SEQUENCE)
    .map(keyTrans);
  const eci = new Cursor(env.next(TAG.SEQUENCE), 'EncryptedContentInfo');
  eci.next(TAG.OID);
  const alg = algorithm(eci.next(TAG.SEQUENCE), 'contentEncryptionAlgorithm');
  const content = eci.context(0);
  return {
    recipients,
    contentAlgorithm: alg.oid,
    contentParameters: alg.parameters,
    encryptedContent: content ? readOctets(content, 'encryptedContent') : new Uint8Array(0),
  };
}
