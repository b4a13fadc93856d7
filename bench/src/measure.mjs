// Wall time and peak RSS of a command in a fresh process; peak RSS from GNU time (Debian package `time`).
import { spawnSync } from 'node:child_process';

export function requireGnuTime() {
  const r = spawnSync('/usr/bin/time', ['-f', '%e', 'true'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('bench needs GNU time at /usr/bin/time (apt-get install -y time)');
}

/**
 * What the measured programs inherit: these variables and nothing else. Variables that change how a
 * program starts stay out — NODE_OPTIONS, or NODE_EXTRA_CA_CERTS, which makes Node 20 read and parse
 * a CA bundle at every start (some 45 ms on the machine this was written on) — so every contender
 * starts as on a plain machine, and alike.
 */
const KEPT = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ'];

/** The plain environment of the measured programs, with `extra` (a password variable, say). */
export function benchEnv(extra = {}) {
  const env = {};
  for (const name of KEPT) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, ...extra };
}

/** Variables of this shell that benchEnv leaves out and that change how Node starts. */
export function droppedStartVariables() {
  return Object.keys(process.env).filter((name) => /^NODE_/.test(name) && !KEPT.includes(name));
}

/** One run: { seconds, rssMiB }; throws if the command fails. */
export function measureOnce(command, args, options = {}) {
  // The kernel writes back what earlier runs wrote (hundreds of MiB of signed files) whenever it
  // likes: flushed here, before the clock starts, it never lands inside another program's time.
  spawnSync('sync');
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'KYSO_TIME %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: benchEnv(),
    ...options,
  });
  // GNU time's %e has 10 ms steps; the clock around the spawn is finer (and adds under a millisecond).
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /KYSO_TIME (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr}`);
  return { seconds, rssMiB: Number(m[1]) / 1024 };
}

/** Median wall time of a bare `node -e 0` in `env`: the start every Node contender pays. */
export function nodeStart(env, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { env });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(times);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const summarise = (samples) => ({
  seconds: median(samples.map((s) => s.seconds)),
  rssMiB: median(samples.map((s) => s.rssMiB)),
  runs: samples.length,
});

/**
 * Several commands measured side by side, the median of `runs` (≥ 5) fresh runs each: one
 * unmeasured warm-up each, then `runs` rounds that run every command once, in turn. A slow spell of
 * a shared machine then falls on all of them alike instead of on whichever was being measured, so
 * the ratios the targets use hold. Each entry is `{ command, args, options }`; the answer, in the
 * same order, is a summary or `{ error }`.
 */
export function measureSideBySide(entries, { runs = 5 } = {}) {
  const failed = entries.map(() => undefined);
  const samples = entries.map(() => []);
  const once = (i) => {
    if (failed[i]) return;
    const { command, args, options } = entries[i];
    try {
      return measureOnce(command, args, options);
    } catch (error) {
      failed[i] = error;
    }
  };
  // the warm-up round, unmeasured (the page cache, the first start of each program)
  for (let i = 0; i < entries.length; i++) once(i);
  for (let r = 0; r < runs; r++)
    entries.forEach((_, i) => {
      const sample = once(i);
      if (sample) samples[i].push(sample);
    });
  return entries.map((_, i) => (failed[i] ? { error: failed[i] } : summarise(samples[i])));
}
