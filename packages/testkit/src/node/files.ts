import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toPem } from '../encoding/pem.js';
import type { TestIdentity } from '../pki/identity.js';
import { type SerializedPki, TestPki } from '../pki/test-pki.js';

export interface WrittenPki {
  dir: string;
  /** Relative paths of every file written. */
  files: string[];
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [
    row(header, widths),
    row(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
    ...rows.map((r) => row(r, widths)),
  ].join('\n');
}

function readme(pki: TestPki): string {
  const entities = pki.identities.filter((i) => !i.isAuthority);
  const authorities = pki.identities.filter((i) => i.isAuthority);
  const describe = (i: TestIdentity) =>
    [i.description, i.revocation ? `revoked (${i.revocation.reason})` : ''].filter(Boolean).join('; ');
  return `kyso dev PKI — THROWAWAY KEYS FOR TESTS AND DEMOS. NEVER USE THEM FOR REAL SIGNATURES.
Made ${pki.now.toISOString()} by @kyso/testkit. Names are UTF-8; no real person or agency is meant.

Layout
  certs/<id>.pem       certificate (PEM)
  certs/<id>.chain.pem certificate and its issuers up to the root
  keys/<id>.key.pem    private key, unencrypted PKCS#8
  p12/<id>.p12         key and chain as PKCS#12 (PBES2 AES-256, HMAC-SHA256)
  trust-anchors.pem    the roots to trust
  pki.json             all of the above in one file, for @kyso/testkit's TestPki.fromJSON

Servers
${
  pki.urls
    ? `  The certificates point at ${pki.urls.base}: TSA ${pki.urls.tsa}, OCSP ${pki.urls.base}/ocsp/<ca>,
  CRL ${pki.urls.base}/crl/<ca>.crl. They answer while \`kyso serve --dev\` or \`npm start\` runs.`
    : '  None: the certificates carry no AIA or CRL distribution point.'
}

Identities (.p12 file, password)
${table(
  ['id', 'kind', 'role', 'key', 'p12', 'password', 'subject CN', 'notes'],
  entities.map((i) => [
    i.id,
    i.kind,
    i.role ?? '',
    i.keySpec,
    `p12/${i.id}.p12`,
    i.password,
    i.commonName,
    describe(i),
  ]),
)}

Certification authorities
${table(
  ['id', 'kind', 'key', 'trusted', 'subject CN', 'notes'],
  authorities.map((i) => [i.id, i.kind, i.keySpec, i.trusted ? 'yes' : 'no', i.commonName, describe(i)]),
)}
`;
}

/**
 * Writes the PKI as PEM, PKCS#12 and JSON with a README.txt. Files go to a temporary folder first
 * and are moved into place at the end, so an interrupted run leaves no half-written PKI.
 */
export async function writeTestPki(pki: TestPki, dir: string): Promise<WrittenPki> {
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) throw Object.assign(new Error(`${dir} is not empty`), { code: 'ENOTEMPTY' });
  const staging = `${dir.replace(/\/+$/, '')}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const files: [string, string | Uint8Array][] = [
    ['README.txt', readme(pki)],
    ['pki.json', `${JSON.stringify(pki.toJSON(), null, 2)}\n`],
    ['trust-anchors.pem', pki.anchors.map((a) => a.certificatePem).join('')],
  ];
  for (const i of pki.identities) {
    files.push([`certs/${i.id}.pem`, i.certificatePem]);
    files.push([`certs/${i.id}.chain.pem`, i.chain.map((der) => toPem(der, 'CERTIFICATE')).join('')]);
    files.push([`keys/${i.id}.key.pem`, i.privateKeyPem]);
    if (!i.isAuthority) files.push([`p12/${i.id}.p12`, await i.toPkcs12()]);
  }
  try {
    for (const sub of ['certs', 'keys', 'p12']) await mkdir(join(staging, sub), { recursive: true });
    for (const [name, content] of files)
      await writeFile(join(staging, name), content, {
        mode: name.startsWith('keys/') || name.endsWith('.p12') ? 0o600 : 0o644,
      });
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { dir, files: files.map(([name]) => name) };
}

/** Loads a PKI written by `writeTestPki` (its pki.json). */
export async function readTestPki(dir: string): Promise<TestPki> {
  const json = JSON.parse(await readFile(join(dir, 'pki.json'), 'utf8')) as SerializedPki;
  return TestPki.fromJSON(json);
}
