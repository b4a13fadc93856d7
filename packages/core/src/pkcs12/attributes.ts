import { type Asn1, readOctets, readOid, readString, sequence, TAG } from '../asn1/index.js';
import { OID } from '../oids.js';

/** The bag attributes kyso uses (RFC 7292 §4.2, PKCS #9). */
export interface BagAttributes {
  /** PKCS #9 friendlyName: the label Windows and browsers show. */
  friendlyName?: string;
  /** PKCS #9 localKeyId: ties a key to its certificate (OpenSSL writes the certificate's SHA-1). */
  localKeyId?: Uint8Array;
}

/**
 * bagAttributes SET OF PKCS12Attribute, PKCS12Attribute ::= SEQUENCE { attrId OBJECT IDENTIFIER,
 * attrValues SET OF ANY }. Attributes of other types (Microsoft's CSP name, …) are skipped.
 */
export function readBagAttributes(node: Asn1 | undefined): BagAttributes {
  const out: BagAttributes = {};
  if (!node) return out;
  for (const attribute of sequence(node, 'bagAttributes', TAG.SET)) {
    const [type, values] = sequence(attribute, 'PKCS12Attribute');
    if (!type || !values) throw new TypeError('PKCS12Attribute: missing part');
    const oid = readOid(type, 'attrId');
    const [first] = sequence(values, 'attrValues', TAG.SET);
    if (!first) continue;
    if (oid === OID.friendlyName && out.friendlyName === undefined) {
      out.friendlyName = readString(first, 'friendlyName');
    } else if (oid === OID.localKeyId && out.localKeyId === undefined) {
      out.localKeyId = readOctets(first, 'localKeyId');
    }
  }
  return out;
}
