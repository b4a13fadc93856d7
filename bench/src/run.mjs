// `npm run bench`: generates the input files, runs every suite in fresh processes, and writes
// bench/RESULTS.md with the machine it ran on. Never part of `npm test`: timings are not assertions.
// Opt-in: `npm run bench -- --huge` (or KYSO_BENCH_HUGE=1) also signs a 3 GiB file.
import { rmSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserBench, browserSection } from './browser.mjs';
import { hashFloor } from './hash-floor.mjs';
import { benchEnv, droppedStartVariables, nodeStart, requireGnuTime } from './measure.mjs';
import { serviceBench, serviceSection } from './service.mjs';
import {
  hugeSigning,
  pdfsigVersion,
  requirePdfsig,
  signing,
  signingIdentity,
  signingTable,
  targets,
  versionOf,
} from './sign.mjs';
import { verification, verificationTable, verificationTargets } from './verify.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const out = join(here, 'out');
const MiB = 1024 * 1024;

/** A file of pseudo-random bytes (incompressible, so no layer can cheat). */
async function makeFile(path, size) {
  const handle = await open(path, 'w');
  const chunk = new Uint8Array(MiB);
  let state = 0x9e3779b9;
  for (let written = 0; written < size; written += MiB) {
    for (let i = 0; i < chunk.length; i += 4) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      chunk[i] = state;
      chunk[i + 1] = state >>> 8;
      chunk[i + 2] = state >>> 16;
      chunk[i + 3] = state >>> 24;
    }
    await handle.write(chunk, 0, Math.min(MiB, size - written));
  }
  await handle.close();
}

const table = (rows) =>
  [
    '| size | tool | wall (s, median) | peak RSS (MiB, median) | runs |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) => `| ${r.size} | ${r.tool} | ${r.seconds.toFixed(3)} | ${r.rssMiB.toFixed(1)} | ${r.runs} |`,
    ),
  ].join('\n');

// The root script runs `npm run -w bench bench` after the build, so `npm run bench -- --huge` reaches
// the inner npm as its own flag, which it passes on as npm_config_huge.
const huge =
  process.argv.includes('--huge') ||
  process.env.KYSO_BENCH_HUGE === '1' ||
  process.env.npm_config_huge === 'true';

requireGnuTime();
requirePdfsig();
const loadAtStart = loadavg()[0];
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
// An interrupted run must not leave gigabytes behind (the child got the signal too and has ended).
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    rmSync(out, { recursive: true, force: true });
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
const files = [];
for (const mib of [1, 10, 100]) {
  const path = join(out, `random-${mib}MiB.bin`);
  await makeFile(path, mib * MiB);
  files.push({ label: `${mib} MiB`, path });
}

// How Node starts in the measured programs' plain environment, and in this shell's
const dropped = droppedStartVariables();
const startPlain = nodeStart(benchEnv());
const startInherited = dropped.length > 0 ? nodeStart(process.env) : undefined;

const floor = hashFloor(files);
for (const { path } of files) await rm(path, { force: true });

const identity = await signingIdentity(join(out, 'pki'));
const signed = await signing({ dir: out, identity });
const verified = await verification({ dir: out });
const service = await serviceBench();
const browser = await browserBench();
const hugeResult = huge ? await hugeSigning({ dir: out, identity }) : undefined;

const GiB = 1024 ** 3;
const peers = ['@libpdf/core', '@signpdf/signpdf', '@signpdf/placeholder-plain', '@signpdf/signer-p12']
  .map((name) => `${name} ${versionOf(name)}`)
  .join(', ');
const signpdfInvalid = signed.some((size) =>
  size.rows.some((r) => r.contender.startsWith('@signpdf/') && r.verdict && !r.verdict.valid),
);
const sizeSections = signed
  .map((size) =>
    [
      `### ${size.label} (input ${size.bytes.toLocaleString('en-US')} bytes)`,
      signingTable(size.rows),
      ...(size.label === '100 MiB'
        ? ['Targets from issue 4, on this file:', targets(size.rows).join('\n')]
        : []),
    ].join('\n\n'),
  )
  .join('\n\n');

function hugeSection(result) {
  if (!result)
    return 'Not run this time: it is opt-in (`npm run bench -- --huge`, or `KYSO_BENCH_HUGE=1 npm run bench`).';
  const [kyso, floor] = result.rows;
  const verdict = kyso.fails
    ? `**not met** (kyso sign fails: ${kyso.fails})`
    : `${kyso.rssMiB.toFixed(1)} MiB, pdfsig: ${kyso.verdict.text} — ${kyso.rssMiB < 150 && kyso.verdict.valid ? '**met**' : '**not met**'}`;
  const ratio =
    kyso.fails || floor.fails
      ? ''
      : ` For scale: ${(kyso.seconds / floor.seconds).toFixed(1)}× the time of \`openssl dgst -sha256\` on the same file.`;
  return [
    `A ${(result.bytes / GiB).toFixed(2)} GiB test PDF (${result.bytes.toLocaleString('en-US')} bytes, classic table, written in
${result.writeSeconds.toFixed(0)} s) signed by the whole \`kyso sign\` command, \`openssl dgst -sha256\` over it for scale.
Both files were deleted afterwards.`,
    signingTable(result.rows),
    `Target from issue 4: peak RSS < 150 MiB — ${verdict}.${ratio}`,
  ].join('\n\n');
}

