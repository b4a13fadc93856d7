import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * Compiles a CommonJS file wrapped as Node wraps modules — with V8's code cache when given — and
 * runs it: the same when build.mjs makes the cache and when a command loads with it.
 */
export function runCommonJs<T>(file: string, cachedData?: Buffer): { script: Script; exports: T } {
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { script, exports: module.exports };
}

/**
 * A command built as one CommonJS file beside this module with V8's code cache for it (build.mjs
 * writes `NAME.cjs` and `NAME.cjs.cache`): Node 20 has no compile cache for ES modules, and
 * compiling the signing code is a fixed cost of every `kyso sign`. Undefined when the command was
 * not built so (running from tsc's output); a cache from another V8 is ignored by V8 itself.
 */
export function loadPrecompiled<T>(name: string): T | undefined {
  const file = fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
  if (!existsSync(file)) return undefined;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  return runCommonJs<T>(file, cachedData).exports;
}
