import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engineFor } from '../crypto.js';
import { toArrayBuffer } from '../encoding/bytes.js';
import { digest } from '../encoding/digest.js';
import type { HashName } from '../keys/key-spec.js';
import type { TestPki } from '../pki/test-pki.js';
import { randomSerial } from '../x509/certificate.js';
import { hashFromOid, OID } from '../x509/oids.js';
import { derSorted, signingCertificateV2 } from './ess.js';

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
export type TimestampFailure =
  | 'badAlg'
  | 'badRequest'
  | 'badDataFormat'
  | 'timeNotAvailable'
  | 'unacceptedPolicy'
  | 'unacceptedExtension'
  | 'systemFailure';

const FAILURE_BITS: Record<TimestampFailure, number> = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  systemFailure: 25,
};

const HASH_LENGTHS: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export interface TimestampOptions {
  /** genTime; the current time by default (the injectable clock of tests). */
  now?: Date;
  /** The TSA identity; the PKI's first `tsa`. */
  tsaId?: string;
  /** Hash of the token's signature; the TSA key's default. */
  hash?: HashName;
  /** TSA policy OID; testkit's own test policy by default. */
  policy?: string;
  /** Accuracy in seconds (1 by default; 0 leaves it out). */
  accuracySeconds?: number;
  /** With certReq: the TSA certificate alone, or with its intermediates (default). */
  certificates?: 'signer' | 'chain';
  /** Refuse every request with this failure (to test clients). */
  forceFailure?: TimestampFailure;
}

function rejection(failure: TimestampFailure, text: string): Uint8Array {
  const bit = FAILURE_BITS[failure];
  const bytes = new Uint8Array((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  const status = new pkijs.PKIStatusInfo({
    status: 2, // rejection
    statusStrings: [new asn1js.Utf8String({ value: text })],
    failInfo: new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (bit & 7) }),
  });
  return new Uint8Array(new pkijs.TimeStampResp({ status }).toSchema().toBER(false));
}

/**
 * An RFC 3161 time-stamping unit: the message imprint and nonce copied from the request, genTime from
 * the clock, signed by the TSA certificate (critical id-kp-timeStamping) with signing-certificate-v2,
 * the certificates included when the request asks for them.
 */
export async function respondTimestamp(
  pki: TestPki,
  requestDer: Uint8Array,
  options: TimestampOptions = {},
): Promise<Uint8Array> {
  if (options.forceFailure) return rejection(options.forceFailure, 'refused by test configuration');
  let request: pkijs.TimeStampReq;
  try {
    request = pkijs.TimeStampReq.fromBER(toArrayBuffer(requestDer));
  } catch {
    return rejection('badDataFormat', 'malformed request');
  }
  const imprintHash = hashFromOid(request.messageImprint.hashAlgorithm.algorithmId);
  if (!imprintHash) return rejection('badAlg', 'unsupported hash algorithm');
  if (request.messageImprint.hashedMessage.valueBlock.valueHexView.length !== HASH_LENGTHS[imprintHash]) {
    return rejection('badDataFormat', 'message imprint has the wrong length');
  }
  const policy = options.policy ?? OID.testTsaPolicy;
  if (request.reqPolicy && request.reqPolicy !== policy)
    return rejection('unacceptedPolicy', 'unknown policy');
  if (request.extensions?.length) return rejection('unacceptedExtension', 'extensions are not supported');

  const tsa = pki.tsa(options.tsaId);
  const hash = options.hash ?? tsa.hash;
  const genTime = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const accuracy = options.accuracySeconds ?? 1;
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy,
    messageImprint: request.messageImprint,
    serialNumber: new asn1js.Integer({ valueHex: toArrayBuffer(randomSerial(pki.crypto)) }),
    genTime,
    ...(accuracy > 0 ? { accuracy: new pkijs.Accuracy({ seconds: accuracy }) } : {}),
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  const content = new Uint8Array(tstInfo.toSchema().toBER(false));

  const signedAttrs = derSorted([
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest(hash, content)) })],
    }),
    signingCertificateV2(tsa),
  ]);
  const chain = [tsa];
  if (options.certificates !== 'signer') for (let ca = tsa.issuer; ca?.issuer; ca = ca.issuer) chain.push(ca);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.tstInfo,
      eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(content) }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: tsa.parsed.issuer,
          serialNumber: tsa.parsed.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttrs }),
      }),
    ],
    ...(request.certReq ? { certificates: chain.map((c) => c.parsed) } : {}),
  });
  await signedData.sign(await tsa.signingKey(hash), 0, hash, undefined, engineFor(pki.crypto));

  const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }), // granted
    timeStampToken: token,
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
