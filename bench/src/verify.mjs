// The verification suite (issue 5): `kyso verify` against poppler's `pdfsig` on files that carry four
// signatures, each in fresh processes. The four byte ranges share the file's long prefix, which kyso
// hashes once; pdfsig hashes every range of every signature.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPki } from '@kyso/testkit';
import { writeLargeTestPdf, writeTestPki } from '@kyso/testkit/node';
import { measureSideBySide } from './measure.mjs';
import { failureReason } from './sign.mjs';

const KYSO = fileURLToPath(new URL('../../packages/cli/bin/kyso.js', import.meta.url));
const PASSWORD_VAR = 'KYSO_BENCH_PASSWORD';
// The approval chain of VN-PROFILE.md: three heads, then the organisation.
const SIGNERS = ['lanh-dao-phong', 'lanh-dao-van-phong', 'lanh-dao-co-quan', 'to-chuc'];

function kyso(args, env = {}) {
  const r = spawnSync(process.execPath, [KYSO, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 3) throw new Error(`kyso ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
}

/** A PDF of about `mib` MiB signed in turn by the four signers (B-B, incremental updates). */
async function fourSignatures(dir, mib, pki) {
  const input = join(dir, `verify-${mib}MiB-0.pdf`);
  await writeLargeTestPdf(input, { bytes: mib * 1024 * 1024 });
  let current = input;
  for (const [i, id] of SIGNERS.entries()) {
    const next = join(dir, `verify-${mib}MiB-${i + 1}.pdf`);
    kyso(
      [
        'sign',
        current,
        '-o',
        next,
        '--p12',
        join(pki.dir, 'p12', `${id}.p12`),
        '--password-env',
        PASSWORD_VAR,
        '--revocation',
        'off',
      ],
      { [PASSWORD_VAR]: pki.password(id) },
    );
    await rm(current, { force: true });
    current = next;
  }
  return current;
}

/** Both verifiers must see four valid signatures before their time means anything. */
function verdicts(file, anchors) {
  const report = JSON.parse(
    kyso(['verify', file, '--trust', anchors, '--revocation', 'off', '--json']).stdout,
  );
  const pdfsig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
  return {
    kyso: `${report.status}, ${report.signatures.filter((s) => s.status === 'valid').length}/${report.signatures.length} signatures valid`,
    kysoOk: report.status === 'valid' && report.signatures.length === SIGNERS.length,
    pdfsig: `${(pdfsig.match(/Signature is Valid\./g) ?? []).length}/${(pdfsig.match(/^Signature #/gm) ?? []).length} signatures valid`,
  };
}

export async function verification({ dir, mibs = [1, 10, 100], runs = 5 }) {
  const made = await createTestPki({ include: SIGNERS });
  const pkiDir = join(dir, 'verify-pki');
  await writeTestPki(made, pkiDir);
  const pki = { dir: pkiDir, password: (id) => made.get(id).password };
  const anchors = join(pkiDir, 'trust-anchors.pem');
  const sizes = [];
  for (const mib of mibs) {
    const file = await fourSignatures(dir, mib, pki);
    const check = verdicts(file, anchors);
    const rows = [];
    const contenders = [
      {
        name: 'kyso verify (whole CLI, revocation off)',
        kind: 'kyso',
        command: [process.execPath, [KYSO, 'verify', file, '--trust', anchors, '--revocation', 'off']],
        verdict: check.kyso,
      },
      { name: 'pdfsig', kind: 'peer', command: ['pdfsig', [file]], verdict: check.pdfsig },
    ];
    // side by side, round after round (see measureSideBySide)
    const measured = measureSideBySide(
      contenders.map((c) => ({ command: c.command[0], args: c.command[1] })),
      { runs },
    );
    for (const [i, c] of contenders.entries()) {
      const m = measured[i];
      rows.push(
        m.error
          ? { contender: c.name, kind: c.kind, fails: failureReason(m.error), load: loadavg()[0] }
          : { ...m, contender: c.name, kind: c.kind, verdict: c.verdict, load: loadavg()[0] },
      );
      const last = rows.at(-1);
      console.log(
        `verify ${mib} MiB  ${last.contender}: ${last.fails ?? `${last.seconds.toFixed(3)} s, ${last.rssMiB.toFixed(1)} MiB`}`,
      );
    }
    await rm(file, { force: true });
    sizes.push({ label: `${mib} MiB`, rows, ok: check.kysoOk });
  }
  return sizes;
}

export function verificationTable(rows) {
  return [
    '| verifier | wall (s, median) | peak RSS (MiB, median) | runs | verdict |',
    '|---|---|---|---|---|',
    ...rows.map((r) =>
      r.fails
        ? `| ${r.contender} | fails: ${r.fails.replaceAll('|', '\\|')} | — | — | — |`
        : `| ${r.contender} | ${r.seconds.toFixed(3)} | ${r.rssMiB.toFixed(1)} | ${r.runs} | ${r.verdict} |`,
    ),
  ].join('\n');
}

/** Issue 5's target at 100 MiB: ≤ 0.5 s wall and ≤ 100 MiB peak RSS for four signatures. */
export function verificationTargets(size) {
  const kyso = size.rows.find((r) => r.kind === 'kyso');
  const pdfsig = size.rows.find((r) => r.kind === 'peer');
  if (!kyso || kyso.fails || !size.ok)
    return ['- kyso verify did not report four valid signatures: no target is met.'];
  const met = (ok) => (ok ? '**met**' : '**not met**');
  return [
    `- 100 MiB with four signatures in ≤ 0.5 s: ${kyso.seconds.toFixed(3)} s — ${met(kyso.seconds <= 0.5)}${pdfsig && !pdfsig.fails ? ` (pdfsig: ${pdfsig.seconds.toFixed(3)} s)` : ''}.`,
    `- Peak RSS ≤ 100 MiB: ${kyso.rssMiB.toFixed(1)} MiB — ${met(kyso.rssMiB <= 100)}.`,
  ];
}
