import { bytesOf, children } from '../asn1/index.js';
import { singleValue } from '../cms/attribute.js';
import type { SignerInfo } from '../cms/signer-info.js';
import { OID } from '../oids.js';

/**
 * adbe-revocationInfoArchival (a signed attribute of adbe.pkcs7.detached signatures):
 *   RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRL OPTIONAL,
 *     ocsp [1] EXPLICIT SEQUENCE OF OCSPResponse OPTIONAL, otherRevInfo [2] … OPTIONAL }
 */
export function archivedRevocation(si: SignerInfo): { crls: Uint8Array[]; ocspResponses: Uint8Array[] } {
  const out = { crls: [] as Uint8Array[], ocspResponses: [] as Uint8Array[] };
  if (!si.signedAttrs) return out;
  try {
    const value = singleValue(si.signedAttrs.attributes, OID.adbeRevocationInfoArchival);
    if (!value) return out;
    for (const part of children(value)) {
      if (part.cls !== 2) continue;
      const [list] = children(part);
      if (!list) continue;
      const items = children(list).map(bytesOf);
      if (part.tag === 0) out.crls.push(...items);
      if (part.tag === 1) out.ocspResponses.push(...items);
    }
  } catch {
    // a malformed archive is no evidence; the validation reports what it lacks
  }
  return out;
}
