import { formatName, type HashAlg, OID, parseCertificate, type SigScheme } from '@kyso/core';

const RSA_WITH: Record<HashAlg, string> = {
  'SHA-256': OID.sha256WithRSA,
  'SHA-384': OID.sha384WithRSA,
  'SHA-512': OID.sha512WithRSA,
};
const ECDSA_WITH: Record<HashAlg, string> = {
  'SHA-256': OID.ecdsaSha256,
  'SHA-384': OID.ecdsaSha384,
  'SHA-512': OID.ecdsaSha512,
};
const CURVE_OID: Record<string, string> = { 'P-256': OID.p256, 'P-384': OID.p384, 'P-521': OID.p521 };

/**
 * `key.algo`: the OIDs naming each (scheme, hash) the key does, preferred first, then the key-type
 * OIDs clients may send with a separate hashAlgorithmOID (rsaEncryption, RSASSA-PSS, id-ecPublicKey).
 */
export function keyAlgorithmOids(algorithms: readonly { hash: HashAlg; scheme: SigScheme }[]): string[] {
  const out = new Set<string>();
  for (const a of algorithms)
    if (a.scheme === 'RSASSA-PKCS1-v1_5') out.add(RSA_WITH[a.hash]);
    else if (a.scheme === 'ECDSA') out.add(ECDSA_WITH[a.hash]);
  if (algorithms.some((a) => a.scheme === 'RSASSA-PKCS1-v1_5')) out.add(OID.rsaEncryption);
  if (algorithms.some((a) => a.scheme === 'RSASSA-PSS')) out.add(OID.rsassaPss);
  if (algorithms.some((a) => a.scheme === 'ECDSA')) out.add(OID.ecPublicKey);
  return [...out];
}

/** GeneralizedTime text, as CSC writes validFrom/validTo. */
function generalizedTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** `key.len`, `key.curve` and, when asked, the `cert` details of a credential's certificate. */
export function describeKeyAndCertificate(certificate: Uint8Array): {
  len: number;
  curve?: string;
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  valid: boolean;
} {
  const cert = parseCertificate(certificate);
  const key = cert.publicKey;
  const curve = key?.kind === 'EC' ? CURVE_OID[key.curve] : undefined;
  const now = Date.now();
  return {
    len: key?.bits ?? 0,
    ...(curve ? { curve } : {}),
    subjectDN: formatName(cert.subject),
    issuerDN: formatName(cert.issuer),
    serialNumber: cert.serialHex,
    validFrom: generalizedTime(cert.notBefore),
    validTo: generalizedTime(cert.notAfter),
    valid: cert.notBefore.getTime() <= now && now <= cert.notAfter.getTime(),
  };
}
