import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestIdentity, type TestPki } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { der } from '../src/asn1/index.js';
import { digest, type HashAlg } from '../src/crypto/digest.js';
import { resolveProvider } from '../src/crypto/provider.js';
import type { SignatureAlgorithm } from '../src/crypto/signature-algorithm.js';
import { verifySignature } from '../src/crypto/verify.js';
import { isKysoError } from '../src/errors/kyso-error.js';
import { OID } from '../src/oids.js';
import { Pkcs12Signer } from '../src/signers/pkcs12-signer.js';
import type { Signer, SignRequest, SigScheme } from '../src/signers/signer.js';
import { WebCryptoSigner } from '../src/signers/webcrypto-signer.js';
import { parseCertificate } from '../src/x509/certificate.js';
import { exportPkcs12 } from './pkcs12-helpers.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
const provider = resolveProvider();

beforeAll(async () => {
  pki = await createTestPki({ baseUrl: 'http://127.0.0.1:1' });
  dir = await tempDir('kyso-signers-');
}, 120_000);

afterAll(async () => {
  await dir?.remove();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<Error> {
  const error = await rejection(promise);
  expect(isKysoError(error), String(error)).toBe(true);
  expect((error as { code: string }).code, (error as Error).message).toBe(code);
  return error as Error;
}

/** Signed attributes as CMS would hash them: a DER SET with a content type and a message digest. */
function signedAttributes(): Uint8Array {
  return der.set(
    der.seq(der.oid(OID.contentType), der.set(der.oid(OID.data))),
    der.seq(der.oid(OID.messageDigest), der.set(der.octets(crypto.getRandomValues(new Uint8Array(32))))),
  );
}

async function request(scheme: SigScheme, hash: HashAlg, data = signedAttributes()): Promise<SignRequest> {
  return { scheme, hash, data, digest: await digest(hash, data) };
}

const HASH_LENGTH: Record<HashAlg, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

function algorithm(scheme: SigScheme, hash: HashAlg): SignatureAlgorithm {
  if (scheme === 'RSASSA-PSS')
    return {
      scheme,
      hash,
      pss: { hash, mgfHash: hash, saltLength: HASH_LENGTH[hash] },
      name: `RSA-PSS with ${hash}`,
    };
  return { scheme, hash, ...(scheme === 'ECDSA' ? { ecdsaEncoding: 'der' as const } : {}), name: scheme };
}

/** The independent judge: openssl dgst -verify with the certificate's public key. */
async function opensslVerifies(
  identity: TestIdentity,
  scheme: SigScheme,
  hash: HashAlg,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const tag = Math.random().toString(36).slice(2);
  const pub = join(dir.path, `${tag}.pub.pem`);
  const dataFile = join(dir.path, `${tag}.data`);
  const sigFile = join(dir.path, `${tag}.sig`);
  const key = await openssl(['x509', '-pubkey', '-noout'], { input: identity.certificatePem });
  await writeFile(pub, key.stdout);
  await writeFile(dataFile, data);
  await writeFile(sigFile, signature);
  const pss =
    scheme === 'RSASSA-PSS'
      ? ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', `rsa_pss_saltlen:${HASH_LENGTH[hash]}`]
      : [];
  const r = await openssl([
    'dgst',
    `-${hash.toLowerCase().replace('-', '')}`,
    '-verify',
    pub,
    ...pss,
    '-signature',
    sigFile,
    dataFile,
  ]);
  return r.code === 0 && r.stdout.includes('Verified OK');
}

async function expectVerifiedSignatures(signer: Signer, identity: TestIdentity) {
  const key = parseCertificate(identity.certificate).publicKey!;
  for (const { scheme, hash } of await signer.algorithms()) {
    const req = await request(scheme, hash);
    const signature = await signer.sign(req);
    const what = `${identity.id} ${scheme} ${hash}`;
    expect(
      await verifySignature(
        { key, algorithm: algorithm(scheme, hash), hash, signature, digest: req.digest },
        provider,
      ),
      what,
    ).toBe(true);
    expect(await opensslVerifies(identity, scheme, hash, req.data!, signature), what).toBe(true);
    // and not over other data
    const other = await request(scheme, hash);
    expect(
      await opensslVerifies(identity, scheme, hash, other.data!, signature),
      `${what} (other data)`,
    ).toBe(false);
  }
}

const RSA_ALGORITHMS = [
  { hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' },
  { hash: 'SHA-384', scheme: 'RSASSA-PKCS1-v1_5' },
  { hash: 'SHA-512', scheme: 'RSASSA-PKCS1-v1_5' },
  { hash: 'SHA-256', scheme: 'RSASSA-PSS' },
  { hash: 'SHA-384', scheme: 'RSASSA-PSS' },
  { hash: 'SHA-512', scheme: 'RSASSA-PSS' },
];

describe('Pkcs12Signer', () => {
  it.each([
    ['lanh-dao-phong', RSA_ALGORITHMS],
    ['signer-rsa4096', RSA_ALGORITHMS],
    ['signer-p256', ['SHA-256', 'SHA-384', 'SHA-512'].map((hash) => ({ hash, scheme: 'ECDSA' }))],
    ['signer-p384', ['SHA-384', 'SHA-512', 'SHA-256'].map((hash) => ({ hash, scheme: 'ECDSA' }))],
    ['signer-p521', ['SHA-512', 'SHA-384', 'SHA-256'].map((hash) => ({ hash, scheme: 'ECDSA' }))],
  ])('%s signs what core and openssl verify', async (id, algorithms) => {
    const identity = pki.get(id);
    const signer = await Pkcs12Signer.open(await identity.toPkcs12({ password: 'mật khẩu' }), 'mật khẩu');
    expect(await signer.algorithms()).toEqual(algorithms);
    expect(await signer.certificates()).toEqual(identity.chain);
    expect(signer.friendlyName).toBe(identity.commonName);
    await expectVerifiedSignatures(signer, identity);
  });

  it('opens what openssl writes, legacy ciphers included', async () => {
    const identity = pki.get('signer-p256');
    for (const args of [[], ['-provider', 'legacy', '-provider', 'default', '-keypbe', 'PBE-SHA1-RC2-40']]) {
      const bytes = await exportPkcs12(dir.path, identity, { password: 'pw', args });
      const signer = await Pkcs12Signer.open(bytes, 'pw');
      const req = await request('ECDSA', 'SHA-256');
      expect(await opensslVerifies(identity, 'ECDSA', 'SHA-256', req.data!, await signer.sign(req))).toBe(
        true,
      );
    }
  });

  it('signMany signs each request', async () => {
    const identity = pki.get('lanh-dao-phong');
    const signer = await Pkcs12Signer.open(await identity.toPkcs12({ password: 'x' }), 'x');
    const requests = [await request('RSASSA-PKCS1-v1_5', 'SHA-256'), await request('RSASSA-PSS', 'SHA-512')];
    const signatures = await signer.signMany(requests);
    expect(signatures).toHaveLength(2);
    for (const [i, req] of requests.entries()) {
      expect(await opensslVerifies(identity, req.scheme, req.hash, req.data!, signatures[i]!)).toBe(true);
    }
  });

  it('BAD_PASSWORD, NO_PRIVATE_KEY, INVALID_INPUT', async () => {
    const identity = pki.get('signer-p256');
    await expectCode(Pkcs12Signer.open(await identity.toPkcs12({ password: 'a' }), 'b'), 'BAD_PASSWORD');
    const certsOnly = await exportPkcs12(dir.path, identity, { args: ['-nokeys'] });
    await expectCode(Pkcs12Signer.open(certsOnly, 'kyso-test'), 'NO_PRIVATE_KEY');
    await expectCode(Pkcs12Signer.open(new Uint8Array([1, 2, 3]), 'x'), 'INVALID_INPUT');
  });

  it.each([
    ['Ed25519', ['genpkey', '-algorithm', 'ed25519']],
    ['brainpoolP256r1', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:brainpoolP256r1']],
  ])('UNSUPPORTED_ALGORITHM for %s keys', async (name, genpkey) => {
    const key = join(dir.path, `${name}.key`);
    const cert = join(dir.path, `${name}.crt`);
    const p12 = join(dir.path, `${name}.p12`);
    for (const args of [
      [...genpkey, '-out', key],
      ['req', '-x509', '-new', '-key', key, '-subj', `/CN=${name}`, '-days', '1', '-out', cert],
      ['pkcs12', '-export', '-inkey', key, '-in', cert, '-passout', 'pass:x', '-out', p12],
    ]) {
      const r = await openssl(args);
      expect(r.code, r.stderr).toBe(0);
    }
    const bytes = new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(p12)));
    const error = await expectCode(Pkcs12Signer.open(bytes, 'x'), 'UNSUPPORTED_ALGORITHM');
    expect(error.message).toContain(name);
  });
});

describe('WebCryptoSigner', () => {
  it('refuses a request without data, or whose digest is not the hash of its data', async () => {
    const identity = pki.get('signer-p256');
    const signer = new WebCryptoSigner({ privateKey: identity.pkcs8, certificates: identity.chain });
    const good = await request('ECDSA', 'SHA-256');
    const { data: _, ...withoutData } = good;
    const noData = await expectCode(signer.sign(withoutData), 'INVALID_INPUT');
    expect(noData.message).toMatch(/data/);
    const mismatch = await expectCode(
      signer.sign({ ...good, digest: await digest('SHA-256', signedAttributes()) }),
      'INVALID_INPUT',
    );
    expect(mismatch.message).toMatch(/digest/);
    await expectCode(signer.sign({ ...good, hash: 'SHA-384' }), 'INVALID_INPUT');
    await expectCode(signer.sign({ ...good, digest: good.digest.subarray(1) }), 'INVALID_INPUT');
    // and still signs a good one
    expect((await signer.sign(good))[0]).toBe(0x30);
  });

  it('refuses schemes the key cannot do', async () => {
    const ec = pki.get('signer-p256');
    const rsa = pki.get('lanh-dao-phong');
    const ecSigner = new WebCryptoSigner({ privateKey: ec.pkcs8, certificates: [ec.certificate] });
    const rsaSigner = new WebCryptoSigner({ privateKey: rsa.pkcs8, certificates: [rsa.certificate] });
    await expectCode(ecSigner.sign(await request('RSASSA-PKCS1-v1_5', 'SHA-256')), 'UNSUPPORTED_ALGORITHM');
    await expectCode(rsaSigner.sign(await request('ECDSA', 'SHA-256')), 'UNSUPPORTED_ALGORITHM');
    await expectCode(
      rsaSigner.sign({ ...(await request('RSASSA-PKCS1-v1_5', 'SHA-256')), hash: 'SHA-1' as HashAlg }),
      'UNSUPPORTED_ALGORITHM',
    );
  });

  it('honours an AbortSignal', async () => {
    const identity = pki.get('lanh-dao-phong');
    const signer = new WebCryptoSigner({ privateKey: identity.pkcs8, certificates: [identity.certificate] });
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    const req = await request('RSASSA-PKCS1-v1_5', 'SHA-256');
    await expectCode(signer.sign(req, { signal: controller.signal }), 'ABORTED');
    await expectCode(signer.signMany([req], { signal: controller.signal }), 'ABORTED');
    await expectCode(signer.algorithms({ signal: controller.signal }), 'ABORTED');
    await expectCode(signer.certificates({ signal: controller.signal }), 'ABORTED');
    // aborted while signing
    const late = new AbortController();
    const pending = signer.sign(req, { signal: late.signal });
    late.abort();
    await expectCode(pending, 'ABORTED');
  });

  it('refuses a key that is not the certificate’s', async () => {
    const p256 = pki.get('signer-p256');
    const p384 = pki.get('signer-p384');
    const rsa = pki.get('lanh-dao-phong');
    const other = pki.get('signer-rsa2048');
    const rsa4096 = pki.get('signer-rsa4096');
    const mismatch = (privateKey: Uint8Array | CryptoKey, certificates: Uint8Array[]) => {
      try {
        new WebCryptoSigner({ privateKey, certificates });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const error of [
      mismatch(p256.pkcs8, [p384.certificate]),
      mismatch(other.pkcs8, [rsa.certificate]),
      mismatch(rsa.pkcs8, [p256.certificate]),
      mismatch(p256.pkcs8, []),
      mismatch(new Uint8Array([0x30, 0]), [p256.certificate]),
      mismatch(
        await crypto.subtle.importKey(
          'pkcs8',
          p384.pkcs8.slice(),
          { name: 'ECDSA', namedCurve: 'P-384' },
          false,
          ['sign'],
        ),
        [p256.certificate],
      ),
      mismatch(
        await crypto.subtle.importKey(
          'pkcs8',
          rsa4096.pkcs8.slice(),
          { name: 'RSA-PSS', hash: 'SHA-256' },
          false,
          ['sign'],
        ),
        [rsa.certificate],
      ),
    ]) {
      expect(isKysoError(error, 'INVALID_INPUT'), String(error)).toBe(true);
    }
    // A non-extractable RSA CryptoKey shows only its size and exponent: another 2048-bit key passes
    // here, and the CMS layer's check of the signature it makes is what catches it.
    const sameSize = await crypto.subtle.importKey(
      'pkcs8',
      other.pkcs8.slice(),
      { name: 'RSA-PSS', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    expect(mismatch(sameSize, [rsa.certificate])).toBeUndefined();
  });

  it('with a non-extractable RSA CryptoKey: the scheme and hash it was imported for', async () => {
    const identity = pki.get('lanh-dao-phong');
    for (const [name, scheme] of [
      ['RSA-PSS', 'RSASSA-PSS'],
      ['RSASSA-PKCS1-v1_5', 'RSASSA-PKCS1-v1_5'],
    ] as const) {
      const privateKey = await crypto.subtle.importKey(
        'pkcs8',
        identity.pkcs8.slice(),
        { name, hash: 'SHA-384' },
        false,
        ['sign'],
      );
      const signer = new WebCryptoSigner({ privateKey, certificates: identity.chain });
      expect(await signer.algorithms()).toEqual([{ hash: 'SHA-384', scheme }]);
      await expectVerifiedSignatures(signer, identity);
      await expectCode(signer.sign(await request(scheme, 'SHA-256')), 'UNSUPPORTED_ALGORITHM');
    }
  });

  it('with an extractable RSA CryptoKey: every scheme and hash', async () => {
    const identity = pki.get('signer-rsa2048');
    const privateKey = await crypto.subtle.importKey(
      'pkcs8',
      identity.pkcs8.slice(),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      true,
      ['sign'],
    );
    const signer = new WebCryptoSigner({ privateKey, certificates: [identity.certificate] });
    expect(await signer.algorithms()).toEqual(RSA_ALGORITHMS);
    await expectVerifiedSignatures(signer, identity);
  });

  it.each(['signer-p256', 'signer-p384', 'signer-p521'])(
    'with an EC CryptoKey (%s): every hash',
    async (id) => {
      const identity = pki.get(id);
      const namedCurve = { 'signer-p256': 'P-256', 'signer-p384': 'P-384', 'signer-p521': 'P-521' }[id]!;
      const privateKey = await crypto.subtle.importKey(
        'pkcs8',
        identity.pkcs8.slice(),
        { name: 'ECDSA', namedCurve },
        false,
        ['sign'],
      );
      const signer = new WebCryptoSigner({ privateKey, certificates: [identity.certificate] });
      expect((await signer.algorithms()).map((a) => a.hash)).toHaveLength(3);
      await expectVerifiedSignatures(signer, identity);
    },
  );

  it('fromPkcs8 keeps no copy of the key', async () => {
    const identity = pki.get('signer-p384');
    const pkcs8 = identity.pkcs8.slice();
    const signer = await WebCryptoSigner.fromPkcs8(pkcs8, identity.chain);
    expect(pkcs8).toEqual(identity.pkcs8);
    await expectVerifiedSignatures(signer, identity);
  });
});

describe('a signer limited to its preferred algorithm (one key import)', () => {
  it('offers and signs only the first choice of the full signer', async () => {
    for (const id of ['lanh-dao-phong', 'signer-p384']) {
      const identity = pki.get(id);
      const p12 = await identity.toPkcs12({ password: 'x' });
      const full = await Pkcs12Signer.open(p12, 'x');
      const one = await Pkcs12Signer.open(p12, 'x', { preferredOnly: true });
      const [preferred, other] = await full.algorithms();
      expect(await one.algorithms(), id).toEqual([preferred]);
      const signature = await one.sign(await request(preferred!.scheme, preferred!.hash));
      expect(signature.length, id).toBeGreaterThan(0);
      if (other) await expectCode(one.sign(await request(other.scheme, other.hash)), 'UNSUPPORTED_ALGORITHM');
    }
  });
});
