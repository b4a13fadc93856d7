import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bearerTokens,
  createSigningService,
  pkcs12Credential,
  type RunningServer,
  serve,
} from '@kyso/node-adapter';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, run, startTestPki, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `kyso sign --csc`: a remote key behind kyso's own signing service, only digests sent. */
const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
let pki: PkiServer;
let service: RunningServer;
let dir: { path: string; remove: () => Promise<void> };
let baseUrl: string;
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { KYSO_LANG: 'en', ...env } });

beforeAll(async () => {
  pki = await startTestPki({ include: ['lanh-dao-phong', 'lanh-dao-van-phong'] });
  dir = await tempDir('kyso-csc-cli-');
  await writeFile(file('draft.pdf'), await makeTestPdf({ title: 'Cong van' }));
  const identity = (id: string) => pki.pki.get(id);
  const credentials = await Promise.all(
    ['lanh-dao-phong', 'lanh-dao-van-phong'].map(async (id) =>
      pkcs12Credential({ id, pkcs12: await identity(id).toPkcs12(), password: identity(id).password }),
    ),
  );
  const signing = createSigningService({
    basePath: '/kyso',
    credentials,
    authorize: bearerTokens({ 'token-of-hanh': 'lanh-dao-phong' }),
    access: (principal, credential) => principal.id === credential,
  });
  service = await serve(signing, { port: 0 });
  baseUrl = `${service.url.replace(/\/$/, '')}/kyso`;
});
afterAll(async () => {
  await service?.close();
  await pki?.close();
  await dir.remove();
});

describe('kyso sign --csc', () => {
  it('signs with a remote CSC credential, and pdfsig says the signature is valid', async () => {
    const r = await kyso(
      [
        'sign',
        'draft.pdf',
        '-o',
        'signed.pdf',
        '--csc',
        baseUrl,
        '--credential',
        'lanh-dao-phong',
        '--token-env',
        'TOKEN',
      ],
      { TOKEN: 'token-of-hanh' },
    );
    expect(r.code, r.stderr).toBe(0);
    const sig = await run('pdfsig', [file('signed.pdf')]);
    expect(sig.stdout).toContain('Signature is Valid.');
    expect(sig.stdout).toContain('Nguyễn Thị Hồng Hạnh');
  });

  it('refuses a credential the token may not use, and a wrong token, with typed errors', async () => {
    const other = await kyso(
      [
        'sign',
        'draft.pdf',
        '-o',
        'other.pdf',
        '--csc',
        baseUrl,
        '--credential',
        'lanh-dao-van-phong',
        '--token-env',
        'TOKEN',
      ],
      { TOKEN: 'token-of-hanh' },
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/^kyso: CREDENTIAL_NOT_AUTHORIZED: /);
    const wrong = await kyso(
      [
        'sign',
        'draft.pdf',
        '-o',
        'wrong.pdf',
        '--csc',
        baseUrl,
        '--credential',
        'lanh-dao-phong',
        '--token-env',
        'TOKEN',
      ],
      { TOKEN: 'stolen' },
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^kyso: [A-Z_]+: /);
    expect(wrong.stderr).not.toContain('stolen');
    // a refused signature leaves no file behind
    expect(existsSync(file('other.pdf')) || existsSync(file('wrong.pdf'))).toBe(false);
  });
});
