import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, run, startTestPki, tempDir, writeTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
let server: PkiServer;
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[]) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { PW: 'kyso-test', KYSO_LANG: 'en' } });

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'tsa'] });
  dir = await tempDir('kyso-ltv-cli-');
  await writeTestPki(server.pki, file('pki'));
  await writeFile(file('draft.pdf'), await makeTestPdf());
});
afterAll(async () => {
  await server.close();
  await dir.remove();
});

describe('kyso ltv and kyso timestamp', () => {
  it('refuses missing options with USAGE', async () => {
    expect((await kyso(['timestamp', 'draft.pdf', '-o', 'x.pdf'])).stderr).toMatch(/^kyso: USAGE: /);
    expect((await kyso(['ltv', 'draft.pdf'])).stderr).toMatch(/^kyso: USAGE: /);
  });

  it('raise a B-T signature to B-LT then B-LTA, valid offline from the embedded data', async () => {
    const s = await kyso([
      'sign',
      'draft.pdf',
      '-o',
      't.pdf',
      '--p12',
      'pki/p12/lanh-dao-phong.p12',
      '--password-env',
      'PW',
      '--tsa',
      server.urls.tsa,
    ]);
    expect(s.stderr).toBe('');
    const l = await kyso(['ltv', 't.pdf', '-o', 'lt.pdf', '--trust', 'pki/trust-anchors.pem']);
    expect(l.stderr).toBe('');
    const t = await kyso(['timestamp', 'lt.pdf', '-o', 'lta.pdf', '--tsa', server.urls.tsa]);
    expect(t.stderr).toBe('');
    const inspect = JSON.parse((await kyso(['inspect', 'lta.pdf', '--json'])).stdout);
    expect(inspect.signatures.map((x: { type: string }) => x.type)).toEqual(['Sig', 'DocTimeStamp']);
    expect(inspect.revisions).toHaveLength(4);
    const pdfsig = await run('pdfsig', [file('lta.pdf')]);
    expect(pdfsig.stdout).toContain('Signature is Valid.');
    await server.close();
    const v = JSON.parse(
      (
        await kyso([
          'verify',
          'lta.pdf',
          '--trust',
          'pki/trust-anchors.pem',
          '--revocation',
          'embedded',
          '--json',
        ])
      ).stdout,
    );
    expect(v.signatures[0]).toMatchObject({ level: 'B-LTA', indication: 'TOTAL_PASSED' });
    expect(v.signatures[0].certificate.revocation).toMatchObject({ status: 'good', embedded: true });
    expect(v.signatures[1]).toMatchObject({ kind: 'document-timestamp', indication: 'TOTAL_PASSED' });
  });
});
