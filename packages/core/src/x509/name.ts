import { type Asn1, bytesOf, Cursor, children, readOid, readString, sequence, TAG } from '../asn1/index.js';
import { toHex } from '../bytes/bytes.js';
import { OID } from '../oids.js';

export interface NameAttribute {
  oid: string;
  /** Short name (CN, O, UID…) or the dotted OID for types without one. */
  type: string;
  value: string;
}

/** A distinguished name with its DER kept: names are compared and copied as bytes, never re-encoded. */
export interface Name {
  der: Uint8Array;
  /** RDNs in encoded order (most general first); usually one attribute each. */
  rdns: NameAttribute[][];
}

const SHORT: Record<string, string> = {
  [OID.C]: 'C',
  [OID.ST]: 'ST',
  [OID.L]: 'L',
  [OID.O]: 'O',
  [OID.OU]: 'OU',
  [OID.CN]: 'CN',
  [OID.title]: 'title',
  [OID.SN]: 'SN',
  [OID.GN]: 'GN',
  [OID.serialNumber]: 'serialNumber',
  [OID.street]: 'street',
  [OID.postalCode]: 'postalCode',
  [OID.organizationIdentifier]: 'organizationIdentifier',
  [OID.UID]: 'UID',
  [OID.DC]: 'DC',
  [OID.emailAddress]: 'emailAddress',
};

function attributeValue(node: Asn1): string {
  try {
    return readString(node).normalize('NFC');
  } catch {
    // RFC 4514 §2.4: a value that is not a string is shown as # and the hex of its encoding.
    return `#${toHex(bytesOf(node))}`;
  }
}

/** Name ::= SEQUENCE OF RelativeDistinguishedName; RDN ::= SET OF AttributeTypeAndValue */
export function readName(node: Asn1, what = 'Name'): Name {
  const rdns = sequence(node, what).map((rdn) =>
    sequence(rdn, `${what} RDN`, TAG.SET).map((atv) => {
      const c = new Cursor(atv, `${what} attribute`);
      const oid = readOid(c.next(TAG.OID));
      const value = attributeValue(c.next());
      c.end();
      return { oid, type: SHORT[oid] ?? oid, value };
    }),
  );
  return { der: bytesOf(node), rdns };
}

function escapeValue(value: string): string {
  if (value.startsWith('#') && /^#[0-9a-f]+$/.test(value)) return value;
  return value
    .replace(/[\\"+,;<>=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** RFC 4514 string: most specific RDN first, multi-valued RDNs joined by "+", UTF-8 kept. */
export function formatName(name: Name): string {
  return [...name.rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.type}=${escapeValue(a.value)}`).join('+'))
    .join(',');
}

/** Every value of one attribute type, in encoded order. */
export function nameValues(name: Name, oid: string): string[] {
  return name.rdns.flatMap((rdn) => rdn.filter((a) => a.oid === oid).map((a) => a.value));
}

/** The most specific common name. */
export function commonName(name: Name): string | undefined {
  return nameValues(name, OID.CN).at(-1);
}

/** Vietnamese identifier prefixes (VN-PROFILE.md): tax code, budget code, citizen IDs, passport, insurance. */
export const VN_IDENTIFIER_PREFIXES = ['MST', 'MNS', 'CCCD', 'CMND', 'HC', 'BHXH'] as const;
const IDENTIFIER = new RegExp(`^(${VN_IDENTIFIER_PREFIXES.join('|')})\\s*[:=]\\s*(\\S.*)$`, 'i');

/**
 * Identifiers from UID (and serialNumber, where some CAs put them): "MST:0100000001" → { MST: … }.
 * Keys without the colon, uppercase.
 */
export function identifiers(name: Name): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of [...nameValues(name, OID.UID), ...nameValues(name, OID.serialNumber)]) {
    const m = IDENTIFIER.exec(value.trim());
    if (m && !(m[1]!.toUpperCase() in out)) out[m[1]!.toUpperCase()] = m[2]!.trim();
  }
  return out;
}

/** Byte equality of two names (RFC 5280 §7.1 allows more, but signers copy names exactly). */
export function sameName(a: Name, b: Name): boolean {
  const x = a.der;
  const y = b.der;
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The contents of a [4] directoryName in a GeneralName. */
export function readDirectoryName(node: Asn1): Name {
  const [inner] = children(node);
  if (!inner) throw new TypeError('empty directoryName');
  return readName(inner);
}
