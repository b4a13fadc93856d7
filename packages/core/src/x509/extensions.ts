import {
  type Asn1,
  Cursor,
  children,
  contentOf,
  decode,
  readBoolean,
  readNamedBits,
  readOctets,
  readOid,
  readSmallInteger,
  sequence,
  TAG,
} from '../asn1/index.js';
import { OID } from '../oids.js';
import { readGeneralName, readGeneralNames } from './general-names.js';

/** Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export interface Extension {
  oid: string;
  critical: boolean;
  /** The DER inside extnValue. */
  value: Uint8Array;
}

export function readExtensions(node: Asn1): Extension[] {
  return sequence(node, 'Extensions').map((ext) => {
    const c = new Cursor(ext, 'Extension');
    const oid = readOid(c.next(TAG.OID));
    const critical = c.optional(TAG.BOOLEAN);
    const value = readOctets(c.next(TAG.OCTET_STRING), 'extnValue');
    c.end();
    return { oid, critical: critical ? readBoolean(critical) : false, value };
  });
}

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE: KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

export function parseKeyUsage(value: Uint8Array): Set<KeyUsage> {
  const bits = readNamedBits(decode(value), 'KeyUsage');
  return new Set([...bits].filter((b) => b < KEY_USAGE.length).map((b) => KEY_USAGE[b]!));
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL } */
export function parseBasicConstraints(value: Uint8Array): { ca: boolean; pathLength?: number } {
  const c = new Cursor(decode(value), 'BasicConstraints');
  const ca = c.optional(TAG.BOOLEAN);
  const len = c.optional(TAG.INTEGER);
  c.end();
  return { ca: ca ? readBoolean(ca) : false, ...(len ? { pathLength: readSmallInteger(len) } : {}) };
}

export function parseExtKeyUsage(value: Uint8Array): string[] {
  return sequence(decode(value), 'ExtKeyUsage').map((n) => readOid(n));
}

export function parseSubjectKeyIdentifier(value: Uint8Array): Uint8Array {
  return readOctets(decode(value), 'SubjectKeyIdentifier');
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING OPTIONAL, … } */
export function parseAuthorityKeyIdentifier(value: Uint8Array): Uint8Array | undefined {
  const c = new Cursor(decode(value), 'AuthorityKeyIdentifier');
  const keyId = c.context(0);
  return keyId ? contentOf(keyId) : undefined;
}

/** AuthorityInfoAccess: the OCSP and caIssuers URIs. */
export function parseAuthorityInfoAccess(value: Uint8Array): { ocsp: string[]; caIssuers: string[] } {
  const out = { ocsp: [] as string[], caIssuers: [] as string[] };
  for (const ad of sequence(decode(value), 'AuthorityInfoAccess')) {
    const c = new Cursor(ad, 'AccessDescription');
    const method = readOid(c.next(TAG.OID));
    const location = readGeneralName(c.next());
    if (location.kind !== 'uri') continue;
    if (method === OID.adOcsp) out.ocsp.push(location.value);
    if (method === OID.adCaIssuers) out.caIssuers.push(location.value);
  }
  return out;
}

/** CRLDistributionPoints: the full-name URIs of each distribution point. */
export function parseCrlDistributionPoints(value: Uint8Array): string[] {
  const urls: string[] = [];
  for (const dp of sequence(decode(value), 'CRLDistributionPoints')) {
    const c = new Cursor(dp, 'DistributionPoint');
    const name = c.context(0);
    if (!name) continue;
    const [choice] = children(name);
    // fullName [0] IMPLICIT GeneralNames; nameRelativeToCRLIssuer [1] is not followed
    if (choice && choice.cls === 2 && choice.tag === 0) {
      for (const g of readGeneralNames(choice)) if (g.kind === 'uri') urls.push(g.value);
    }
  }
  return urls;
}
