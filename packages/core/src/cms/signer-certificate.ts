import { equalBytes } from '../bytes/bytes.js';
import { type Certificate, parseCertificate } from '../x509/certificate.js';
import { sameName } from '../x509/name.js';
import type { SignerInfo } from './signer-info.js';

function stripSign(serial: Uint8Array): Uint8Array {
  return serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
}

/** The certificate a SignerInfo names (issuer and serial, or subject key identifier), among `candidates`. */
export function findSignerCertificate(
  si: SignerInfo,
  candidates: readonly Uint8Array[],
): Certificate | undefined {
  for (const der of candidates) {
    let cert: Certificate;
    try {
      cert = parseCertificate(der);
    } catch {
      continue;
    }
    if (si.sid.kind === 'issuerSerial') {
      if (
        equalBytes(stripSign(cert.serialNumber), stripSign(si.sid.serialNumber)) &&
        sameName(cert.issuer, si.sid.issuer)
      )
        return cert;
    } else if (cert.subjectKeyId && equalBytes(cert.subjectKeyId, si.sid.keyId)) {
      return cert;
    }
  }
  return undefined;
}
