import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// What a fresh `kyso` process compiles before it does anything: the static imports of the built
// bundle (dist/bundle, see build.mjs), read from its chunks. A static import added in the wrong
// place shows here, long before anyone times a command.
const bundle = fileURLToPath(new URL('../dist/bundle/', import.meta.url));
const IMPORT = /^(?:import|export)[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm;
// esbuild heads each module it bundles with a comment naming its source path
const MODULE = /^\/\/ (\S+)$/gm;

let files: string[];
beforeAll(async () => {
  files = await readdir(bundle);
});

/** The source modules of `entry` and every chunk it imports statically. */
async function staticModules(entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const modules: string[] = [];
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await readFile(join(bundle, file), 'utf8');
    for (const m of text.matchAll(MODULE)) modules.push(m[1]!.replace(/^(\.\.\/)+/, ''));
    for (const m of text.matchAll(IMPORT)) await visit((m[1] ?? m[2])!);
  };
  await visit(entry);
  return modules;
}

const chunkOf = (command: string) => {
  const file = files.find((f) => f.startsWith(`${command}-`) && f.endsWith('.js'));
  if (!file) throw new Error(`no chunk for ${command} in ${bundle}`);
  return file;
};

describe('the modules a fresh kyso process loads', () => {
  it('starts with the command line and the error messages only', async () => {
    const modules = await staticModules('bin.js');
    expect(modules.length).toBeGreaterThan(2);
    for (const m of modules) expect(m, m).toMatch(/^(dist\/|core\/dist\/(errors\/|lang\.js))/);
  });

  it('signs without what an invisible B-B signature with an RSA .p12 never uses', async () => {
    const modules = await staticModules(chunkOf('sign'));
    expect(modules.some((m) => m.startsWith('pdf/dist/signing/'))).toBe(true);
    // curves (EC keys), ciphers and PDF decryption (encrypted files), the verifier (an organisation's
    // signing order), LTV (B-LT, B-LTA), drawing and presets (visible signatures)
    const lazy =
      /node_modules\/@noble\/(curves|ciphers)\/|pdf\/dist\/(encryption|verify|ltv|appearance|presets)\//;
    const unwanted = modules.filter((m) => lazy.test(m));
    expect(unwanted).toEqual([]);
  });
});

describe('the precompiled kyso sign (one CommonJS file and its V8 code cache)', () => {
  it('is built with a cache this Node accepts, and exports the command', async () => {
    const { runCommonJs } = await import('../src/precompiled.js');
    const file = join(bundle, 'sign.cjs');
    const { script, exports } = runCommonJs<{ sign?: unknown }>(file, await readFile(`${file}.cache`));
    expect(script.cachedDataRejected).toBe(false);
    expect(exports.sign).toBeTypeOf('function');
  });

  it('has no import() or import.meta left, which CommonJS in a vm script cannot run', async () => {
    const source = await readFile(join(bundle, 'sign.cjs'), 'utf8');
    expect(source).not.toMatch(/\bimport\.meta\b|\bimport_meta\b/);
    expect(source).not.toMatch(/(?<![.#\w$])import\(/);
  });
});
