import {
  type Asn1,
  bytesOf,
  Cursor,
  children,
  decode,
  readOctets,
  readOid,
  readSmallInteger,
  TAG,
} from '../asn1/index.js';
import { type AlgorithmIdentifier, readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import { readSignerInfo, type SignerInfo } from './signer-info.js';

/** id-ri-ocsp-response (RFC 5940): OCSP responses carried in RevocationInfoChoices. */
const RI_OCSP = '1.3.6.1.5.5.7.16.2';

/**
 * ContentInfo { id-signedData, [0] SignedData }, where
 * SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
 *   certificates [0] IMPLICIT CertificateSet OPTIONAL, crls [1] IMPLICIT RevocationInfoChoices OPTIONAL,
 *   signerInfos SET OF SignerInfo }
 */
export interface SignedData {
  /** The ContentInfo as read (BER allowed; the signature never covers it). */
  der: Uint8Array;
  version: number;
  digestAlgorithms: AlgorithmIdentifier[];
  contentType: string;
  /** eContent, when encapsulated (a detached signature must have none). */
  content?: Uint8Array;
  /** DER of each X.509 certificate in the certificates field (other choices skipped). */
  certificates: Uint8Array[];
  crls: Uint8Array[];
  ocspResponses: Uint8Array[];
  signerInfos: SignerInfo[];
  /** Non-zero bytes followed the ContentInfo (only possible with `trailingAny`). */
  trailingData: boolean;
}

export interface ParseSignedDataOptions {
  /** A PDF /Contents string is padded with zeros after the CMS. */
  trailingZeros?: boolean;
  /** Accept any bytes after the CMS (real signers leave junk in the padding); see `trailing`. */
  trailingAny?: boolean;
}

function parse(bytes: Uint8Array, options: ParseSignedDataOptions): SignedData {
  const root = decode(bytes, {
    trailing: options.trailingAny ? 'any' : options.trailingZeros ? 'zeros' : 'none',
  });
  const ci = new Cursor(root, 'ContentInfo');
  const type = readOid(ci.next(TAG.OID), 'contentType');
  if (type !== OID.signedData) throw new TypeError(`ContentInfo holds ${type}, not SignedData`);
  const wrapped = ci.context(0);
  ci.end();
  if (!wrapped) throw new TypeError('ContentInfo has no content');
  const [sdNode] = children(wrapped);
  if (!sdNode) throw new TypeError('empty SignedData');

  const c = new Cursor(sdNode, 'SignedData');
  const version = readSmallInteger(c.next(TAG.INTEGER), 'SignedData version');
  const digestAlgorithms = children(c.next(TAG.SET)).map((n) =>
    readAlgorithmIdentifier(n, 'digestAlgorithms'),
  );
  const eci = new Cursor(c.next(TAG.SEQUENCE), 'EncapsulatedContentInfo');
  const contentType = readOid(eci.next(TAG.OID), 'eContentType');
  const eContent = eci.context(0);
  eci.end();
  let content: Uint8Array | undefined;
  if (eContent) {
    const [octets] = children(eContent);
    if (!octets) throw new TypeError('empty eContent');
    content = readOctets(octets, 'eContent');
  }
  const certificates: Uint8Array[] = [];
  const certSet = c.context(0);
  if (certSet) {
    for (const cert of children(certSet))
      if (cert.cls === 0 && cert.tag === TAG.SEQUENCE) certificates.push(bytesOf(cert));
  }
  const crls: Uint8Array[] = [];
  const ocspResponses: Uint8Array[] = [];
  const crlSet = c.context(1);
  if (crlSet) {
    for (const choice of children(crlSet)) {
      if (choice.cls === 0 && choice.tag === TAG.SEQUENCE) crls.push(bytesOf(choice));
      else if (choice.cls === 2 && choice.tag === 1) {
        const other = new Cursor(
          { ...choice, cls: 0, tag: TAG.SEQUENCE } as Asn1,
          'OtherRevocationInfoFormat',
        );
        if (readOid(other.next(TAG.OID)) === RI_OCSP) ocspResponses.push(bytesOf(other.next()));
      }
    }
  }
  const signerInfos = children(c.next(TAG.SET)).map(readSignerInfo);
  c.end();
  let trailing = false;
  for (let i = root.end; i < bytes.length; i++) {
    if (bytes[i] !== 0) {
      trailing = true;
      break;
    }
  }
  return {
    der: bytesOf(root),
    trailingData: trailing,
    version,
    digestAlgorithms,
    contentType,
    ...(content ? { content } : {}),
    certificates,
    crls,
    ocspResponses,
    signerInfos,
  };
}

/** Parses a CMS SignedData ContentInfo; malformed input is INVALID_INPUT. */
export function parseSignedData(bytes: Uint8Array, options: ParseSignedDataOptions = {}): SignedData {
  try {
    return parse(bytes, options);
  } catch (error) {
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `CMS: ${(error as Error).message}` },
      cause: error,
    });
  }
}
