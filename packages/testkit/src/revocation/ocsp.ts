import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engineFor } from '../crypto.js';
import { bytesEqual, toArrayBuffer } from '../encoding/bytes.js';
import { digest } from '../encoding/digest.js';
import type { TestIdentity } from '../pki/identity.js';
import type { TestPki } from '../pki/test-pki.js';
import { keyIdentifier } from '../x509/certificate.js';
import { hashFromOid, OID } from '../x509/oids.js';
import { REASON_CODES } from './reason.js';

/** OCSPResponseStatus (RFC 6960 §4.2.1); 4 is unused. */
export type OcspResponseStatus =
  | 'successful'
  | 'malformedRequest'
  | 'internalError'
  | 'tryLater'
  | 'sigRequired'
  | 'unauthorized';

const STATUS_CODES: Record<OcspResponseStatus, number> = {
  successful: 0,
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
};

export interface OcspOptions {
  /** producedAt and thisUpdate; the current time by default. */
  now?: Date;
  /** nextUpdate = thisUpdate + this many hours (24 by default). */
  validityHours?: number;
  /** Answer with this status instead of a signed answer (to test clients' handling of failures). */
  forceStatus?: Exclude<OcspResponseStatus, 'successful'>;
  /** Sign with the CA's own key even when it has a delegated responder. */
  signWithCa?: boolean;
}

function errorResponse(status: OcspResponseStatus): Uint8Array {
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: STATUS_CODES[status] }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

function stripZeros(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** The CA a CertID names: both its name hash and its key hash must match. */
function findIssuer(pki: TestPki, certId: pkijs.CertID): TestIdentity | undefined {
  const hash = hashFromOid(certId.hashAlgorithm.algorithmId);
  if (!hash) return undefined;
  const nameHash = new Uint8Array(certId.issuerNameHash.valueBlock.valueHexView);
  const keyHash = new Uint8Array(certId.issuerKeyHash.valueBlock.valueHexView);
  return pki.identities.find((ca) => {
    if (ca.kind !== 'root' && ca.kind !== 'intermediate') return false;
    const subject = new Uint8Array(ca.parsed.subject.toSchema().toBER(false));
    const key = new Uint8Array(ca.parsed.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    return bytesEqual(digest(hash, subject), nameHash) && bytesEqual(digest(hash, key), keyHash);
  });
}

function certStatus(ca: TestIdentity, pki: TestPki, serial: Uint8Array, at: Date): asn1js.BaseBlock {
  const subject = pki.issuedBy(ca.id).find((i) => bytesEqual(stripZeros(i.serialNumber), stripZeros(serial)));
  if (!subject) return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } }); // unknown
  const revocation = subject.revocation;
  if (!revocation || revocation.at.getTime() > at.getTime()) {
    return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } }); // good
  }
  const reason = REASON_CODES[revocation.reason];
  const revokedInfo: asn1js.BaseBlock[] = [
    new asn1js.GeneralizedTime({ valueDate: wholeSeconds(revocation.at) }),
  ];
  if (reason !== 0) {
    revokedInfo.push(
      new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: 0 },
        value: [new asn1js.Enumerated({ value: reason })],
      }),
    );
  }
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: revokedInfo }); // revoked
}

/**
 * An RFC 6960 responder: good for certificates the CA issued and has not revoked, revoked with time
 * and reason, unknown for serials it never issued; signed by the CA's delegated responder (or the CA),
 * the request's nonce echoed.
 */
export async function respondOcsp(
  pki: TestPki,
  requestDer: Uint8Array,
  options: OcspOptions = {},
): Promise<Uint8Array> {
  if (options.forceStatus) return errorResponse(options.forceStatus);
  let request: pkijs.OCSPRequest;
  try {
    request = pkijs.OCSPRequest.fromBER(toArrayBuffer(requestDer));
  } catch {
    return errorResponse('malformedRequest');
  }
  const requests = request.tbsRequest.requestList;
  if (requests.length === 0) return errorResponse('malformedRequest');
  const issuers = requests.map((r) => findIssuer(pki, r.reqCert));
  const ca = issuers[0];
  // One responder signs the whole answer, so every CertID must name the same CA.
  if (!ca || issuers.some((i) => i !== ca)) return errorResponse('unauthorized');

  const now = wholeSeconds(options.now ?? new Date());
  const nextUpdate = new Date(now.getTime() + (options.validityHours ?? 24) * 3_600_000);
  const responder = options.signWithCa ? ca : pki.ocspResponderFor(ca.id);

  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OID.ocspNonce);
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: new asn1js.OctetString({
        valueHex: toArrayBuffer(keyIdentifier(responder.parsed.subjectPublicKeyInfo)),
      }),
      producedAt: now,
      responses: requests.map(
        (r) =>
          new pkijs.SingleResponse({
            certID: r.reqCert,
            certStatus: certStatus(
              ca,
              pki,
              new Uint8Array(r.reqCert.serialNumber.valueBlock.valueHexView),
              now,
            ),
            thisUpdate: now,
            nextUpdate,
          }),
      ),
      ...(nonce ? { responseExtensions: [nonce] } : {}),
    }),
    ...(responder !== ca ? { certs: [responder.parsed] } : {}),
  });
  await basic.sign(await responder.signingKey(), responder.hash, engineFor(pki.crypto));

  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
