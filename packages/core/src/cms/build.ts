import { decode, der } from '../asn1/index.js';
import { equalBytes, fromBase64, toBase64 } from '../bytes/bytes.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import { type DigestAlgorithm, digest, digestOid, type HashAlg } from '../crypto/digest.js';
import { rawToDer } from '../crypto/ecdsa-encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { encodePssParameters } from '../crypto/pss-parameters.js';
import { signatureAlgorithm } from '../crypto/signature-algorithm.js';
import { verifySignature } from '../crypto/verify.js';
import { KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import type { SigScheme } from '../signers/signer.js';
import { certificateSha256, parseCertificate } from '../x509/certificate.js';
import { buildAttribute } from './attribute.js';
import { buildSigningCertificateV2 } from './ess.js';
import { assertPreparedCms, type PreparedCms } from './prepared.js';

export interface PrepareCmsOptions {
  /** DER of the signer's certificate. */
  signerCertificate: Uint8Array;
  /** Digest of the content under `hash` (the PDF byte ranges, a file). */
  contentDigest: Uint8Array;
  hash: HashAlg;
  scheme: SigScheme;
  /** eContentType; id-data by default. */
  contentType?: string;
  /** A signing-time attribute (plain CMS); PAdES leaves it out and puts the time in /M. */
  signingTime?: Date;
  /** Extra signed attributes, encoded Attribute elements. */
  extraSignedAttributes?: Uint8Array[];
  /** The clock, for createdAt. */
  now?: Date;
  provider: CryptoProvider;
}

export interface PreparedCmsResult {
  state: PreparedCms;
  /** What the signer signs: the digest of the DER signed attributes under `hash`. */
  digest: Uint8Array;
  /** The DER signed attributes themselves (WebCrypto keys sign these, not the digest). */
  data: Uint8Array;
}

/** Phase 1: the signed attributes, DER, with content-type, message-digest and signing-certificate-v2. */
export async function prepareCms(options: PrepareCmsOptions): Promise<PreparedCmsResult> {
  const cert = parseCertificate(options.signerCertificate);
  const attributes = [
    buildAttribute(OID.contentType, der.oid(options.contentType ?? OID.data)),
    buildAttribute(OID.messageDigest, der.octets(options.contentDigest)),
    buildAttribute(OID.signingCertificateV2, buildSigningCertificateV2(cert)),
    ...(options.signingTime ? [buildAttribute(OID.signingTime, der.x509Time(options.signingTime))] : []),
    ...(options.extraSignedAttributes ?? []),
  ];
  const data = der.set(...attributes);
  const d = await digest(options.hash, data, options.provider.crypto);
  return {
    state: {
      version: 1,
      signedAttributes: toBase64(data),
      hash: options.hash,
      scheme: options.scheme,
      signerCertificateSha256: certificateSha256(cert),
      contentDigest: toBase64(options.contentDigest),
      createdAt: (options.now ?? new Date()).toISOString(),
    },
    digest: d,
    data,
  };
}

/** The SignerInfo signatureAlgorithm kyso writes: the hash-specific identifiers, PSS with full parameters. */
export function signatureAlgorithmIdentifier(hash: HashAlg, scheme: SigScheme): Uint8Array {
  const suffix = { 'SHA-256': '11', 'SHA-384': '12', 'SHA-512': '13' }[hash];
  switch (scheme) {
    case 'RSASSA-PKCS1-v1_5':
      return der.seq(der.oid(`1.2.840.113549.1.1.${suffix}`), der.nul());
    case 'ECDSA':
      return der.seq(
        der.oid({ 'SHA-256': OID.ecdsaSha256, 'SHA-384': OID.ecdsaSha384, 'SHA-512': OID.ecdsaSha512 }[hash]),
      );
    case 'RSASSA-PSS':
      return der.seq(der.oid(OID.rsassaPss), encodePssParameters(hash));
  }
}

export interface FinishCmsOptions {
  /** DER certificates to include, the signer's first (its SHA-256 must match the state). */
  certificates: Uint8Array[];
  /** Unsigned attributes, encoded Attribute elements (e.g. a signature time-stamp). */
  unsignedAttributes?: Uint8Array[];
  contentType?: string;
  provider: CryptoProvider;
}

/** The SignerInfo, from a prepared state and a signature value (already checked). */
function signerInfo(
  state: PreparedCms,
  signatureValue: Uint8Array,
  certificate: Uint8Array,
  unsigned: Uint8Array[],
): Uint8Array {
  const cert = parseCertificate(certificate);
  const signed = fromBase64(state.signedAttributes);
  return der.seq(
    der.int(1),
    // IssuerAndSerialNumber copied byte for byte from the certificate: never re-encode a name.
    der.seq(cert.issuer.der, der.intRaw(cert.serialNumber)),
    der.seq(der.oid(digestOid(state.hash))),
    der.retag(signed, 0xa0),
    signatureAlgorithmIdentifier(state.hash, state.scheme),
    der.octets(signatureValue),
    ...(unsigned.length > 0 ? [der.implicitConstructed(1, ...[...unsigned].sort(compare))] : []),
  );
}

function compare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * Checks a signature value against the prepared state: the right certificate, a value that verifies
 * with its key over the signed attributes. STATE_MISMATCH or BAD_SIGNATURE_VALUE otherwise.
 * ECDSA values in r‖s form (WebCrypto, PKCS#11) are converted to DER first.
 */
export async function checkSignatureValue(
  state: PreparedCms,
  signatureValue: Uint8Array,
  certificate: Uint8Array,
  provider: CryptoProvider,
): Promise<Uint8Array> {
  const cert = parseCertificate(certificate);
  if (certificateSha256(cert) !== state.signerCertificateSha256) throw new KysoError('STATE_MISMATCH');
  if (!cert.publicKey)
    throw new KysoError('UNSUPPORTED_ALGORITHM', { params: { algorithm: 'signer key type' } });
  let value = signatureValue;
  if (
    state.scheme === 'ECDSA' &&
    value[0] !== 0x30 &&
    cert.publicKey.kind === 'EC' &&
    value.length === 2 * Math.ceil(cert.publicKey.bits / 8)
  ) {
    value = rawToDer(value);
  }
  const algorithm = signatureAlgorithm(
    readAlgorithmIdentifier(decode(signatureAlgorithmIdentifier(state.hash, state.scheme))),
  )!;
  const ok = await verifySignature(
    {
      key: cert.publicKey,
      algorithm,
      hash: state.hash as DigestAlgorithm,
      signature: value,
      data: fromBase64(state.signedAttributes),
    },
    provider,
  ).catch(() => false);
  if (!ok) throw new KysoError('BAD_SIGNATURE_VALUE');
  return value;
}

/** Phase 3: the detached CMS SignedData, after checking the signature value. */
export async function finishCms(
  stateInput: PreparedCms,
  signatureValue: Uint8Array,
  options: FinishCmsOptions,
): Promise<Uint8Array> {
  const state = assertPreparedCms(stateInput);
  const [signer] = options.certificates;
  if (!signer) throw new KysoError('STATE_MISMATCH');
  const value = await checkSignatureValue(state, signatureValue, signer, options.provider);
  return assembleCms(state, value, options);
}

/** Assembles SignedData around an already checked signature value (the time-stamp is added between). */
export function assembleCms(
  state: PreparedCms,
  signatureValue: Uint8Array,
  options: Omit<FinishCmsOptions, 'provider'>,
): Uint8Array {
  const contentType = options.contentType ?? OID.data;
  const unique = options.certificates.filter((c, i, all) => all.findIndex((o) => equalBytes(o, c)) === i);
  const signedData = der.seq(
    der.int(contentType === OID.data ? 1 : 3),
    der.set(der.seq(der.oid(digestOid(state.hash)))),
    der.seq(der.oid(contentType)),
    der.implicitConstructed(0, ...[...unique].sort(compare)),
    der.set(signerInfo(state, signatureValue, options.certificates[0]!, options.unsignedAttributes ?? [])),
  );
  return der.seq(der.oid(OID.signedData), der.explicit(0, signedData));
}
