import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.js';

/**
 * A distinguished name, written most general first as certificates carry it. Strings are UTF-8
 * (Vietnamese diacritics intact); OU may repeat. UID holds the Vietnamese identifiers
 * (`CCCD:…`, `MST:…`, `MNS:…`).
 */
export interface NameSpec {
  C?: string;
  ST?: string;
  L?: string;
  O?: string;
  OU?: string | readonly string[];
  title?: string;
  CN: string;
  UID?: string | readonly string[];
  serialNumber?: string;
  emailAddress?: string;
}

const ORDER = ['C', 'ST', 'L', 'O', 'OU', 'title', 'CN', 'UID', 'serialNumber', 'emailAddress'] as const;
type Key = (typeof ORDER)[number];

function entries(spec: NameSpec): [Key, string][] {
  const out: [Key, string][] = [];
  for (const key of ORDER) {
    const v = spec[key];
    if (v === undefined) continue;
    for (const value of typeof v === 'string' ? [v] : v) out.push([key, value.normalize('NFC')]);
  }
  return out;
}

function valueFor(key: Key, value: string): asn1js.BaseStringBlock {
  // RFC 5280: countryName and serialNumber are PrintableString, emailAddress IA5String; the rest UTF8String.
  if (key === 'C' || key === 'serialNumber') return new asn1js.PrintableString({ value });
  if (key === 'emailAddress') return new asn1js.IA5String({ value });
  return new asn1js.Utf8String({ value });
}

/**
 * One attribute per RDN, in the given order. (pkijs would put every attribute into one multi-valued
 * RDN, which is not what CAs write.) The result carries its DER, so pkijs copies it unchanged.
 */
export function buildName(spec: NameSpec): pkijs.RelativeDistinguishedNames {
  const rdns = entries(spec).map(
    ([key, value]) =>
      new asn1js.Set({
        value: [new pkijs.AttributeTypeAndValue({ type: OID[key], value: valueFor(key, value) }).toSchema()],
      }),
  );
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

const SHORT: Record<Key, string> = {
  C: 'C',
  ST: 'ST',
  L: 'L',
  O: 'O',
  OU: 'OU',
  title: 'title',
  CN: 'CN',
  UID: 'UID',
  serialNumber: 'serialNumber',
  emailAddress: 'emailAddress',
};

function escape4514(value: string): string {
  return value
    .replace(/[\\"+,;<>=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

/** RFC 4514 display form, most specific first, UTF-8 kept. */
export function formatName(spec: NameSpec): string {
  return entries(spec)
    .reverse()
    .map(([key, value]) => `${SHORT[key]}=${escape4514(value)}`)
    .join(',');
}
