import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../src/index.js';
import { openssl, tempDir } from '../src/node/index.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
const file = (name: string) => join(dir.path, name);

beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong', 'signer-p384'] });
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('PKCS#12 export, judged by openssl pkcs12', () => {
  it.each(['lanh-dao-phong', 'signer-p384'])(
    '%s: opens with the password, key and certificate match',
    async (id) => {
      const identity = pki.get(id);
      await writeFile(file(`${id}.p12`), await identity.toPkcs12());
      const info = await openssl([
        'pkcs12',
        '-info',
        '-in',
        file(`${id}.p12`),
        '-passin',
        `pass:${identity.password}`,
        '-noout',
      ]);
      expect(info.code).toBe(0);
      expect(info.stderr).toContain('MAC: sha256');
      expect(info.stderr).toContain('PBES2, PBKDF2, AES-256-CBC');

      const certs = await openssl([
        'pkcs12',
        '-in',
        file(`${id}.p12`),
        '-passin',
        `pass:${identity.password}`,
        '-nokeys',
        '-clcerts',
      ]);
      const leaf = await openssl(['x509', '-outform', 'DER'], { input: certs.stdout });
      expect(leaf.output).toEqual(identity.certificate);

      const all = await openssl([
        'pkcs12',
        '-in',
        file(`${id}.p12`),
        '-passin',
        `pass:${identity.password}`,
        '-nokeys',
      ]);
      expect(all.stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(3); // leaf, issuing CA, root
      // OpenSSL 3.0 prints a BMPString byte-wise, so compare only the ASCII start of the name.
      expect(all.stdout).toContain(`friendlyName: ${/^[ -~]*/.exec(identity.commonName)?.[0]}`);

      const key = await openssl([
        'pkcs12',
        '-in',
        file(`${id}.p12`),
        '-passin',
        `pass:${identity.password}`,
        '-nocerts',
        '-nodes',
      ]);
      const keyPub = await openssl(['pkey', '-pubout'], { input: key.stdout });
      const certPub = await openssl(['x509', '-noout', '-pubkey'], { input: identity.certificatePem });
      expect(keyPub.stdout).toBe(certPub.stdout);
      expect(keyPub.stdout).toContain('BEGIN PUBLIC KEY');
    },
  );

  it('is refused by openssl with a wrong password (the MAC protects it)', async () => {
    await writeFile(
      file('wrong.p12'),
      await pki.get('lanh-dao-phong').toPkcs12({ password: 'đúng-mật-khẩu' }),
    );
    const wrong = await openssl([
      'pkcs12',
      '-info',
      '-in',
      file('wrong.p12'),
      '-passin',
      'pass:sai',
      '-noout',
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/[Mm]ac verify (error|failure)/);
    const right = await openssl([
      'pkcs12',
      '-info',
      '-in',
      file('wrong.p12'),
      '-passin',
      'pass:đúng-mật-khẩu',
      '-noout',
    ]);
    expect(right.code).toBe(0);
  });

  it('honours the iteration count', async () => {
    await writeFile(file('iter.p12'), await pki.get('signer-p384').toPkcs12({ iterations: 10_000 }));
    const info = await openssl([
      'pkcs12',
      '-info',
      '-in',
      file('iter.p12'),
      '-passin',
      'pass:kyso-test',
      '-noout',
    ]);
    expect(info.stderr).toContain('MAC: sha256, Iteration 10000');
    expect(info.stderr).toContain('Iteration 10000, PRF hmacWithSHA256');
  });
});
