// The signing suite (issue 4): the whole `kyso sign` command against its peers and the hashing floor,
// each contender in fresh processes on the same file with the same key, every output judged by pdfsig.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPki } from '@kyso/testkit';
import { writeLargeTestPdf, writeTestPki } from '@kyso/testkit/node';
import { benchEnv, measureSideBySide } from './measure.mjs';

const KYSO = fileURLToPath(new URL('../../packages/cli/bin/kyso.js', import.meta.url));
const PEERS = fileURLToPath(new URL('../peers/', import.meta.url));
const PASSWORD_VAR = 'KYSO_BENCH_PASSWORD';
const SIGNER_ID = 'lanh-dao-phong';
// the peers resolve from bench/peers, where install-peers.mjs puts them
const require = createRequire(new URL('../peers/package.json', import.meta.url));

/** The installed version of a package, from its package.json. */
export const versionOf = (name) =>
  JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;

export function pdfsigVersion() {
  const r = spawnSync('pdfsig', ['-v'], { encoding: 'utf8' });
  return /pdfsig version (\S+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? 'unknown';
}

export function requirePdfsig() {
  if (spawnSync('pdfsig', ['-v']).error)
    throw new Error('the signing bench needs pdfsig (poppler-utils) on the PATH');
}

/**
 * pdfsig's verdict on a file that should hold exactly one signature: valid only when it reports one
 * signature and "Signature is Valid." for it. The certificate verdict is ignored (the test root is not
 * in pdfsig's trust store).
 */
export function pdfsigVerdict(path) {
  const r = spawnSync('pdfsig', [path], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.error) return { valid: false, text: `pdfsig could not run (${r.error.message})` };
  const output = `${r.stdout}${r.stderr}`;
  const verdicts = [...output.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1].trim());
  if (verdicts.length === 0)
    return {
      valid: false,
      text: /does not contain any signatures/.test(output)
        ? 'no signature'
        : (output.trim().split('\n')[0] ?? 'no output'),
    };
  if (verdicts.length > 1)
    return { valid: false, text: `${verdicts.length} signatures: ${verdicts.join(' / ')}` };
  return { valid: verdicts[0] === 'Signature is Valid.', text: verdicts[0] };
}

/** One line saying why a measured command failed, from the error `measureOnce` throws. */
export function failureReason(error) {
  const lines = String(error?.message ?? error)
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(
      (l) =>
        l &&
        !l.startsWith('at ') &&
        !l.startsWith('Node.js v') &&
        !l.startsWith('KYSO_TIME') &&
        !l.startsWith('Command exited with non-zero status') &&
        l !== '^',
    );
  const reason =
    lines.find((l) => /^(\w*Error|kyso:)/.test(l)) ??
    lines.find((l) => /Command terminated by signal/.test(l)) ??
    lines.at(-1) ??
    'no message';
  return reason.length > 200 ? `${reason.slice(0, 197)}...` : reason;
}

/** The signer: RSA 2048 `lanh-dao-phong` of the test PKI, written as PEM and .p12 under `dir`. */
export async function signingIdentity(dir) {
  const pki = await createTestPki({ include: [SIGNER_ID] });
  await writeTestPki(pki, dir);
  const identity = pki.get(SIGNER_ID);
  return {
    id: SIGNER_ID,
    keySpec: identity.keySpec,
    p12: join(dir, 'p12', `${SIGNER_ID}.p12`),
    password: identity.password,
  };
}

/** The contenders, each a command line over (input, output); `floor` only reads the input. */
export function contenders(identity) {
  const p12 = identity.p12;
  return [
    {
      kind: 'kyso',
      name: 'kyso sign (B-B, whole CLI)',
      command: (input, output) => [
        process.execPath,
        [
          KYSO,
          'sign',
          input,
          '-o',
          output,
          '--p12',
          p12,
          '--password-env',
          PASSWORD_VAR,
          '--revocation',
          'off',
        ],
      ],
    },
    {
      kind: 'peer',
      name: `@libpdf/core ${versionOf('@libpdf/core')}`,
      command: (input, output) => [process.execPath, [join(PEERS, 'libpdf-core.mjs'), input, output, p12]],
    },
    {
      kind: 'peer',
      name: `@signpdf/signpdf ${versionOf('@signpdf/signpdf')} + placeholder-plain + signer-p12`,
      command: (input, output) => [process.execPath, [join(PEERS, 'signpdf.mjs'), input, output, p12]],
    },
    {
      kind: 'floor',
      name: 'openssl dgst -sha256',
      command: (input) => ['openssl', ['dgst', '-sha256', input]],
    },
  ];
}

/** The contenders over one input, all in turn round after round (see measureSideBySide), as rows. */
function sideBySide(list, input, outputs, identity, runs) {
  const env = benchEnv({ [PASSWORD_VAR]: identity.password });
  const measured = measureSideBySide(
    list.map((contender, i) => {
      const [command, args] = contender.command(input, outputs[i]);
      return { command, args, options: { env } };
    }),
    { runs },
  );
  return list.map((contender, i) => row(contender, measured[i], outputs[i]));
}

