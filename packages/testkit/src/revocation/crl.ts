import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engineFor } from '../crypto.js';
import { toArrayBuffer } from '../encoding/bytes.js';
import type { TestPki } from '../pki/test-pki.js';
import { keyIdentifier, x509Time } from '../x509/certificate.js';
import { authorityKeyIdentifier } from '../x509/extensions.js';
import { OID } from '../x509/oids.js';
import { REASON_CODES } from './reason.js';

export interface CrlOptions {
  /** thisUpdate; the current time by default. */
  now?: Date;
  /** nextUpdate = thisUpdate + this many hours (24 by default). */
  validityHours?: number;
}

/** A v2 CRL (RFC 5280 §5) signed by the CA itself, with CRL number and reason codes. */
export async function buildCrl(pki: TestPki, caId: string, options: CrlOptions = {}): Promise<Uint8Array> {
  const ca = pki.get(caId);
  if (ca.kind !== 'root' && ca.kind !== 'intermediate') throw new Error(`${caId} is not a CA`);
  const thisUpdate = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const nextUpdate = new Date(thisUpdate.getTime() + (options.validityHours ?? 24) * 3_600_000);
  const number = pki.crlNumbers.get(caId) ?? 1;
  pki.crlNumbers.set(caId, number + 1);

  const revoked = pki
    .issuedBy(caId)
    .filter((i) => i.revocation && i.revocation.at.getTime() <= thisUpdate.getTime())
    .map((i) => {
      const reason = REASON_CODES[i.revocation!.reason];
      return new pkijs.RevokedCertificate({
        userCertificate: new asn1js.Integer({ valueHex: toArrayBuffer(i.serialNumber) }),
        revocationDate: x509Time(i.revocation!.at),
        // RFC 5280 §5.3.1: omit the reason code rather than write "unspecified".
        ...(reason !== 0
          ? {
              crlEntryExtensions: new pkijs.Extensions({
                extensions: [
                  new pkijs.Extension({
                    extnID: OID.cRLReason,
                    critical: false,
                    extnValue: new asn1js.Enumerated({ value: reason }).toBER(false),
                  }),
                ],
              }),
            }
          : {}),
      });
    });

  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: ca.parsed.subject,
    thisUpdate: x509Time(thisUpdate),
    nextUpdate: x509Time(nextUpdate),
    ...(revoked.length > 0 ? { revokedCertificates: revoked } : {}),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        authorityKeyIdentifier(keyIdentifier(ca.parsed.subjectPublicKeyInfo)),
        new pkijs.Extension({
          extnID: OID.cRLNumber,
          critical: false,
          extnValue: new asn1js.Integer({ value: number }).toBER(false),
        }),
      ],
    }),
  });
  await crl.sign(await ca.signingKey(), ca.hash, engineFor(pki.crypto));
  return new Uint8Array(crl.toSchema(true).toBER(false));
}
