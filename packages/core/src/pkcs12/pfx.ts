import {
  type Asn1,
  Cursor,
  decode,
  readOctets,
  readOid,
  readSmallInteger,
  sequence,
  TAG,
} from '../asn1/index.js';
import { readAlgorithmIdentifier } from '../crypto/algorithm-identifier.js';
import type { HasherFactory } from '../crypto/digest.js';
import { resolveProvider } from '../crypto/provider.js';
import { isKysoError, KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import { passwordDecrypt } from './decrypt.js';
import { DecryptionFailed, invalidPkcs12, unsupported } from './errors.js';
import { type MacData, readMacData, verifyMac } from './mac.js';
import { type Password, passwordCandidates } from './password.js';
import {
  type BagReader,
  decodeSafeContents,
  explicitContent,
  type Pkcs12Bags,
  readSafeContents,
} from './safe-contents.js';
import { type Pkcs12Contents, selectIdentity } from './select.js';

export interface Pkcs12Options {
  /** WebCrypto (globalThis.crypto by default). */
  crypto?: Crypto;
  /** A native incremental hasher (Node's) for the MAC's key derivation; pure JS by default. */
  hasher?: HasherFactory;
}

/** PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL } */
interface Pfx {
  /** The content octets of authSafe: what the MAC covers. */
  authSafe: Uint8Array;
  /** AuthenticatedSafe ::= SEQUENCE OF ContentInfo */
  contents: Asn1[];
  mac?: MacData;
}

function readPfx(bytes: Uint8Array): Pfx {
  const c = new Cursor(decode(bytes), 'PFX');
  const version = readSmallInteger(c.next(TAG.INTEGER), 'PFX version');
  if (version !== 3) throw invalidPkcs12(`version ${version} (expected 3)`);
  const info = new Cursor(c.next(TAG.SEQUENCE), 'authSafe ContentInfo');
  const type = readOid(info.next(TAG.OID), 'authSafe contentType');
  if (type === OID.signedData) throw unsupported('PKCS#12 public-key integrity mode (signedData)');
  if (type !== OID.data) throw invalidPkcs12(`authSafe of content type ${type}`);
  const authSafe = readOctets(explicitContent(info.next(), 'authSafe content'), 'authSafe');
  info.end();
  const macNode = c.optional(TAG.SEQUENCE);
  c.end();
  const contents = sequence(decode(authSafe), 'AuthenticatedSafe');
  return { authSafe, contents, ...(macNode ? { mac: readMacData(macNode) } : {}) };
}

/**
 * EncryptedData ::= SEQUENCE { version INTEGER, encryptedContentInfo EncryptedContentInfo, … }
 * EncryptedContentInfo ::= SEQUENCE { contentType ContentType, contentEncryptionAlgorithm
 *   AlgorithmIdentifier, encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL } (RFC 5652 §8)
 */
async function readEncryptedData(node: Asn1, reader: BagReader): Promise<void> {
  const c = new Cursor(node, 'EncryptedData');
  readSmallInteger(c.next(TAG.INTEGER), 'EncryptedData version');
  const eci = new Cursor(c.next(TAG.SEQUENCE), 'EncryptedContentInfo');
  readOid(eci.next(TAG.OID), 'contentType');
  const algorithm = readAlgorithmIdentifier(eci.next(TAG.SEQUENCE), 'contentEncryptionAlgorithm');
  const encrypted = eci.context(0);
  eci.end();
  c.context(1); // unprotectedAttrs
  c.end();
  if (!encrypted) return;
  const plain = await passwordDecrypt(
    algorithm,
    readOctets(encrypted, 'encryptedContent'),
    reader.password,
    reader.crypto,
  );
  let contents: Asn1;
  try {
    contents = decodeSafeContents(plain);
  } catch (error) {
    throw new DecryptionFailed('the decrypted data is not SafeContents', { cause: error });
  }
  await readSafeContents(contents, reader);
}

async function readContents(pfx: Pfx, password: Password, crypto: Crypto): Promise<Pkcs12Bags> {
  const reader: BagReader = { password, crypto, bags: { keys: [], certificates: [] } };
  for (const node of pfx.contents) {
    const c = new Cursor(node, 'ContentInfo');
    const type = readOid(c.next(TAG.OID), 'contentType');
    const content = c.done ? undefined : explicitContent(c.next(), 'content');
    c.end();
    if (!content) continue;
    switch (type) {
      case OID.data:
        await readSafeContents(decodeSafeContents(readOctets(content, 'data')), reader);
        break;
      case OID.encryptedData:
        await readEncryptedData(content, reader);
        break;
      case OID.envelopedData:
        throw unsupported('PKCS#12 public-key privacy mode (envelopedData)');
      default:
        throw invalidPkcs12(`AuthenticatedSafe content of type ${type}`);
    }
  }
  return reader.bags;
}

function asKysoError(error: unknown, passwordProven: boolean): KysoError {
  if (isKysoError(error)) return error;
  if (error instanceof DecryptionFailed) {
    return passwordProven
      ? invalidPkcs12(`decryption failed although the MAC verified (${error.message})`, error)
      : new KysoError('BAD_PASSWORD', { cause: error });
  }
  return invalidPkcs12(error instanceof Error ? error.message : String(error), error);
}

/**
 * Every key and certificate of a PKCS#12 file (RFC 7292), decrypted. A wrong password is
 * BAD_PASSWORD: found by the MAC when the file has one, by the decryption otherwise. Malformed input
 * is INVALID_INPUT, an encryption or integrity scheme kyso does not implement UNSUPPORTED_ALGORITHM.
 */
export async function readPkcs12Bags(
  bytes: Uint8Array,
  password: string,
  options: Pkcs12Options = {},
): Promise<Pkcs12Bags> {
  const { crypto } = resolveProvider(options.crypto ? { crypto: options.crypto } : undefined);
  let pfx: Pfx;
  try {
    pfx = readPfx(bytes);
  } catch (error) {
    throw asKysoError(error, false);
  }
  const candidates = passwordCandidates(password);
  if (pfx.mac) {
    const mac = pfx.mac;
    let right: Password | undefined;
    for (const p of candidates)
      if (await verifyMac(mac, pfx.authSafe, p.bmp, { crypto, hasher: options.hasher })) {
        right = p;
        break;
      }
    if (!right) throw new KysoError('BAD_PASSWORD');
    try {
      return await readContents(pfx, right, crypto);
    } catch (error) {
      throw asKysoError(error, true);
    }
  }
  // No MAC: only a decryption that works tells a right password from a wrong one.
  for (let i = 0; ; i++) {
    try {
      return await readContents(pfx, candidates[i]!, crypto);
    } catch (error) {
      if (!(error instanceof DecryptionFailed) || i === candidates.length - 1)
        throw asKysoError(error, false);
    }
  }
}

/**
 * The signing identity in a PKCS#12 (.p12, .pfx) file: the private key whose public key matches a
 * certificate of the file, that certificate and its chain, leaf first. NO_PRIVATE_KEY when the file
 * holds certificates only; see readPkcs12Bags for the other errors.
 */
export async function readPkcs12(
  bytes: Uint8Array,
  password: string,
  options: Pkcs12Options = {},
): Promise<Pkcs12Contents> {
  const bags = await readPkcs12Bags(bytes, password, options);
  try {
    return selectIdentity(bags);
  } catch (error) {
    throw asKysoError(error, true);
  }
}
