import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../src/bytes/bytes.js';
import { digest } from '../src/crypto/digest.js';
import { isKysoError } from '../src/errors/kyso-error.js';
import {
  matchesPublicKey,
  readPrivateKeyInfo,
  readPrivateKeyInfoNow,
} from '../src/pkcs12/private-key-info.js';
import { WebCryptoSigner } from '../src/signers/webcrypto-signer.js';
import { parseCertificate } from '../src/x509/certificate.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  pki = await createTestPki({ include: ['signer-p256', 'signer-p384', 'lanh-dao-phong'] });
  dir = await tempDir('kyso-pkcs8-');
});
afterAll(async () => {
  await dir?.remove();
});

/** The PKCS#8 key rewritten by openssl: without its public point, or with it compressed. */
async function rewrite(pkcs8: Uint8Array, name: string, ecArgs: string[]): Promise<Uint8Array> {
  const input = join(dir.path, `${name}.in.der`);
  const sec1 = join(dir.path, `${name}.sec1.der`);
  const out = join(dir.path, `${name}.p8.der`);
  await writeFile(input, pkcs8);
  for (const args of [
    ['ec', '-inform', 'DER', '-in', input, ...ecArgs, '-outform', 'DER', '-out', sec1],
    ['pkcs8', '-topk8', '-nocrypt', '-inform', 'DER', '-in', sec1, '-outform', 'DER', '-out', out],
  ]) {
    const r = await openssl(args);
    expect(r.code, r.stderr).toBe(0);
  }
  return new Uint8Array(await readFile(out));
}

const publicKeyOf = (id: string) => parseCertificate(pki.get(id).certificate).publicKey!;

describe('PKCS#8 keys without curve arithmetic up front', () => {
  it('reads an RSA key and an EC key with its uncompressed point at once, with no curve loaded', () => {
    const rsa = readPrivateKeyInfoNow(pki.get('lanh-dao-phong').pkcs8);
    expect(rsa?.kind).toBe('RSA');
    expect(matchesPublicKey(rsa!, publicKeyOf('lanh-dao-phong'))).toBe(true);
    const ec = readPrivateKeyInfoNow(pki.get('signer-p256').pkcs8);
    const pub = publicKeyOf('signer-p256');
    expect(ec?.kind === 'EC' && pub.kind === 'EC' && toHex(ec.point) === toHex(pub.point)).toBe(true);
  });

  it('derives the point of a key written without it, and decompresses a compressed one', async () => {
    const p256 = pki.get('signer-p256');
    for (const [name, args] of [
      ['no-public', ['-no_public']],
      ['compressed', ['-conv_form', 'compressed']],
    ] as const) {
      const pkcs8 = await rewrite(p256.pkcs8, name, [...args]);
      expect(readPrivateKeyInfoNow(pkcs8), name).toBeUndefined();
      const info = await readPrivateKeyInfo(pkcs8);
      expect(matchesPublicKey(info, publicKeyOf('signer-p256')), name).toBe(true);
      expect(matchesPublicKey(info, publicKeyOf('signer-p384')), name).toBe(false);
    }
  });

  it('matches a certificate key written compressed by x and the parity of y', async () => {
    const info = await readPrivateKeyInfo(pki.get('signer-p256').pkcs8);
    const pub = publicKeyOf('signer-p256');
    if (pub.kind !== 'EC' || info.kind !== 'EC') throw new Error('EC expected');
    const x = pub.point.subarray(1, 33);
    const odd = (pub.point[64]! & 1) === 1;
    const compressed = (prefix: number) => ({ ...pub, point: Uint8Array.of(prefix, ...x) });
    expect(matchesPublicKey(info, compressed(odd ? 0x03 : 0x02))).toBe(true);
    expect(matchesPublicKey(info, compressed(odd ? 0x02 : 0x03))).toBe(false);
  });

  it('WebCryptoSigner checks a key without its point before its first use', async () => {
    const p256 = pki.get('signer-p256');
    const bare = await rewrite(p256.pkcs8, 'signer', ['-no_public']);
    const data = new Uint8Array([0x31, 0x00]);
    const request = {
      scheme: 'ECDSA' as const,
      hash: 'SHA-256' as const,
      data,
      digest: await digest('SHA-256', data),
    };
    // its own certificate: signs
    const good = new WebCryptoSigner({ privateKey: bare, certificates: [p256.certificate] });
    expect((await good.sign(request))[0]).toBe(0x30);
    // another P-256 key's certificate: accepted by the constructor, refused before signing
    const other = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const otherBare = await rewrite(
      new Uint8Array(await crypto.subtle.exportKey('pkcs8', other.privateKey)),
      'other',
      ['-no_public'],
    );
    const wrong = new WebCryptoSigner({ privateKey: otherBare, certificates: [p256.certificate] });
    const refused = await wrong.sign(request).catch((e: unknown) => e);
    expect(isKysoError(refused, 'INVALID_INPUT'), String(refused)).toBe(true);
    const early = await WebCryptoSigner.fromPkcs8(otherBare, [p256.certificate]).catch((e: unknown) => e);
    expect(isKysoError(early, 'INVALID_INPUT'), String(early)).toBe(true);
  });
});
