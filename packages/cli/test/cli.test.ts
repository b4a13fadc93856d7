import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openssl, run, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(pkgDir, '../..');
const bin = join(pkgDir, 'bin/kyso.js');
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { env: { KYSO_LANG: '', LANG: 'C', ...env } });

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('kyso-cli-');
});
afterAll(() => dir.remove());

describe('kyso', () => {
  it('prints its version', async () => {
    const r = await kyso(['--version']);
    const manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    expect(r).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('prints help in English and Vietnamese', async () => {
    const en = await kyso(['--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: kyso <command>');
    expect(en.stdout).toContain('dev-pki DIR');
    const vi = await kyso(['--help'], { LANG: 'vi_VN.UTF-8' });
    expect(vi.stdout).toContain('Cách dùng: kyso <lệnh>');
    expect((await kyso([])).code).toBe(2);
  });

  it('refuses an unknown command with one line and exit status 2', async () => {
    const r = await kyso(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kyso: UNKNOWN_COMMAND: Unknown command: frobnicate\n');
    const vi = await kyso(['--lang', 'vi', 'frobnicate']);
    expect(vi.stderr).toBe('kyso: UNKNOWN_COMMAND: Lệnh không tồn tại: frobnicate\n');
  });

  it('refuses bad arguments with USAGE', async () => {
    for (const args of [
      ['dev-pki'],
      ['dev-pki', 'a', 'b'],
      ['dev-pki', 'x', '--bogus'],
      ['dev-pki', 'x', '--base-url', 'not a url'],
      ['--lang', 'fr', 'dev-pki'],
      ['--lang'],
    ]) {
      const r = await kyso(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^kyso: USAGE: [^\n]+\n$/);
    }
    const unknownId = await kyso(['dev-pki', join(dir.path, 'none'), '--only', 'nobody']);
    expect(unknownId.stderr).toMatch(/^kyso: USAGE: .*Unknown identity "nobody"/);
  });
});

describe('kyso dev-pki', () => {
  it('writes a PKI that openssl verify and openssl pkcs12 accept (through npx)', async () => {
    const out = join(dir.path, 'p');
    const r = await run('npx', ['--no-install', 'kyso', 'dev-pki', out], {
      cwd: root,
      env: { KYSO_LANG: 'en' },
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${out}/README.txt`);

    const readme = await readFile(join(out, 'README.txt'), 'utf8');
    for (const role of ['chuyen-vien', 'lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan', 'van-thu'])
      expect(readme).toContain(role);
    expect(readme).toContain('http://127.0.0.1:8788');

    const anchors = join(out, 'trust-anchors.pem');
    for (const id of ['lanh-dao-phong', 'to-chuc', 'van-thu', 'signer-p256', 'tsa', 'ocsp']) {
      const v = await openssl([
        'verify',
        '-CAfile',
        anchors,
        '-untrusted',
        join(out, 'certs/ca.pem'),
        join(out, `certs/${id}.pem`),
      ]);
      expect(v.code, id).toBe(0);
      const p = await openssl([
        'pkcs12',
        '-info',
        '-noout',
        '-in',
        join(out, `p12/${id}.p12`),
        '-passin',
        'pass:kyso-test',
      ]);
      expect(p.code, id).toBe(0);
    }
    const expired = await openssl([
      'verify',
      '-CAfile',
      anchors,
      '-untrusted',
      join(out, 'certs/ca.pem'),
      join(out, 'certs/expired.pem'),
    ]);
    expect(expired.code).not.toBe(0);
  });

  it('refuses a folder that is not empty (OUTPUT_EXISTS), in Vietnamese when asked', async () => {
    const busy = join(dir.path, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'x'), '');
    const r = await kyso(['dev-pki', busy, '--only', 'signer-p256'], { KYSO_LANG: 'vi' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kyso: OUTPUT_EXISTS: Nơi ghi kết quả đã tồn tại và không trống: ${busy}\n`);
  });

  it('builds only the identities asked for', async () => {
    const out = join(dir.path, 'small');
    const r = await kyso(['dev-pki', out, '--only', 'to-chuc', '--base-url', 'http://127.0.0.1:9999']);
    expect(r.code).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'pki.json'), 'utf8')) as {
      identities: { spec: { id: string } }[];
      baseUrl: string;
    };
    expect(json.identities.map((i) => i.spec.id).sort()).toEqual(['ca', 'ocsp', 'root', 'to-chuc']);
    expect(json.baseUrl).toBe('http://127.0.0.1:9999');
  });
});
