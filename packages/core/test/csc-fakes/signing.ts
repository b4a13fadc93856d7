import { constants, createHash, createPrivateKey, privateEncrypt, randomBytes } from 'node:crypto';
import type { TestIdentity } from '@kyso/testkit';
import { p256, p384 } from '@noble/curves/nist.js';

/**
 * How the fake services sign a digest, with Node and noble rather than the code under test:
 * RSA PKCS#1 v1.5 over a DigestInfo, RSA-PSS encoded here (RFC 8017 §9.1.1) and raised with the raw
 * RSA primitive, ECDSA over the digest as r‖s or DER.
 */

export type FakeHash = 'sha256' | 'sha384' | 'sha512';

export const HASH_OIDS: Record<FakeHash, string> = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};
export const HASH_LENGTH: Record<FakeHash, number> = { sha256: 32, sha384: 48, sha512: 64 };

// DigestInfo prefixes (RFC 8017 §9.2 note 1)
const DIGEST_INFO: Record<FakeHash, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

export function signPkcs1(identity: TestIdentity, hash: FakeHash, digest: Buffer): Buffer {
  const key = createPrivateKey(identity.privateKeyPem);
  return privateEncrypt(
    { key, padding: constants.RSA_PKCS1_PADDING },
    Buffer.concat([Buffer.from(DIGEST_INFO[hash], 'hex'), digest]),
  );
}

function mgf1(hash: FakeHash, seed: Buffer, length: number): Buffer {
  const parts: Buffer[] = [];
  for (let counter = 0; Buffer.concat(parts).length < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    parts.push(createHash(hash).update(seed).update(c).digest());
  }
  return Buffer.concat(parts).subarray(0, length);
}

export function signPss(identity: TestIdentity, hash: FakeHash, digest: Buffer, saltLength: number): Buffer {
  const key = createPrivateKey(identity.privateKeyPem);
  const modBits = Number(key.asymmetricKeyDetails?.modulusLength);
  const k = Math.ceil(modBits / 8);
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const hLen = HASH_LENGTH[hash];
  const salt = randomBytes(saltLength);
  const h = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  const db = Buffer.concat([Buffer.alloc(emLen - saltLength - hLen - 2), Buffer.from([1]), salt]);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] = db[i]! ^ mask[i]!;
  db[0] = db[0]! & (0xff >> (8 * emLen - emBits));
  const em = Buffer.concat([db, h, Buffer.from([0xbc])]);
  const padded = Buffer.concat([Buffer.alloc(k - em.length), em]);
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, padded);
}

export function signEcdsa(identity: TestIdentity, digest: Buffer, format: 'raw' | 'der'): Buffer {
  const jwk = createPrivateKey(identity.privateKeyPem).export({ format: 'jwk' });
  const d = Buffer.from(String(jwk.d), 'base64url');
  const curve = jwk.crv === 'P-384' ? p384 : p256;
  const signature = curve.sign(digest, d, { prehash: false, format: format === 'der' ? 'der' : 'compact' });
  return Buffer.from(signature);
}
