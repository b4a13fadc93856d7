import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestIdentity, type TestPki } from '@kyso/testkit';
import { openssl, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { der } from '../src/asn1/index.js';
import { equalBytes, fromHex, toHex } from '../src/bytes/bytes.js';
import { isKysoError } from '../src/errors/kyso-error.js';
import { OID } from '../src/oids.js';
import { readPkcs12, readPkcs12Bags } from '../src/pkcs12/pfx.js';
import { decryptPrivateKey } from '../src/pkcs12/private-key.js';
import { matchesPublicKey, readPrivateKeyInfo } from '../src/pkcs12/private-key-info.js';
import { parseCertificate } from '../src/x509/certificate.js';
import { describePkcs12, exportPkcs12, LEGACY_PROVIDER, windowsStyleBer } from './pkcs12-helpers.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
let legacy: string[];
/** `-nomac` makes OpenSSL 3.0 leave certificates unencrypted unless a later -certpbe says otherwise. */
const NO_MAC = ['-nomac', '-certpbe', 'AES-256-CBC'];
const LEGACY_NO_MAC = [
  '-nomac',
  ...LEGACY_PROVIDER,
  '-keypbe',
  'PBE-SHA1-3DES',
  '-certpbe',
  'PBE-SHA1-RC2-40',
];

beforeAll(async () => {
  pki = await createTestPki({ baseUrl: 'http://127.0.0.1:1' });
  dir = await tempDir('kyso-p12-');
  // OpenSSL 3 builds differ in whether `-legacy` finds its provider: use what works here.
  try {
    await exportPkcs12(dir.path, pki.get('signer-p256'), { args: ['-legacy'] });
    legacy = ['-legacy'];
  } catch {
    legacy = [
      ...LEGACY_PROVIDER,
      '-keypbe',
      'PBE-SHA1-3DES',
      '-certpbe',
      'PBE-SHA1-RC2-40',
      '-macalg',
      'sha1',
    ];
  }
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

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await rejection(promise);
  expect(isKysoError(error), String(error)).toBe(true);
  expect((error as { code: string }).code, (error as Error).message).toBe(code);
  return error as Error;
}

/** The file yields this identity: its certificate, a key matching it, the chain leaf first. */
async function expectIdentity(
  bytes: Uint8Array,
  password: string,
  identity: TestIdentity,
  chain?: Uint8Array[],
) {
  const contents = await readPkcs12(bytes, password);
  expect(toHex(contents.certificate)).toBe(toHex(identity.certificate));
  const key = await readPrivateKeyInfo(contents.privateKeyPkcs8);
  expect(matchesPublicKey(key, parseCertificate(identity.certificate).publicKey)).toBe(true);
  expect(contents.chain.map(toHex)).toEqual((chain ?? [identity.certificate]).map(toHex));
  return contents;
}

describe('readPkcs12 on files testkit writes (PBES2, AES-256-CBC, HMAC-SHA256)', () => {
  it.each(['lanh-dao-phong', 'signer-p256', 'signer-p384', 'signer-p521', 'signer-rsa4096'])(
    '%s',
    async (id) => {
      const identity = pki.get(id);
      const contents = await expectIdentity(
        await identity.toPkcs12({ password: 'mật khẩu' }),
        'mật khẩu',
        identity,
        identity.chain,
      );
      expect(toHex(contents.privateKeyPkcs8)).toBe(toHex(identity.pkcs8));
      expect(contents.friendlyName).toBe(identity.commonName);
      expect(toHex(contents.localKeyId!)).toBe(
        toHex(new Uint8Array(await crypto.subtle.digest('SHA-1', identity.certificate.slice()))),
      );
    },
  );

  it('refuses a wrong password as BAD_PASSWORD', async () => {
    const bytes = await pki.get('signer-p256').toPkcs12({ password: 'right' });
    await expectCode(readPkcs12(bytes, 'wrong'), 'BAD_PASSWORD');
    await expectCode(readPkcs12(bytes, ''), 'BAD_PASSWORD');
    await expectCode(readPkcs12(bytes, 'Right'), 'BAD_PASSWORD');
  });
});

describe('readPkcs12 on files openssl writes', () => {
  const variants: [string, () => string[], RegExp[]][] = [
    ['OpenSSL 3 defaults', () => [], [/PBES2, PBKDF2, AES-256-CBC/, /MAC: sha256/]],
    [
      '-legacy (3DES key, RC2-40 certificates, SHA-1 MAC)',
      () => legacy,
      [/pbeWithSHA1And40BitRC2-CBC/, /pbeWithSHA1And3-KeyTripleDES-CBC/, /MAC: sha1/],
    ],
    [
      'RC2-128 for key and certificates',
      () => [...LEGACY_PROVIDER, '-keypbe', 'PBE-SHA1-RC2-128', '-certpbe', 'PBE-SHA1-RC2-128'],
      [/Shrouded Keybag: pbeWithSHA1And128BitRC2-CBC/, /Encrypted data: pbeWithSHA1And128BitRC2-CBC/],
    ],
    [
      'RC2-40 key, two-key 3DES certificates',
      () => [...LEGACY_PROVIDER, '-keypbe', 'PBE-SHA1-RC2-40', '-certpbe', 'PBE-SHA1-2DES'],
      [/Shrouded Keybag: pbeWithSHA1And40BitRC2-CBC/, /Encrypted data: pbeWithSHA1And2-KeyTripleDES-CBC/],
    ],
    ['-descert', () => ['-descert'], [/Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC/]],
    [
      'PBES2 with DES-EDE3-CBC and AES-128-CBC',
      () => ['-certpbe', 'DES-EDE3-CBC', '-keypbe', 'AES-128-CBC'],
      [/Encrypted data: PBES2, PBKDF2, DES-EDE3-CBC/, /Shrouded Keybag: PBES2, PBKDF2, AES-128-CBC/],
    ],
    ['PBES2 with AES-192-CBC', () => ['-keypbe', 'AES-192-CBC', '-certpbe', 'AES-192-CBC'], [/AES-192-CBC/]],
    ['no MAC', () => NO_MAC, [/MAC is absent/, /Encrypted data: PBES2/]],
    [
      'no MAC, legacy ciphers',
      () => LEGACY_NO_MAC,
      [/MAC is absent/, /Encrypted data: pbeWithSHA1And40BitRC2/],
    ],
    ['no encryption (keyBag)', () => ['-keypbe', 'NONE', '-certpbe', 'NONE'], [/Key bag/]],
    ['MAC with SHA-1', () => ['-macalg', 'sha1'], [/MAC: sha1,/]],
    ['MAC with SHA-224', () => ['-macalg', 'sha224'], [/MAC: sha224/]],
    ['MAC with SHA-384', () => ['-macalg', 'sha384'], [/MAC: sha384/]],
    ['MAC with SHA-512', () => ['-macalg', 'sha512'], [/MAC: sha512/]],
    ['a single MAC iteration', () => ['-nomaciter'], [/MAC: sha256, Iteration 1\b/]],
  ];

  it.each(variants)('%s', async (_name, args, expected) => {
    for (const id of ['lanh-dao-phong', 'signer-p384']) {
      const identity = pki.get(id);
      const bytes = await exportPkcs12(dir.path, identity, { password: 'kyso-test', args: args() });
      const info = await describePkcs12(dir.path, bytes, 'kyso-test');
      for (const pattern of expected) expect(info).toMatch(pattern);
      await expectIdentity(bytes, 'kyso-test', identity);
    }
  });

  it.each(variants)('%s: a wrong password is BAD_PASSWORD', async (name, args) => {
    const bytes = await exportPkcs12(dir.path, pki.get('signer-p256'), {
      password: 'kyso-test',
      args: args(),
    });
    if (name.startsWith('no encryption')) {
      // nothing is protected: only the MAC can tell
      await expectCode(readPkcs12(bytes, 'wrong'), 'BAD_PASSWORD');
      return;
    }
    for (const wrong of ['wrong', '', 'kyso-tesT', 'kyso-test ']) {
      await expectCode(readPkcs12(bytes, wrong), 'BAD_PASSWORD');
    }
  });

  it('an unprotected file without a MAC opens with any password', async () => {
    const identity = pki.get('signer-p256');
    const bytes = await exportPkcs12(dir.path, identity, {
      args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'],
    });
    await expectIdentity(bytes, 'anything', identity);
  });

  it('orders the chain leaf first, whatever the order in the file', async () => {
    const identity = pki.get('lanh-dao-phong');
    const [leaf, ca, root] = identity.chain;
    const stranger = pki.get('tsa').certificate;
    for (const extra of [
      [root!, ca!],
      [ca!, root!],
      [stranger, root!, ca!],
    ]) {
      const bytes = await exportPkcs12(dir.path, identity, { extra });
      const rest = extra.filter((c) => c === stranger);
      await expectIdentity(bytes, 'kyso-test', identity, [leaf!, ca!, root!, ...rest]);
    }
  });

  it('does not take a look-alike CA with the same name as an issuer', async () => {
    const identity = pki.get('lanh-dao-phong');
    const [leaf, ca, root] = identity.chain;
    const impostor = pki.get('look-alike-ca').certificate;
    expect(parseCertificate(impostor).subject.der).toEqual(parseCertificate(ca!).subject.der);
    const bytes = await exportPkcs12(dir.path, identity, { extra: [impostor, root!, ca!] });
    await expectIdentity(bytes, 'kyso-test', identity, [leaf!, ca!, root!, impostor]);
  });

  it('empty and non-ASCII passwords', async () => {
    const identity = pki.get('signer-p256');
    for (const password of ['', 'Mật khẩu ký số 2025', '密码']) {
      for (const args of [[], legacy, NO_MAC, LEGACY_NO_MAC]) {
        const bytes = await exportPkcs12(dir.path, identity, { password, args });
        await expectIdentity(bytes, password, identity);
      }
    }
  });

  it('reads Windows-style BER: indefinite lengths, OCTET STRINGs in pieces', async () => {
    const identity = pki.get('lanh-dao-phong');
    const chain = identity.chain;
    for (const args of [[], legacy]) {
      const withMac = await exportPkcs12(dir.path, identity, { extra: chain.slice(1), args });
      const ber = windowsStyleBer(withMac, false);
      expect(ber.length).toBeGreaterThan(withMac.length);
      await expectIdentity(ber, 'kyso-test', identity, chain);
      await expectCode(readPkcs12(ber, 'wrong'), 'BAD_PASSWORD');
      const noMac = await exportPkcs12(dir.path, identity, {
        extra: chain.slice(1),
        args: args.length ? LEGACY_NO_MAC : NO_MAC,
      });
      const deep = windowsStyleBer(noMac, true);
      await expectIdentity(deep, 'kyso-test', identity, chain);
      await expectCode(readPkcs12(deep, 'wrong'), 'BAD_PASSWORD');
    }
    const plain = await exportPkcs12(dir.path, identity, {
      args: ['-keypbe', 'NONE', '-certpbe', 'NONE', '-nomac'],
    });
    const contents = await expectIdentity(windowsStyleBer(plain, true), '', identity);
    // the key comes out as DER, which WebCrypto imports
    await crypto.subtle.importKey(
      'pkcs8',
      contents.privateKeyPkcs8.slice(),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  });

  it('lists every bag with readPkcs12Bags', async () => {
    const identity = pki.get('lanh-dao-phong');
    const bytes = await exportPkcs12(dir.path, identity, {
      extra: identity.chain.slice(1),
      args: ['-name', 'Khóa ký'],
    });
    const bags = await readPkcs12Bags(bytes, 'kyso-test');
    expect(bags.keys).toHaveLength(1);
    expect(bags.keys[0]!.attributes.friendlyName).toBe('Khóa ký');
    expect(bags.certificates.map((c) => toHex(c.der)).sort()).toEqual(identity.chain.map(toHex).sort());
    const leafBag = bags.certificates.find((c) => equalBytes(c.der, identity.certificate))!;
    expect(toHex(leafBag.attributes.localKeyId!)).toBe(toHex(bags.keys[0]!.attributes.localKeyId!));
    expect((await readPkcs12(bytes, 'kyso-test')).friendlyName).toBe('Khóa ký');
  });

  it('NO_PRIVATE_KEY for a file of certificates only', async () => {
    const identity = pki.get('signer-p256');
    for (const args of [['-nokeys'], ['-nokeys', ...legacy], ['-nokeys', ...LEGACY_NO_MAC]]) {
      const bytes = await exportPkcs12(dir.path, identity, { args });
      await expectCode(readPkcs12(bytes, 'kyso-test'), 'NO_PRIVATE_KEY');
      expect((await readPkcs12Bags(bytes, 'kyso-test')).certificates).toHaveLength(1);
    }
  });

  it('INVALID_INPUT for a key without its certificate', async () => {
    const bytes = await exportPkcs12(dir.path, pki.get('signer-p256'), { noCerts: true });
    const error = await expectCode(readPkcs12(bytes, 'kyso-test'), 'INVALID_INPUT');
    expect(error.message).toMatch(/no certificate/);
  });
});

describe('readPkcs12 refuses what it cannot read', () => {
  it('INVALID_INPUT for garbage, truncation, PEM text and a wrong version', async () => {
    const good = await pki.get('signer-p256').toPkcs12({ password: 'x' });
    const inputs = [
      new Uint8Array(0),
      new Uint8Array(100).fill(0x30),
      crypto.getRandomValues(new Uint8Array(2000)),
      good.subarray(0, good.length - 10),
      new TextEncoder().encode('-----BEGIN PKCS12-----\nMIIK\n-----END PKCS12-----\n'),
      der.seq(der.int(2)),
      der.seq(der.int(3), der.seq(der.oid(OID.data), der.explicit(0, der.octets(fromHex('deadbeef'))))),
      der.seq(der.int(3), der.seq(der.oid('1.2.840.113549.1.7.5'), der.explicit(0, der.seq()))),
    ];
    for (const bytes of inputs) await expectCode(readPkcs12(bytes, 'x'), 'INVALID_INPUT');
    const withTrailer = new Uint8Array([...good, 1, 2, 3]);
    await expectCode(readPkcs12(withTrailer, 'x'), 'INVALID_INPUT');
  });

  it('an empty authenticated safe holds no key', async () => {
    const empty = der.seq(der.int(3), der.seq(der.oid(OID.data), der.explicit(0, der.octets(der.seq()))));
    await expectCode(readPkcs12(empty, 'x'), 'NO_PRIVATE_KEY');
  });

  it('UNSUPPORTED_ALGORITHM for public-key integrity (signedData) and an unknown cipher', async () => {
    const signed = der.seq(der.int(3), der.seq(der.oid(OID.signedData), der.explicit(0, der.seq())));
    await expectCode(readPkcs12(signed, 'x'), 'UNSUPPORTED_ALGORITHM');

    // the 3DES key bag of a file without MAC, relabelled as pbeWithSHAAnd128BitRC4
    const bytes = await exportPkcs12(dir.path, pki.get('signer-p256'), { args: LEGACY_NO_MAC });
    const threeDes = '060a2a864886f70d010c0103';
    const hex = toHex(bytes);
    expect(hex).toContain(threeDes);
    const rc4 = fromHex(hex.replace(threeDes, '060a2a864886f70d010c0101'));
    const error = await expectCode(readPkcs12(rc4, 'kyso-test'), 'UNSUPPORTED_ALGORITHM');
    expect(error.message).toMatch(/RC4/);
  });

  it('a tampered file with a MAC is BAD_PASSWORD (the MAC cannot tell tampering from a wrong password)', async () => {
    const bytes = await exportPkcs12(dir.path, pki.get('signer-p256'), {});
    const tampered = bytes.slice();
    tampered[200] = tampered[200]! ^ 1;
    const error = await rejection(readPkcs12(tampered, 'kyso-test'));
    expect(isKysoError(error, 'BAD_PASSWORD') || isKysoError(error, 'INVALID_INPUT')).toBe(true);
  });
});

describe('decryptPrivateKey (encrypted PKCS#8)', () => {
  const cases: [string, string[]][] = [
    ['PBES2 AES-256, HMAC-SHA256', ['-v2', 'aes-256-cbc']],
    ['PBES2 AES-192, HMAC-SHA224', ['-v2', 'aes-192-cbc', '-v2prf', 'hmacWithSHA224']],
    ['PBES2 AES-128, HMAC-SHA1', ['-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA1']],
    ['PBES2 AES-256, HMAC-SHA384', ['-v2', 'aes-256-cbc', '-v2prf', 'hmacWithSHA384']],
    ['PBES2 DES-EDE3, HMAC-SHA512', ['-v2', 'des3', '-v2prf', 'hmacWithSHA512']],
    ['PBES2 DES-CBC', ['-v2', 'des-cbc', ...LEGACY_PROVIDER]],
    ['PBES2 RC2-CBC', ['-v2', 'rc2-cbc', ...LEGACY_PROVIDER]],
    ['PBES2 RC2-40-CBC', ['-v2', 'rc2-40-cbc', ...LEGACY_PROVIDER]],
    ['PKCS#12 PBE 3DES', ['-v1', 'PBE-SHA1-3DES', ...LEGACY_PROVIDER]],
    ['PKCS#12 PBE RC2-128', ['-v1', 'PBE-SHA1-RC2-128', ...LEGACY_PROVIDER]],
  ];

  it.each(cases)('%s', async (_name, args) => {
    const identity = pki.get('signer-p256');
    const keyFile = join(dir.path, 'p8-in.pem');
    await writeFile(keyFile, identity.privateKeyPem);
    const r = await openssl([
      'pkcs8',
      '-topk8',
      '-in',
      keyFile,
      '-outform',
      'DER',
      '-passout',
      'pass:mật khẩu',
      ...args,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const pkcs8 = await decryptPrivateKey(r.output, 'mật khẩu');
    expect(
      matchesPublicKey(await readPrivateKeyInfo(pkcs8), parseCertificate(identity.certificate).publicKey),
    ).toBe(true);
    await expectCode(decryptPrivateKey(r.output, 'mat khau'), 'BAD_PASSWORD');
  });

  it('INVALID_INPUT for garbage', async () => {
    await expectCode(decryptPrivateKey(fromHex('3003020100'), 'x'), 'INVALID_INPUT');
    await expectCode(decryptPrivateKey(new Uint8Array(10), 'x'), 'INVALID_INPUT');
  });
});
