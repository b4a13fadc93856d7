// `npm run bench`: generates the input files, runs every suite in fresh processes, and writes
// bench/RESULTS.md with the machine it ran on. Never part of `npm test`: timings are not assertions.
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashFloor } from './hash-floor.mjs';
import { requireGnuTime } from './measure.mjs';

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

requireGnuTime();
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const files = [];
for (const mib of [1, 10, 100]) {
  const path = join(out, `random-${mib}MiB.bin`);
  await makeFile(path, mib * MiB);
  files.push({ label: `${mib} MiB`, path });
}

const floor = hashFloor(files);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
await writeFile(
  join(here, 'RESULTS.md'),
  `# Benchmark results

Measured by \`npm run bench\` in one run, each figure the median of fresh processes after a warm-up
(wall clock around the process; peak resident set size from GNU time). Machine: ${machine}.

## Hashing floor (SHA-256 over the whole file)

The cost no signer or verifier can beat; kyso's targets are stated against openssl's figure.

${table(floor)}
`,
);
await rm(out, { recursive: true, force: true });
console.log(`bench/RESULTS.md written\n\n${table(floor)}`);
