import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** How a precompiled command's CommonJS text is wrapped, the same when building its cache and loading it. */
export function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/**
 * A command built as one CommonJS file beside this module with V8's code cache for it (build.mjs
 * writes `NAME.cjs` and `NAME.cjs.cache`): Node 20 has no compile cache for ES modules, and
 * compiling the signing code is a fixed cost of every `kyso sign`. Undefined when the command was
 * not built so (running from tsc's output); a cache from another V8 is ignored by V8 itself.
 */
export function loadPrecompiled<T>(name: string): T | undefined {
  const file = fileURLToPath(new URL(`./${name}.cjs`, import.meta.url));
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(wrapCommonJs(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
