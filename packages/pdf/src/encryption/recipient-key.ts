import { type asn1 as Asn1Module, asn1, equalBytes, KysoError, OID, parseCertificate } from '@kyso/core';
import { aesCbcDecryptStrict } from './aes.js';
import { type EnvelopedData, type KeyTransRecipient, readEnvelopedData } from './enveloped-data.js';
import { unsupported } from './errors.js';
import type { PdfRecipient } from './options.js';
import { type OaepHash, rsaDecryptOaep, rsaDecryptPkcs1 } from './rsa-decrypt.js';
import { type RsaPrivateKey, readRsaPrivateKey } from './rsa-private-key.js';

type Asn1 = Asn1Module.Asn1;
const { Cursor, readElement, readOctets, readOid, TAG } = asn1;

const RSAES_OAEP = '1.2.840.113549.1.1.7';
const HASH_BY_OID: Record<string, OaepHash> = {
  [OID.sha1]: 'SHA-1',
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};
const AES_KEY_BYTES: Record<string, number> = {
  [OID.aes128Cbc]: 16,
  [OID.aes192Cbc]: 24,
  [OID.aes256Cbc]: 32,
};

function withoutLeadingZeros(b: Uint8Array): Uint8Array {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
}

function hashOf(node: Asn1 | undefined): OaepHash {
  if (!node) return 'SHA-1';
  const inner = readElement(node.source, node.contentStart, node.contentEnd);
  const oid = readOid(new Cursor(inner, 'hashAlgorithm').next(TAG.OID));
  const hash = HASH_BY_OID[oid];
  if (!hash) throw unsupported(`RSA-OAEP with hash ${oid}`);
  return hash;
}

/** RSAES-OAEP-params (RFC 8017 §A.2.1): hash and MGF1 hash, SHA-1 by default; labels are not used. */
function oaepParameters(params: Asn1 | undefined): { hash: OaepHash; mgfHash: OaepHash } {
  if (!params || params.tag === TAG.NULL) return { hash: 'SHA-1', mgfHash: 'SHA-1' };
  const c = new Cursor(params, 'RSAES-OAEP-params');
  const hash = hashOf(c.context(0));
  const mgf = c.context(1);
  let mgfHash: OaepHash = 'SHA-1';
  if (mgf) {
    const m = new Cursor(readElement(mgf.source, mgf.contentStart, mgf.contentEnd), 'maskGenAlgorithm');
    if (readOid(m.next(TAG.OID)) !== OID.mgf1)
      throw unsupported('RSA-OAEP with a mask generation other than MGF1');
    mgfHash = HASH_BY_OID[readOid(new Cursor(m.next(TAG.SEQUENCE), 'mgf1 hash').next(TAG.OID))] ?? 'SHA-1';
  }
  return { hash, mgfHash };
}

function contentKey(r: KeyTransRecipient, key: RsaPrivateKey): Uint8Array | undefined {
  if (r.keyAlgorithm === OID.rsaEncryption) return rsaDecryptPkcs1(key, r.encryptedKey);
  if (r.keyAlgorithm === RSAES_OAEP) {
    const { hash, mgfHash } = oaepParameters(r.keyParameters);
    return rsaDecryptOaep(key, r.encryptedKey, hash, mgfHash);
  }
  return undefined;
}

function decryptContent(env: EnvelopedData, cek: Uint8Array): Uint8Array | undefined {
  const size = AES_KEY_BYTES[env.contentAlgorithm];
  // RC2 and triple DES (old Acrobat) are not read: no recipient written today uses them
  if (size === undefined) throw unsupported(`recipient content encryption ${env.contentAlgorithm}`);
  if (cek.length !== size || !env.contentParameters) return undefined;
  const iv = readOctets(env.contentParameters, 'AES IV');
  return aesCbcDecryptStrict(cek, iv, env.encryptedContent);
}

/**
 * §7.6.5.2: the 20-byte seed of the first /Recipients envelope the recipient opens. Recipient
 * infos naming the certificate (issuer and serial, or subject key identifier) are tried first,
 * then the others, as some writers identify recipients loosely. Undefined when none opens.
 */
export function recipientSeed(envelopes: Uint8Array[], recipient: PdfRecipient): Uint8Array | undefined {
  const cert = parseCertificate(recipient.certificate);
  const key = readRsaPrivateKey(recipient.privateKeyPkcs8);
  if (cert.publicKey?.kind === 'RSA' && cert.publicKey.n !== key.n)
    throw new KysoError('INVALID_INPUT', {
      params: { detail: 'the recipient private key does not belong to its certificate' },
    });
  const serial = withoutLeadingZeros(cert.serialNumber);
  const names = (r: KeyTransRecipient) =>
    (r.subjectKeyId && cert.subjectKeyId && equalBytes(r.subjectKeyId, cert.subjectKeyId)) ||
    (r.issuer &&
      r.serial &&
      equalBytes(r.issuer, cert.issuer.der) &&
      equalBytes(withoutLeadingZeros(r.serial), serial));
  for (const der of envelopes) {
    let env: EnvelopedData;
    try {
      env = readEnvelopedData(der);
    } catch (error) {
      throw unsupported(`a /Recipients entry is not CMS EnvelopedData (${String(error)})`, error);
    }
    const ordered = [...env.recipients.filter(names), ...env.recipients.filter((r) => !names(r))];
    for (const r of ordered) {
      const cek = contentKey(r, key);
      const content = cek && decryptContent(env, cek);
      if (content && content.length >= 20) return content.subarray(0, 20);
    }
  }
  return undefined;
}