const signpdfNote = `Why @signpdf's signature is not valid: its signer-p12 builds the CMS with node-forge
${versionOf('node-forge')}, which decodes the certificates' UTF-8 names as Latin-1 and re-encodes them, so the
issuer in the SignerInfo's issuerAndSerialNumber (here Vietnamese, UTF-8) no longer matches the
certificate it names; \`openssl cms -verify\` says "signer certificate not found". The same script with
an ASCII-named certificate gives a valid signature. Known upstream as digitalbazaar/forge#847 (this
diagnosis was made when the suite was written; look again when the versions change).`;

// Other work on the machine inflates the figures; the 1-minute load average says how much there was.
const loads = [
  ...signed.flatMap((size) => size.rows),
  ...verified.flatMap((size) => size.rows),
  ...(service.rows ?? []),
  ...(hugeResult?.rows ?? []),
].map((r) => r.load);
const load = `1-minute load average ${loadAtStart.toFixed(2)} at the start, up to ${Math.max(...loads).toFixed(2)} after a measurement, ${loadavg()[0].toFixed(2)} at the end (the bench alone accounts for about 1)`;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${load}`;
const blocks = [
  '# Benchmark results',
  `Measured by \`npm run bench\` in one run, each figure the median of fresh processes after a warm-up
(wall clock around the process; peak resident set size from GNU time). The contenders on one file
run side by side, each once per round, so a slow spell of this shared machine falls on all of them
alike. Machine: ${machine}.`,
  `Every measured program runs in a plain environment (PATH, HOME, locale and time zone: \`benchEnv\` in
bench/src/measure.mjs), so each starts as on a plain machine. A bare \`node -e 0\` took ${startPlain.toFixed(3)} s
there${
    startInherited === undefined
      ? '.'
      : `; this shell also sets ${dropped.join(', ')}, which the measured programs do not inherit — with
${dropped.length > 1 ? 'them' : 'it'} the same start took ${startInherited.toFixed(3)} s${
          dropped.includes('NODE_EXTRA_CA_CERTS')
            ? ' (NODE_EXTRA_CA_CERTS makes Node read its CA bundle at every start)'
            : ''
        }, which would add to every Node contender alike.`
  }`,
  '## Hashing floor (SHA-256 over the whole file)',
  "The cost no signer or verifier can beat; kyso's targets are stated against openssl's figure.",
  table(floor),
  '## Signing (issue 4)',
  `Every contender signs the same test PDF (\`writeLargeTestPdf\` of \`@kyso/testkit/node\`: incompressible
images, a classic cross-reference table) with the same key and chain: \`${identity.id}\` (${identity.keySpec})
of the test PKI, read from its .p12. Each runs as a fresh \`node\` process: kyso as users run it,
\`node packages/cli/bin/kyso.js sign IN -o OUT --p12 FILE --password-env VAR --revocation off\` (PAdES
B-B); each peer through a script in \`bench/src/peers/\` that calls the library the way its README shows
(PAdES B-B, SubFilter ETSI.CAdES.detached). \`openssl dgst -sha256\` over the same file is the hashing
floor. Every output is judged by poppler's \`pdfsig\` ${pdfsigVersion()}: only "Signature is Valid." counts
(the test root is not in its trust store, so its certificate verdict is ignored), and a contender
whose output is not valid takes no part in the "fastest valid peer" comparison.`,
  `Peers, pinned in bench/package.json: ${peers}.`,
  sizeSections,
  ...(signpdfInvalid ? [signpdfNote] : []),
  '## Verification (issue 5)',
  `Test PDFs as above, each signed in turn by four signers of the test PKI (three heads, then the
organisation: four incremental updates, PAdES B-B). \`kyso verify\` runs as users run it, with the test
root as its anchor and revocation off (no network in the measurement); \`pdfsig\` with its defaults
(its certificate check fails fast: the test root is not in its store). Both verdicts are checked
before the timings count.`,
  verified
    .map((size) =>
      [
        `### ${size.label}, four signatures`,
        verificationTable(size.rows),
        ...(size.label === '100 MiB' ? ['Targets from issue 5:', verificationTargets(size).join('\n')] : []),
      ].join('\n\n'),
    )
    .join('\n\n'),
  serviceSection(service),
  browserSection(browser),
  '## 3 GiB (opt-in)',
  hugeSection(hugeResult),
];
await writeFile(join(here, 'RESULTS.md'), `${blocks.join('\n\n')}\n`);
await rm(out, { recursive: true, force: true });
console.log(`bench/RESULTS.md written\n\n${table(floor)}\n\n${sizeSections}`);
