import { type Asn1, Cursor, decode, readOctets, readOid, sequence, TAG } from '../asn1/index.js';
import { readElement } from '../asn1/reader.js';
import { OID } from '../oids.js';
import { type BagAttributes, readBagAttributes } from './attributes.js';
import { definiteLength } from './definite-length.js';
import { decryptPrivateKeyInfo } from './encrypted-private-key.js';
import { invalidPkcs12 } from './errors.js';
import type { Password } from './password.js';
import { type PrivateKeyInfo, readPrivateKeyInfo } from './private-key-info.js';

/** What a PKCS#12 file holds, bag by bag, in file order. */
export interface Pkcs12Bags {
  keys: { key: PrivateKeyInfo; attributes: BagAttributes }[];
  /** DER certificates (x509Certificate certBags; SDSI certificates and CRLs are skipped). */
  certificates: { der: Uint8Array; attributes: BagAttributes }[];
}

export interface BagReader {
  password: Password;
  crypto: Crypto;
  bags: Pkcs12Bags;
}

const MAX_NESTING = 8;

/** The element inside a [0] EXPLICIT wrapper. */
export function explicitContent(node: Asn1, what: string): Asn1 {
  if (!(node.cls === 2 && node.tag === 0 && node.constructed)) throw invalidPkcs12(`${what}: expected [0]`);
  const inner = readElement(node.source, node.contentStart, node.contentEnd);
  if (inner.end !== node.contentEnd) throw invalidPkcs12(`${what}: more than one element in [0]`);
  return inner;
}

/** CertBag ::= SEQUENCE { certId OBJECT IDENTIFIER, certValue [0] EXPLICIT ANY } */
function readCertBag(node: Asn1): Uint8Array | undefined {
  const c = new Cursor(node, 'CertBag');
  const certId = readOid(c.next(TAG.OID), 'certId');
  const value = explicitContent(c.next(), 'certValue');
  c.end();
  if (certId !== OID.x509Certificate) return undefined;
  const der = readOctets(value, 'x509Certificate');
  // a certificate is kept byte for byte: its signature covers the encoding as issued
  return der.slice();
}

/**
 * SafeContents ::= SEQUENCE OF SafeBag, SafeBag ::= SEQUENCE { bagId OBJECT IDENTIFIER,
 * bagValue [0] EXPLICIT ANY, bagAttributes SET OF PKCS12Attribute OPTIONAL } (RFC 7292 §4.2).
 */
export async function readSafeContents(node: Asn1, reader: BagReader, depth = 0): Promise<void> {
  if (depth > MAX_NESTING) throw invalidPkcs12('SafeContents nested too deep');
  for (const bag of sequence(node, 'SafeContents')) {
    const c = new Cursor(bag, 'SafeBag');
    const bagId = readOid(c.next(TAG.OID), 'bagId');
    const value = explicitContent(c.next(), 'bagValue');
    const attributes = readBagAttributes(c.optional(TAG.SET));
    c.end();
    switch (bagId) {
      case OID.keyBag:
        reader.bags.keys.push({ key: await readPrivateKeyInfo(definiteLength(value)), attributes });
        break;
      case OID.pkcs8ShroudedKeyBag:
        reader.bags.keys.push({
          key: await decryptPrivateKeyInfo(value, reader.password, reader.crypto),
          attributes,
        });
        break;
      case OID.certBag: {
        const der = readCertBag(value);
        if (der) reader.bags.certificates.push({ der, attributes });
        break;
      }
      case OID.safeContentsBag:
        await readSafeContents(value, reader, depth + 1);
        break;
      default:
        // crlBag, secretBag and private bag types carry nothing a signer needs
        break;
    }
  }
}

/** SafeContents given as the bytes of an id-data content or a decrypted id-encryptedData one. */
export function decodeSafeContents(bytes: Uint8Array): Asn1 {
  const node = decode(bytes);
  sequence(node, 'SafeContents');
  return node;
}
