/** Object identifiers the test PKI writes. */
export const OID = {
  // name attributes
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  title: '2.5.4.12',
  CN: '2.5.4.3',
  serialNumber: '2.5.4.5',
  UID: '0.9.2342.19200300.100.1.1',
  emailAddress: '1.2.840.113549.1.9.1',
  // extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  cRLNumber: '2.5.29.20',
  cRLReason: '2.5.29.21',
  // access methods and key purposes
  ocsp: '1.3.6.1.5.5.7.48.1',
  caIssuers: '1.3.6.1.5.5.7.48.2',
  kpClientAuth: '1.3.6.1.5.5.7.3.2',
  kpEmailProtection: '1.3.6.1.5.5.7.3.4',
  kpTimeStamping: '1.3.6.1.5.5.7.3.8',
  kpOcspSigning: '1.3.6.1.5.5.7.3.9',
  kpDocumentSigning: '1.3.6.1.5.5.7.3.36',
  // OCSP
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  // CMS and time-stamps
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  // hashes
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  // PKCS#12 and PKCS#5
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA256: '1.2.840.113549.2.9',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  /**
   * Policies of the test PKI and its TSA, under the ASN.1 "example" arc (2.999) that is reserved for
   * documentation and tests, so no real policy is ever claimed.
   */
  testCertificatePolicy: '2.999.5955.1.1',
  testTsaPolicy: '2.999.5955.1.2',
} as const;

export function hashOid(hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'): string {
  return { 'SHA-1': OID.sha1, 'SHA-256': OID.sha256, 'SHA-384': OID.sha384, 'SHA-512': OID.sha512 }[hash];
}

export function hashFromOid(oid: string): 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | undefined {
  switch (oid) {
    case OID.sha1:
      return 'SHA-1';
    case OID.sha256:
      return 'SHA-256';
    case OID.sha384:
      return 'SHA-384';
    case OID.sha512:
      return 'SHA-512';
    default:
      return undefined;
  }
}
