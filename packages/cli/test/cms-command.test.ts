import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openssl, type PkiServer, run, startTestPki, tempDir, writeTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
// asynchronous on purpose: the OCSP/CRL/TSA servers live in this process
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { PW: 'kyso-test', KYSO_LANG: 'en', ...env } });

beforeAll(async () => {
  server = await startTestPki({
    include: ['lanh-dao-phong', 'signer-p384', 'revoked', 'expired', 'look-alike', 'tsa'],
  });
  dir = await tempDir('kyso-cms-cli-');
  await writeTestPki(server.pki, file('pki'));
  await writeFile(file('doc.txt'), 'Công văn số 12/UBND-VP\n');
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

const trust = ['--trust', 'pki/trust-anchors.pem'];

describe('kyso cms sign and verify', () => {
  it('signs with a .p12 and a time-stamp; openssl and kyso verify it (exit 0)', async () => {
    const s = await kyso([
      'cms',
      'sign',
      'doc.txt',
      '-o',
      'doc.p7s',
      '--p12',
      'pki/p12/lanh-dao-phong.p12',
      '--password-env',
      'PW',
      '--tsa',
      server.urls.tsa,
    ]);
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    const o = await openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-content',
      file('doc.txt'),
      '-in',
      file('doc.p7s'),
      '-CAfile',
      file('pki/trust-anchors.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(o.stderr).toContain('Verification successful');
    const v = await kyso(['cms', 'verify', 'doc.txt', 'doc.p7s', ...trust, '--json']);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.status).toBe('valid');
    const sig = report.signatures[0];
    expect(sig.signer.commonName).toBe('Nguyễn Thị Hồng Hạnh');
    expect(sig.signer.identifiers).toEqual({ CCCD: '034190000002' });
    expect(sig.timestamp.indication).toBe('TOTAL_PASSED');
    expect(sig.atSigningTime.basis).toBe('timestamp');
    expect(sig.certificate.revocation).toMatchObject({ status: 'good', embedded: false });
    expect(sig.certificate.trustAnchor.subject).toContain('RootCA chuyên dùng');
    const vi = await kyso(['cms', 'verify', 'doc.txt', 'doc.p7s', ...trust, '--lang', 'vi']);
    expect(vi.stdout).toContain('Chữ ký 1: HỢP LỆ');
    expect(vi.stdout).toContain('Người ký: Nguyễn Thị Hồng Hạnh (CCCD 034190000002)');
  });

  it('exit 1 when the file changed, exit 3 when revocation cannot be established, and off gives a warning', async () => {
    await writeFile(file('changed.txt'), 'Công văn số 13/UBND-VP\n');
    expect((await kyso(['cms', 'verify', 'changed.txt', 'doc.p7s', ...trust])).code).toBe(1);
    server.outage.ocsp = 'unavailable';
    server.outage.crl = 'unavailable';
    const down = await kyso(['cms', 'verify', 'doc.txt', 'doc.p7s', ...trust, '--json']);
    server.outage.ocsp = server.outage.crl = 'none';
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout).signatures[0].subIndication).toBe('TRY_LATER');
    const off = await kyso([
      'cms',
      'verify',
      'doc.txt',
      'doc.p7s',
      ...trust,
      '--revocation',
      'off',
      '--json',
    ]);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).signatures[0].warnings.map((w: { code: string }) => w.code)).toContain(
      'REVOCATION_NOT_CHECKED',
    );
  });

  it('exit 3 with no trust anchor (no chain found)', async () => {
    const r = await kyso(['cms', 'verify', 'doc.txt', 'doc.p7s', '--revocation', 'off', '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).signatures[0].subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('refuses to sign with a revoked or expired certificate, and leaves no output', async () => {
    const revoked = await kyso([
      'cms',
      'sign',
      'doc.txt',
      '-o',
      'r.p7s',
      '--p12',
      'pki/p12/revoked.p12',
      '--password-env',
      'PW',
    ]);
    expect(revoked).toMatchObject({
      code: 2,
      stderr: 'kyso: CERTIFICATE_REVOKED: The signer certificate has been revoked.\n',
    });
    const expired = await kyso([
      'cms',
      'sign',
      'doc.txt',
      '-o',
      'e.p7s',
      '--p12',
      'pki/p12/expired.p12',
      '--password-env',
      'PW',
    ]);
    expect(expired.code).toBe(2);
    expect(expired.stderr).toMatch(/^kyso: CERTIFICATE_EXPIRED: /);
    await expect(readFile(file('r.p7s'))).rejects.toThrow();
    await expect(readFile(file('e.p7s'))).rejects.toThrow();
  });

  it('reports a wrong password, a missing key option and -o equal to the input', async () => {
    expect(
      (
        await kyso(
          [
            'cms',
            'sign',
            'doc.txt',
            '-o',
            'x.p7s',
            '--p12',
            'pki/p12/lanh-dao-phong.p12',
            '--password-env',
            'PW',
          ],
          { PW: 'sai' },
        )
      ).stderr,
    ).toBe('kyso: BAD_PASSWORD: The password is wrong.\n');
    expect((await kyso(['cms', 'sign', 'doc.txt', '-o', 'x.p7s'])).stderr).toMatch(/^kyso: USAGE: .*--p12/);
    expect(
      (await kyso(['cms', 'sign', 'doc.txt', '-o', 'doc.txt', '--p12', 'a.p12', '--password-env', 'PW']))
        .stderr,
    ).toMatch(/^kyso: USAGE: .*-o must not be the input/);
    expect((await kyso(['cms', 'frob'])).code).toBe(2);
  });

  it('verifies an ECDSA signature made by openssl cms -sign, and flags the look-alike signer', async () => {
    await openssl([
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-md',
      'sha384',
      '-signer',
      file('pki/certs/signer-p384.pem'),
      '-inkey',
      file('pki/keys/signer-p384.key.pem'),
      '-certfile',
      file('pki/certs/ca.pem'),
      '-in',
      file('doc.txt'),
      '-out',
      file('ossl.p7s'),
    ]);
    const ok = await kyso(['cms', 'verify', 'doc.txt', 'ossl.p7s', ...trust]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    await openssl([
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-signer',
      file('pki/certs/look-alike.pem'),
      '-inkey',
      file('pki/keys/look-alike.key.pem'),
      '-certfile',
      file('pki/certs/look-alike-ca.pem'),
      '-in',
      file('doc.txt'),
      '-out',
      file('fake.p7s'),
    ]);
    const fake = await kyso(['cms', 'verify', 'doc.txt', 'fake.p7s', ...trust, '--json']);
    expect(fake.code).toBe(3);
    const sig = JSON.parse(fake.stdout).signatures[0];
    expect(sig.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(sig.signer.commonName).toBe('Nguyễn Thị Hồng Hạnh'); // same name as the real signer: only the key tells
  });
});
