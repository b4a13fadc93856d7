import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../encoding/bytes.js';
import { digest } from '../encoding/digest.js';
import type { HashName } from '../keys/key-spec.js';
import type { TestIdentity } from '../pki/identity.js';
import { hashOid, OID } from '../x509/oids.js';

/**
 * signing-certificate-v2 (RFC 5035):
 *   SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies … OPTIONAL }
 *   ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT sha256,
 *                              certHash OCTET STRING, issuerSerial IssuerSerial OPTIONAL }
 * DER omits the default algorithm, so SHA-256 leaves it out.
 */
export function signingCertificateV2(signer: TestIdentity, hash: HashName = 'SHA-256'): pkijs.Attribute {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [signer.parsed.issuer.toSchema()],
          }),
        ],
      }),
      new asn1js.Integer({ valueHex: toArrayBuffer(signer.serialNumber) }),
    ],
  });
  const certId = new asn1js.Sequence({
    value: [
      ...(hash === 'SHA-256'
        ? []
        : [new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(hash) }).toSchema()]),
      new asn1js.OctetString({ valueHex: toArrayBuffer(digest(hash, signer.certificate)) }),
      issuerSerial,
    ],
  });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certId] })] })],
  });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** DER SET OF: elements sorted by their encodings (X.690 §11.6); pkijs keeps array order as given. */
export function derSorted(attributes: readonly pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }))
    .sort((x, y) => compareBytes(x.der, y.der))
    .map((x) => x.a);
}
