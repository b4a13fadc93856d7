/**
 * @kyso/core: signatures without a PDF. CMS/CAdES, RFC 3161 time-stamps, OCSP/CRL, certificate
 * paths, signers, the CSC client and kyso's errors. Browser-safe: runtime differences are injected
 * (a CryptoProvider, a fetch function).
 */

export * as asn1 from './asn1/index.js';
// bytes and encodings
export { concat, equalBytes, fromBase64, fromHex, toBase64, toBase64Url, toHex } from './bytes/bytes.js';
export { certificatesFrom, fromPem, toPem } from './bytes/pem.js';
// CMS
export { type Attribute, buildAttribute } from './cms/attribute.js';
export {
  assembleCms,
  checkSignatureValue,
  type FinishCmsOptions,
  finishCms,
  type PrepareCmsOptions,
  type PreparedCmsResult,
  prepareCms,
  signatureAlgorithmIdentifier,
} from './cms/build.js';
export {
  type CheckOptions,
  type CmsCheck,
  type CmsIssue,
  checkSignerInfo,
  type SigningCertificateReference,
} from './cms/check.js';
export { assertPreparedCms, type PreparedCms } from './cms/prepared.js';
export {
  chooseAlgorithm,
  type SignCmsOptions,
  signatureTimestampAttribute,
  signCms,
  type TimestampOptions,
} from './cms/sign.js';
export { type ParseSignedDataOptions, parseSignedData, type SignedData } from './cms/signed-data.js';
export { findSignerCertificate } from './cms/signer-certificate.js';
export type { SignerIdentifier, SignerInfo } from './cms/signer-info.js';
// crypto
export {
  type DigestAlgorithm,
  digest,
  digestFromOid,
  digestOid,
  type HashAlg,
  type Hasher,
  type HasherFactory,
  nobleHasher,
} from './crypto/digest.js';
export { derToRaw as ecdsaDerToRaw, rawToDer as ecdsaRawToDer } from './crypto/ecdsa-encoding.js';
export { type CryptoProvider, resolveProvider } from './crypto/provider.js';
export { encodePssParameters } from './crypto/pss-parameters.js';
export { type EcCurve, type PublicKey, readPublicKey } from './crypto/public-key.js';
export {
  type SignatureAlgorithm,
  type SignatureScheme,
  signatureAlgorithm,
} from './crypto/signature-algorithm.js';
export { type VerifyInput, verifySignature } from './crypto/verify.js';
export { finishDigest, type WebCryptoHasherOptions, webCryptoHasher } from './crypto/webcrypto-hasher.js';
// Cloud Signature Consortium API
export {
  type CscAlgorithm,
  type CscSignAlgorithm,
  chooseSignAlgorithm,
  cscAlgorithms,
} from './csc/algorithms.js';
export type { CscPrompt, CscPromptContext, CscPrompts } from './csc/auth-factors.js';
export { type CscCallOptions, CscClient, type CscClientOptions } from './csc/client.js';
export { detectCscVersion } from './csc/detect-version.js';
export { type CscVersion, cscMethodUrl, parseCscBaseUrl } from './csc/endpoint.js';
export { type CscErrorContext, cscErrorToKyso } from './csc/errors.js';
export { type CscAccessToken, CscTransport, type CscTransportOptions } from './csc/transport.js';
export type {
  CscAuthMode,
  CscAuthObject,
  CscAuthorization,
  CscAuthorizeRequest,
  CscCredentialInfo,
  CscInfo,
  CscPresence,
  CscSignHashRequest,
} from './csc/types.js';
// errors and languages
export { ERROR_MESSAGES, isKysoErrorCode, type KysoErrorCode } from './errors/codes.js';
export {
  type ErrorParams,
  formatMessage,
  isKysoError,
  KysoError,
  type KysoErrorJSON,
  type KysoErrorOptions,
  kysoErrorFromJSON,
  toKysoError,
} from './errors/kyso-error.js';
export { LANGS, type Lang, parseLang, pickLang } from './lang.js';
// network
export {
  type FetchFunction,
  type FetchLimits,
  type FetchRequest,
  fetchableUrl,
  fetchBinary,
} from './net/fetch.js';
export { OID } from './oids.js';
// PKCS#12 and signers
export {
  type BagAttributes,
  decryptPrivateKey,
  type Pkcs12Bags,
  type Pkcs12Contents,
  type Pkcs12Options,
  type PrivateKeyInfo,
  readPkcs12,
  readPkcs12Bags,
  readPrivateKeyInfo,
} from './pkcs12/index.js';
// reports
export { hasIssueMessage, localizeIssue } from './report/issue-messages.js';
export {
  type CmsSignatureReport,
  cmsSignatureReport,
  signerReport,
  statusOf,
} from './report/signature-report.js';
export type { Issue, SignatureReport, SignerInfoReport, VerificationReport } from './report/types.js';
// revocation
export type { RevocationEvidence } from './revocation/answer.js';
export type { CertId, CertIdHash } from './revocation/cert-id.js';
export { createRevocationChecker, type RevocationCheckerOptions } from './revocation/checker.js';
export { type Crl, type CrlEntry, parseCrl } from './revocation/crl.js';
export { buildOcspRequest, type OcspRequest, type OcspRequestOptions } from './revocation/ocsp-request.js';
export {
  type BasicOcspResponse,
  type OcspResponse,
  type OcspResponseStatus,
  type OcspSingleResponse,
  parseOcspResponse,
  type ResponderId,
} from './revocation/ocsp-response.js';
export { type RevocationServiceOptions, revocationService } from './revocation/service-transport.js';
export {
  directTransport,
  type RevocationDownload,
  type RevocationTransport,
  type RevocationTransportContext,
} from './revocation/transport.js';
export type {
  RevocationChecker,
  RevocationMode,
  RevocationOptions,
  RevocationQuery,
  RevocationResult,
  RevocationStatus,
} from './revocation/types.js';
export { CscSigner, type CscSignerOptions } from './signers/csc-signer.js';
export { Pkcs12Signer } from './signers/pkcs12-signer.js';
// signers
export type { Signer, SignOptions, SignRequest, SigScheme } from './signers/signer.js';
export { WebCryptoSigner, type WebCryptoSignerOptions } from './signers/webcrypto-signer.js';
// trust profiles
export {
  loadTrustProfile,
  type PinnedCertificateSource,
  registerTrustProfile,
  resolveTrustProfile,
  type TrustProfile,
  type TrustProfileDefinition,
  trustProfileNames,
} from './trust/index.js';
// time-stamps
export { requestTimestamp, type Timestamp, type TimestampClientOptions } from './tsp/client.js';
export { buildTimestampRequest, type TimestampRequestOptions } from './tsp/request.js';
export { parseTimestampResponse, type TimestampResponse } from './tsp/response.js';
export { type CheckTimestampOptions, checkTimestampToken, type TimestampCheck } from './tsp/token.js';
export { parseTstInfo, type TstInfo } from './tsp/tst-info.js';
// validation
export { type Indication, type SubIndication, type Verdict, worse } from './validation/indication.js';
export { parseAll } from './validation/path-building.js';
export {
  type CertificateUsage,
  type Finding,
  type PathValidation,
  type PathValidationOptions,
  validatePath,
} from './validation/path-validation.js';
export { checkSignerCertificate, type PresignOptions } from './validation/presign-check.js';
export {
  type AtSigningTime,
  type SignatureValidation,
  type SignatureValidationOptions,
  validateSignature,
} from './validation/signature-validation.js';
export { type TimestampValidation, validateTimestamp } from './validation/timestamp-validation.js';
export { SUNSET, type WeakAlgorithmPolicy, type WeakFinding } from './validation/weak-algorithms.js';
// the Vietnamese agency profile: clock, date line, organisation or personal certificates
export {
  type CalendarDate,
  type CertificateKind,
  type CertificateKindRule,
  certificateKind,
  DEFAULT_CERTIFICATE_KIND_RULE,
  formatDateLine,
  formatVietnamTime,
  parseCalendarDate,
  type SigningTimeStyle,
  vietnamDate,
} from './vn/index.js';
// X.509
export {
  type Certificate,
  certificateSha256,
  describeCertificate,
  parseCertificate,
} from './x509/certificate.js';
export type { Extension, KeyUsage } from './x509/extensions.js';
export {
  commonName,
  formatName,
  identifiers,
  type Name,
  type NameAttribute,
  nameValues,
  VN_IDENTIFIER_PREFIXES,
} from './x509/name.js';