/** A measured contender's row: its timings, the load after, and for a signer pdfsig's verdict. */
function row(contender, measured, output) {
  const row = { contender: contender.name, kind: contender.kind };
  if (measured.error) row.fails = failureReason(measured.error);
  else Object.assign(row, measured);
  // The 1-minute load average right after the runs: other work on the machine shows here.
  row.load = loadavg()[0];
  if (contender.kind !== 'floor' && !row.fails) row.verdict = pdfsigVerdict(output);
  return row;
}

/** Every contender over a test PDF of each size in `mibs`; inputs and outputs are removed after use. */
export async function signing({ dir, identity, mibs = [1, 10, 100], runs = 5 }) {
  const list = contenders(identity);
  const sizes = [];
  for (const mib of mibs) {
    const input = join(dir, `sign-${mib}MiB.pdf`);
    const bytes = await writeLargeTestPdf(input, { bytes: mib * 1024 * 1024 });
    const outputs = list.map((_, i) => join(dir, `sign-${mib}MiB-signed-${i}.pdf`));
    const rows = sideBySide(list, input, outputs, identity, runs);
    for (const r of rows) console.log(`${mib} MiB  ${r.contender}: ${summary(r)}`);
    for (const output of outputs) await rm(output, { force: true });
    await rm(input, { force: true });
    sizes.push({ label: `${mib} MiB`, bytes, rows });
  }
  return sizes;
}

/**
 * The opt-in huge case: a `bytes`-long PDF (3 GiB by default, classic table), `kyso sign` over it and
 * `openssl dgst -sha256` for scale. Both files are removed afterwards, whatever happens.
 */
export async function hugeSigning({ dir, identity, bytes = 3 * 1024 ** 3, runs = 5 }) {
  const input = join(dir, 'huge.pdf');
  const output = join(dir, 'huge-signed.pdf');
  try {
    const started = process.hrtime.bigint();
    const size = await writeLargeTestPdf(input, { bytes, form: 'classic' });
    const writeSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const [kyso, , , floor] = contenders(identity);
    const rows = sideBySide([kyso, floor], input, [output, output], identity, runs);
    for (const row of rows) console.log(`huge  ${row.contender}: ${summary(row)}`);
    const outputBytes = await stat(output).then(
      (s) => s.size,
      () => undefined,
    );
    return { bytes: size, outputBytes, writeSeconds, rows };
  } finally {
    await rm(input, { force: true });
    await rm(output, { force: true });
  }
}

export function summary(row) {
  if (row.fails) return `fails: ${row.fails}`;
  const verdict = row.verdict ? `, pdfsig: ${row.verdict.text}` : '';
  return `${row.seconds.toFixed(3)} s, ${row.rssMiB.toFixed(1)} MiB${verdict}`;
}

const verdictCell = (row) => {
  if (row.kind === 'floor') return '(hash only)';
  if (row.fails) return '—';
  return row.verdict.valid ? row.verdict.text : `**not valid**: ${row.verdict.text}`;
};

export const signingTable = (rows) =>
  [
    '| contender | wall (s, median) | peak RSS (MiB, median) | runs | pdfsig |',
    '|---|---|---|---|---|',
    ...rows.map((r) =>
      r.fails
        ? `| ${r.contender} | fails: ${r.fails.replaceAll('|', '\\|')} | — | — | ${verdictCell(r)} |`
        : `| ${r.contender} | ${r.seconds.toFixed(3)} | ${r.rssMiB.toFixed(1)} | ${r.runs} | ${verdictCell(r)} |`,
    ),
  ].join('\n');

const met = (ok) => (ok ? '**met**' : '**not met**');

/** The issue's targets, judged on one size's rows. */
export function targets(rows) {
  const kyso = rows.find((r) => r.kind === 'kyso');
  const floor = rows.find((r) => r.kind === 'floor');
  if (!kyso || kyso.fails || !kyso.verdict?.valid)
    return [
      `- kyso sign ${kyso?.fails ? `fails (${kyso.fails})` : 'gives no valid signature'}: no target is met.`,
    ];
  const lines = [];
  if (floor && !floor.fails) {
    const ratio = kyso.seconds / floor.seconds;
    lines.push(
      `- The whole \`kyso sign\` command within 3× the time of \`openssl dgst -sha256\` on the same file: ${kyso.seconds.toFixed(3)} s against ${floor.seconds.toFixed(3)} s (3× = ${(3 * floor.seconds).toFixed(3)} s), ${ratio.toFixed(1)}× — ${met(ratio <= 3)}.`,
    );
  } else lines.push('- Within 3× of `openssl dgst -sha256`: cannot be judged, openssl failed.');
  lines.push(`- Peak RSS ≤ 100 MiB: ${kyso.rssMiB.toFixed(1)} MiB — ${met(kyso.rssMiB <= 100)}.`);
  const validPeers = rows
    .filter((r) => r.kind === 'peer' && !r.fails && r.verdict?.valid)
    .sort((a, b) => a.seconds - b.seconds);
  const fastest = validPeers[0];
  if (fastest) {
    const speedup = fastest.seconds / kyso.seconds;
    lines.push(
      `- At least 3× faster than the fastest peer whose output is valid (${fastest.contender}, ${fastest.seconds.toFixed(3)} s): ${speedup.toFixed(1)}× — ${met(speedup >= 3)}.`,
    );
  } else
    lines.push(
      '- At least 3× faster than the fastest valid peer: no peer gave a valid signature, nothing to compare.',
    );
  return lines;
}
