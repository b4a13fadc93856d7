import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tempDir } from '@kyso/testkit/node';
import { describe, expect, it } from 'vitest';

/**
 * core, pdf and components run in browsers. Two guards keep Node out of them, and this test proves
 * both bite: their tsconfig has `types: []` (so Buffer and process do not type-check) and Biome
 * forbids node:* imports and Node globals in their src (pdf's `node` subpath aside).
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const tsc = join(root, 'node_modules/.bin/tsc');
const biome = join(root, 'node_modules/.bin/biome');

async function typecheck(pkg: string, code: string) {
  const dir = await tempDir('kyso-safety-');
  try {
    await writeFile(join(dir.path, 'probe.ts'), code);
    await writeFile(join(dir.path, 'package.json'), '{ "type": "module" }');
    await writeFile(
      join(dir.path, 'tsconfig.json'),
      JSON.stringify({
        extends: join(root, 'packages', pkg, 'tsconfig.json'),
        compilerOptions: { composite: false, noEmit: true, rootDir: '.', tsBuildInfoFile: null },
        files: ['probe.ts'],
        include: [],
      }),
    );
    return await run(tsc, ['-p', join(dir.path, 'tsconfig.json')]);
  } finally {
    await dir.remove();
  }
}

/**
 * Lints a file as if it stood at `path` in the repository: the repository's biome.json is copied to a
 * temporary folder with the file at the same relative path (never into the real src, where a
 * concurrent build or lint would pick it up).
 */
async function lint(path: string, code: string) {
  const dir = await tempDir('kyso-lint-');
  try {
    await writeFile(join(dir.path, 'biome.json'), await readFile(join(root, 'biome.json')));
    await mkdir(dirname(join(dir.path, path)), { recursive: true });
    await writeFile(join(dir.path, path), code);
    return await run(biome, ['lint', '--vcs-enabled=false', '--colors=off', path], { cwd: dir.path });
  } finally {
    await dir.remove();
  }
}

const BROWSER_PACKAGES = ['core', 'pdf', 'components'];

describe.each(BROWSER_PACKAGES)('@kyso/%s stays browser-safe', (pkg) => {
  it('does not type-check Buffer or process', async () => {
    const bad = await typecheck(
      pkg,
      'export const b = Buffer.from("x");\nexport const p = process.env.HOME;\n',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/Cannot find name 'Buffer'/);
    expect(bad.stdout).toMatch(/Cannot find name 'process'/);
    const good = await typecheck(
      pkg,
      'export const b = new TextEncoder().encode("x");\nexport const c = globalThis.crypto.subtle;\n',
    );
    expect(good.stdout + good.stderr).toBe('');
    expect(good.code).toBe(0);
  });

  it('fails lint on node:* imports and Node globals in src', async () => {
    const imports = await lint(
      `packages/${pkg}/src/probe.ts`,
      "import { readFile } from 'node:fs/promises';\nexport { readFile };\n",
    );
    expect(imports.code).not.toBe(0);
    expect(imports.stdout + imports.stderr).toContain('noNodejsModules');
    const globals = await lint(
      `packages/${pkg}/src/probe.ts`,
      'export const size = Buffer.byteLength("x");\n',
    );
    expect(globals.code).not.toBe(0);
    expect(globals.stdout + globals.stderr).toContain('noRestrictedGlobals');
    const clean = await lint(`packages/${pkg}/src/probe.ts`, 'export const bytes = new Uint8Array(4);\n');
    expect(clean.code).toBe(0);
  });
});

describe('the exceptions', () => {
  it("allows node:* in @kyso/pdf's node subpath and in Node packages", async () => {
    for (const path of [
      'packages/pdf/src/node/probe.ts',
      'packages/node-adapter/src/probe.ts',
      'packages/cli/src/probe.ts',
    ]) {
      const r = await lint(path, "import { readFile } from 'node:fs/promises';\nexport { readFile };\n");
      expect(r.code, path).toBe(0);
    }
  });
});
