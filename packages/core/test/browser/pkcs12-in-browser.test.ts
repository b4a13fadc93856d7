import { createTestPki, type TestPki } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, type HashAlg } from '../../src/crypto/digest.js';
import { resolveProvider } from '../../src/crypto/provider.js';
import { verifySignature } from '../../src/crypto/verify.js';
import { isKysoError } from '../../src/errors/kyso-error.js';
import { readPkcs12 } from '../../src/pkcs12/pfx.js';
import { Pkcs12Signer } from '../../src/signers/pkcs12-signer.js';
import type { SigScheme } from '../../src/signers/signer.js';
import { parseCertificate } from '../../src/x509/certificate.js';

/** PKCS#12 reading and signing in Chromium's WebCrypto (PBKDF2, AES-CBC, RSA-PSS, P-521). */
let pki: TestPki;
const provider = resolveProvider();

beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong', 'signer-p256', 'signer-p521'] });
});

describe('PKCS#12 in Chromium', () => {
  it.each([
    ['lanh-dao-phong', 'RSASSA-PKCS1-v1_5', 'SHA-256'],
    ['lanh-dao-phong', 'RSASSA-PSS', 'SHA-384'],
    ['signer-p256', 'ECDSA', 'SHA-256'],
    ['signer-p521', 'ECDSA', 'SHA-512'],
  ] as const)('%s signs with %s and %s', async (id, scheme: SigScheme, hash: HashAlg) => {
    const identity = pki.get(id);
    const signer = await Pkcs12Signer.open(await identity.toPkcs12({ password: 'mật khẩu' }), 'mật khẩu');
    expect(await signer.certificates()).toEqual(identity.chain);
    const data = new TextEncoder().encode('thuộc tính được ký');
    const d = await digest(hash, data);
    const signature = await signer.sign({ scheme, hash, data, digest: d });
    const key = parseCertificate(identity.certificate).publicKey!;
    const algorithm =
      scheme === 'RSASSA-PSS'
        ? { scheme, hash, pss: { hash, mgfHash: hash, saltLength: 48 }, name: 'PSS' }
        : { scheme, hash, ecdsaEncoding: 'der' as const, name: scheme };
    expect(await verifySignature({ key, algorithm, hash, signature, digest: d }, provider)).toBe(true);
  });

  it('a wrong password is BAD_PASSWORD', async () => {
    const bytes = await pki.get('signer-p256').toPkcs12({ password: 'a' });
    await readPkcs12(bytes, 'b').then(
      () => expect.unreachable(),
      (error: unknown) => expect(isKysoError(error, 'BAD_PASSWORD')).toBe(true),
    );
  });
});
