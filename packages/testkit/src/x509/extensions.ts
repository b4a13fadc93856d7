import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../encoding/bytes.js';
import { OID } from './oids.js';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

const KEY_USAGE_BITS: Record<KeyUsageName, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
};

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

/** A named bit list in DER: trailing zero bits dropped, the unused-bit count set to match. */
export function namedBitString(bits: readonly number[]): asn1js.BitString {
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  const unused = 7 - (highest % 8);
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: unused });
}

export function keyUsage(names: readonly KeyUsageName[]): pkijs.Extension {
  return extension(OID.keyUsage, true, namedBitString(names.map((n) => KEY_USAGE_BITS[n])));
}

export function basicConstraints(ca: boolean, pathLenConstraint?: number): pkijs.Extension {
  const bc = new pkijs.BasicConstraints(
    ca && pathLenConstraint !== undefined ? { cA: true, pathLenConstraint } : { cA: ca },
  );
  return extension(OID.basicConstraints, true, bc.toSchema());
}

export function extKeyUsage(purposes: readonly string[], critical: boolean): pkijs.Extension {
  return extension(
    OID.extKeyUsage,
    critical,
    new pkijs.ExtKeyUsage({ keyPurposes: [...purposes] }).toSchema(),
  );
}

export function subjectKeyIdentifier(keyId: Uint8Array): pkijs.Extension {
  return extension(
    OID.subjectKeyIdentifier,
    false,
    new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }),
  );
}

export function authorityKeyIdentifier(keyId: Uint8Array): pkijs.Extension {
  const aki = new pkijs.AuthorityKeyIdentifier({
    keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }),
  });
  return extension(OID.authorityKeyIdentifier, false, aki.toSchema());
}

const uri = (value: string) => new pkijs.GeneralName({ type: 6, value });

export function authorityInfoAccess(access: { ocsp?: string; caIssuers?: string }): pkijs.Extension {
  const descriptions: pkijs.AccessDescription[] = [];
  if (access.ocsp)
    descriptions.push(
      new pkijs.AccessDescription({ accessMethod: OID.ocsp, accessLocation: uri(access.ocsp) }),
    );
  if (access.caIssuers) {
    descriptions.push(
      new pkijs.AccessDescription({ accessMethod: OID.caIssuers, accessLocation: uri(access.caIssuers) }),
    );
  }
  return extension(
    OID.authorityInfoAccess,
    false,
    new pkijs.InfoAccess({ accessDescriptions: descriptions }).toSchema(),
  );
}

export function crlDistributionPoints(url: string): pkijs.Extension {
  const point = new pkijs.DistributionPoint({ distributionPoint: [uri(url)] });
  return extension(
    OID.crlDistributionPoints,
    false,
    new pkijs.CRLDistributionPoints({ distributionPoints: [point] }).toSchema(),
  );
}

export function certificatePolicies(policies: readonly string[]): pkijs.Extension {
  const value = new pkijs.CertificatePolicies({
    certificatePolicies: policies.map(
      (policyIdentifier) => new pkijs.PolicyInformation({ policyIdentifier }),
    ),
  });
  return extension(OID.certificatePolicies, false, value.toSchema());
}

/** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): a delegated responder's own status is not checked. */
export function ocspNoCheck(): pkijs.Extension {
  return extension(OID.ocspNoCheck, false, new asn1js.Null());
}
