/**
 * @kyso/testkit: a throwaway PKI and test PDFs for tests and demos. This entry is browser-safe
 * (WebCrypto, no Node built-ins); the servers and file writers live in `@kyso/testkit/node`. Never use
 * its keys for anything real.
 */
export { defaultCrypto } from './crypto.js';
export {
  bytesEqual,
  concatBytes,
  fromBase64,
  fromHex,
  toBase64,
  toBase64Url,
  toHex,
} from './encoding/bytes.js';
export { fromPem, toPem } from './encoding/pem.js';
export { type HashName, KEY_SPECS, type KeySpec } from './keys/key-spec.js';
export { makeTestPdf } from './pdf/make-test-pdf.js';
export {
  A4,
  type EolStyle,
  type PageRotation,
  type PdfBox,
  type TestField,
  type TestPdfForm,
  type TestPdfOptions,
  type TestSignatureField,
  type TestTextField,
} from './pdf/options.js';
export { buildPkcs12, type Pkcs12Options } from './pkcs12/pfx.js';
export { type CreateTestPkiOptions, createTestPki } from './pki/build.js';
export { DEFAULT_PASSWORD, type IdentityKind, type Revocation, TestIdentity } from './pki/identity.js';
export { oneSignerSpec } from './pki/one-signer-spec.js';
export type {
  AuthoritySpec,
  EntityProfile,
  EntitySpec,
  PkiSpec,
  RevocationReason,
  RevocationSpec,
  TimeSpec,
  ValiditySpec,
} from './pki/spec.js';
export { type SerializedPki, TestPki } from './pki/test-pki.js';
export { type PkiUrls, pkiUrls } from './pki/urls.js';
export { VN_CA_SUBJECT, VN_ROOT_SUBJECT, VN_TEST_PKI } from './pki/vn-spec.js';
export type { CrlOptions } from './revocation/crl.js';
export type { OcspOptions, OcspResponseStatus } from './revocation/ocsp.js';
export type { TimestampFailure, TimestampOptions } from './tsa/timestamp.js';
export type { KeyUsageName } from './x509/extensions.js';
export { formatName, type NameSpec } from './x509/name.js';
export { OID } from './x509/oids.js';
