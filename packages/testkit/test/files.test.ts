import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../src/index.js';
import { openssl, readTestPki, tempDir, writeTestPki } from '../src/node/index.js';

let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  pki = await createTestPki({
    include: ['lanh-dao-phong', 'to-chuc', 'tsa', 'revoked'],
    baseUrl: 'http://127.0.0.1:8788',
  });
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('writing a PKI to a folder', () => {
  it('writes PEM, PKCS#12, JSON and a README that openssl and a reader accept', async () => {
    const out = join(dir.path, 'pki');
    const written = await writeTestPki(pki, out);
    expect(written.files).toContain('README.txt');
    const verify = await openssl([
      'verify',
      '-CAfile',
      join(out, 'trust-anchors.pem'),
      '-untrusted',
      join(out, 'certs/ca.pem'),
      join(out, 'certs/to-chuc.pem'),
    ]);
    expect(verify.code).toBe(0);
    const chain = await openssl([
      'verify',
      '-CAfile',
      join(out, 'trust-anchors.pem'),
      '-untrusted',
      join(out, 'certs/lanh-dao-phong.chain.pem'),
      join(out, 'certs/lanh-dao-phong.pem'),
    ]);
    expect(chain.code).toBe(0);
    const p12 = await openssl([
      'pkcs12',
      '-info',
      '-noout',
      '-in',
      join(out, 'p12/to-chuc.p12'),
      '-passin',
      'pass:kyso-test',
    ]);
    expect(p12.code).toBe(0);
    expect((await stat(join(out, 'keys/to-chuc.key.pem'))).mode & 0o777).toBe(0o600);

    const readme = await readFile(join(out, 'README.txt'), 'utf8');
    expect(readme).toContain('THROWAWAY');
    expect(readme).toMatch(
      /lanh-dao-phong\s+personal\s+lanh-dao-phong\s+rsa-2048\s+p12\/lanh-dao-phong\.p12\s+kyso-test\s+Nguyễn Thị Hồng Hạnh/,
    );
    expect(readme).toMatch(/to-chuc\s+organization\s+van-thu/);
    expect(readme).toContain('revoked (keyCompromise)');
    expect(readme).toContain('http://127.0.0.1:8788/tsa');

    const again = await readTestPki(out);
    expect(again.get('to-chuc').certificate).toEqual(pki.get('to-chuc').certificate);
    expect(again.get('to-chuc').pkcs8).toEqual(pki.get('to-chuc').pkcs8);
    expect((await readdir(dir.path)).filter((n) => n.includes('.partial'))).toEqual([]);
  });

  it('refuses a folder that is not empty, and leaves it untouched', async () => {
    const busy = join(dir.path, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'keep.txt'), 'mine');
    await expect(writeTestPki(pki, busy)).rejects.toThrow(/not empty/);
    expect(await readdir(busy)).toEqual(['keep.txt']);
  });
});
