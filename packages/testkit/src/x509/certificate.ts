import { sha1 } from '@noble/hashes/legacy.js';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engineFor } from '../crypto.js';
import { toArrayBuffer } from '../encoding/bytes.js';
import type { HashName } from '../keys/key-spec.js';

export interface CertificateTemplate {
  serialNumber: Uint8Array;
  subject: pkijs.RelativeDistinguishedNames;
  /** The issuer certificate's own subject object, so its DER is copied, never re-encoded. */
  issuer: pkijs.RelativeDistinguishedNames;
  notBefore: Date;
  notAfter: Date;
  publicKey: CryptoKey;
  extensions: pkijs.Extension[];
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function x509Time(value: Date): pkijs.Time {
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** A positive 16-byte serial with a non-zero first byte (RFC 5280 allows up to 20 octets). */
export function randomSerial(crypto: Crypto): Uint8Array {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  return serial;
}

export async function publicKeyInfo(publicKey: CryptoKey, crypto: Crypto): Promise<pkijs.PublicKeyInfo> {
  const spki = new pkijs.PublicKeyInfo();
  await spki.importKey(publicKey, engineFor(crypto));
  return spki;
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(spki: pkijs.PublicKeyInfo): Uint8Array {
  return sha1(new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView));
}

export async function signCertificate(
  template: CertificateTemplate,
  signingKey: CryptoKey,
  hash: HashName,
  crypto: Crypto,
): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(template.serialNumber) });
  cert.issuer = template.issuer;
  cert.subject = template.subject;
  cert.notBefore = x509Time(template.notBefore);
  cert.notAfter = x509Time(template.notAfter);
  await cert.subjectPublicKeyInfo.importKey(template.publicKey, engineFor(crypto));
  cert.extensions = template.extensions;
  await cert.sign(signingKey, hash, engineFor(crypto));
  return new Uint8Array(cert.toSchema(true).toBER(false));
}
