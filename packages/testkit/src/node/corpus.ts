import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The third-party corpus of signed PDFs (../shared/corpus beside the repository, or $KYSO_CORPUS).
 * It is read in place and never copied into the repository.
 */

export type IntegrityToken = 'intact' | 'broken' | 'unknown';
export type ModificationToken = 'none' | 'allowed' | 'disallowed' | 'unknown';

export interface CorpusEntry {
  path: string;
  absolutePath: string;
  sourceRepository: string;
  signerSoftware: string;
  signatures: number;
  features: string[];
  expectIntegrity: IntegrityToken[];
  expectModifications: ModificationToken;
  trustAnchor?: string;
  password?: string;
  notes: string;
  pdfsigVerdicts: string[];
}

function repositoryRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'turbo.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}

/**
 * Where the corpus is: $KYSO_CORPUS, else ../shared/corpus beside the repository. Undefined when
 * absent, except under CI=true, where a missing corpus is an error: the run must not pass without it.
 */
export function corpusDir(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string | undefined {
  const dir = env.KYSO_CORPUS
    ? resolve(env.KYSO_CORPUS)
    : resolve(repositoryRoot(cwd), '..', 'shared', 'corpus');
  if (existsSync(join(dir, 'CATALOG.tsv'))) return dir;
  if (env.CI === 'true') {
    throw new Error(
      `The signed-PDF corpus is missing at ${dir} (set KYSO_CORPUS); CI must not run without it.`,
    );
  }
  return undefined;
}

/**
 * The public Vietnamese CA certificates (shared/trust/vn): beside the corpus when $KYSO_CORPUS is
 * set, else ../shared/trust/vn beside the repository. Same CI rule as the corpus.
 */
export function trustDir(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): string | undefined {
  const dir = env.KYSO_CORPUS
    ? resolve(env.KYSO_CORPUS, '..', 'trust', 'vn')
    : resolve(repositoryRoot(cwd), '..', 'shared', 'trust', 'vn');
  if (existsSync(join(dir, 'README.md'))) return dir;
  if (env.CI === 'true')
    throw new Error(`The Vietnamese CA certificates are missing at ${dir}; CI must not run without them.`);
  return undefined;
}

const INTEGRITY = new Set<string>(['intact', 'broken', 'unknown']);
const MODIFICATIONS = new Set<string>(['none', 'allowed', 'disallowed', 'unknown']);

/** Parses CATALOG.tsv, checking every row against the catalog's own rules. */
export async function loadCorpusCatalog(dir: string): Promise<CorpusEntry[]> {
  const text = await readFile(join(dir, 'CATALOG.tsv'), 'utf8');
  const [headerLine, ...lines] = text.split('\n').filter((l) => l.trim() !== '');
  const header = (headerLine ?? '').split('\t');
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`CATALOG.tsv has no column ${name}`);
    return index;
  };
  const c = {
    path: col('path'),
    source: col('source_repository'),
    software: col('signer_software'),
    signatures: col('signatures'),
    features: col('features'),
    integrity: col('expect_integrity'),
    modifications: col('expect_modifications'),
    anchor: col('trust_anchor'),
    password: col('password'),
    notes: col('notes'),
    pdfsig: col('pdfsig_verdicts'),
  };
  return lines.map((line, n) => {
    const f = line.split('\t');
    const get = (i: number) => f[i] ?? '';
    const where = `CATALOG.tsv row ${n + 2}`;
    const expectIntegrity = get(c.integrity).split(',') as IntegrityToken[];
    const signatures = Number(get(c.signatures));
    if (
      !Number.isInteger(signatures) ||
      expectIntegrity.length !== signatures ||
      expectIntegrity.some((t) => !INTEGRITY.has(t))
    ) {
      throw new Error(`${where}: expect_integrity does not match signatures`);
    }
    const expectModifications = get(c.modifications) as ModificationToken;
    if (!MODIFICATIONS.has(expectModifications)) throw new Error(`${where}: bad expect_modifications`);
    return {
      path: get(c.path),
      absolutePath: join(dir, get(c.path)),
      sourceRepository: get(c.source),
      signerSoftware: get(c.software),
      signatures,
      features: get(c.features) ? get(c.features).split(',') : [],
      expectIntegrity,
      expectModifications,
      ...(get(c.anchor) ? { trustAnchor: join(dir, get(c.anchor)) } : {}),
      ...(get(c.password) ? { password: get(c.password) } : {}),
      notes: get(c.notes),
      pdfsigVerdicts: get(c.pdfsig).split(','),
    };
  });
}
