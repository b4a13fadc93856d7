import { type Asn1, bytesOf, Cursor, children, der, readOid, TAG } from '../asn1/index.js';

/** Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF AttributeValue } */
export interface Attribute {
  oid: string;
  values: Asn1[];
  der: Uint8Array;
}

export function readAttribute(node: Asn1): Attribute {
  const c = new Cursor(node, 'Attribute');
  const oid = readOid(c.next(TAG.OID), 'attrType');
  const values = children(c.next(TAG.SET));
  c.end();
  return { oid, values, der: bytesOf(node) };
}

/** The attributes of a SET OF Attribute (or of its IMPLICIT-tagged form). */
export function readAttributes(node: Asn1): Attribute[] {
  return children(node).map(readAttribute);
}

/** The one value of a single-valued attribute; undefined when absent, an error when repeated. */
export function singleValue(attributes: readonly Attribute[], oid: string): Asn1 | undefined {
  const found = attributes.filter((a) => a.oid === oid);
  if (found.length === 0) return undefined;
  if (found.length > 1 || found[0]!.values.length !== 1)
    throw new TypeError(`attribute ${oid} must occur once with one value`);
  return found[0]!.values[0];
}

export function buildAttribute(oid: string, ...values: Uint8Array[]): Uint8Array {
  return der.seq(der.oid(oid), der.set(...values));
}
