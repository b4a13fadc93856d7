import {
  type Certificate,
  type CryptoProvider,
  checkTimestampToken,
  equalBytes,
  KysoError,
  OID,
  parseCertificate,
  parseSignedData,
  type SignedData,
  type SignerInfo,
} from '@kyso/core';
import type { SignatureEntry } from '../signatures/list-signatures.js';
import type { ValidationData } from './dss-read.js';

/** Whose chain a certificate starts: a signature's signer or a time-stamping authority. */
export type LeafRole = 'signer' | 'timestamp';

/** What a signature (or document time-stamp) needs validation data for. */
export interface SignatureMaterial {
  entry: SignatureEntry;
  /** The certificates that start a chain: the signer's and each time-stamp's TSA. */
  leaves: { certificate: Certificate; role: LeafRole }[];
  /** Certificates and revocation values carried in the CMS and its tokens. */
  carried: ValidationData;
}

function stripSign(serial: Uint8Array): Uint8Array {
  return serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
}

/** The certificate a SignerInfo names (issuer and serial, or subject key identifier). */
function signerCertificate(si: SignerInfo, candidates: readonly Uint8Array[]): Certificate | undefined {
  for (const der of candidates) {
    let cert: Certificate;
    try {
      cert = parseCertificate(der);
    } catch {
      continue;
    }
    const sid = si.sid;
    if (sid.kind === 'subjectKeyId') {
      if (cert.subjectKeyId && equalBytes(cert.subjectKeyId, sid.keyId)) return cert;
    } else if (
      equalBytes(stripSign(cert.serialNumber), stripSign(sid.serialNumber)) &&
      equalBytes(cert.issuer.der, sid.issuer.der)
    ) {
      return cert;
    }
  }
  return undefined;
}

function unusable(entry: SignatureEntry, detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail: `signature ${entry.field.name}: ${detail}` } });
}

/** The TSA certificate of a time-stamp token (the token's signature is checked on the way). */
async function tsaOf(
  entry: SignatureEntry,
  token: Uint8Array,
  pool: readonly Uint8Array[],
  provider: CryptoProvider,
): Promise<{ certificate: Certificate; signedData: SignedData }> {
  const check = await checkTimestampToken(token, { extraCertificates: pool, provider });
  if (!check.tsaCertificate || !check.signedData)
    throw unusable(
      entry,
      `a time-stamp token cannot be used (${check.errors.map((e) => e.detail).join('; ')})`,
    );
  return { certificate: check.tsaCertificate, signedData: check.signedData };
}

/**
 * Reads a signature's CMS (or a document time-stamp's token) for what validation data it needs:
 * the signer's certificate, the TSA certificates of its signature time-stamps, and what the CMS
 * already carries. `pool` holds more certificates to find signers among (the DSS, the caller's).
 */
export async function signatureMaterial(
  entry: SignatureEntry,
  pool: readonly Uint8Array[],
  provider: CryptoProvider,
): Promise<SignatureMaterial> {
  if (!entry.contents) throw unusable(entry, 'it has no /Contents string');
  let sd: SignedData;
  try {
    sd = parseSignedData(entry.contents, { trailingZeros: true });
  } catch (error) {
    throw unusable(entry, error instanceof Error ? error.message : String(error));
  }
  const carried: ValidationData = {
    certificates: [...sd.certificates],
    ocspResponses: [...sd.ocspResponses],
    crls: [...sd.crls],
  };
  const candidates = [...sd.certificates, ...pool];
  const leaves: SignatureMaterial['leaves'] = [];
  if (entry.type === 'DocTimeStamp' || sd.contentType === OID.tstInfo) {
    // sd.der is the token without the zero padding of /Contents
    const tsa = await tsaOf(entry, sd.der, pool, provider);
    leaves.push({ certificate: tsa.certificate, role: 'timestamp' });
    return { entry, leaves, carried };
  }
  for (const si of sd.signerInfos) {
    const signer = signerCertificate(si, candidates);
    if (!signer) throw unusable(entry, "the signer's certificate is neither in the CMS nor at hand");
    leaves.push({ certificate: signer, role: 'signer' });
    const tokens = si.unsignedAttrs
      .filter((a) => a.oid === OID.signatureTimeStampToken)
      .flatMap((a) => a.values.map((v) => v.source.subarray(v.start, v.end)));
    for (const token of tokens) {
      const tsa = await tsaOf(entry, token, candidates, provider);
      leaves.push({ certificate: tsa.certificate, role: 'timestamp' });
      carried.certificates.push(...tsa.signedData.certificates);
      carried.ocspResponses.push(...tsa.signedData.ocspResponses);
      carried.crls.push(...tsa.signedData.crls);
    }
  }
  if (leaves.length === 0) throw unusable(entry, 'the CMS has no signer');
  return { entry, leaves, carried };
}
