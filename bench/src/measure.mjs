// Wall time and peak RSS of a command in a fresh process; peak RSS from GNU time (Debian package `time`).
import { spawnSync } from 'node:child_process';

export function requireGnuTime() {
  const r = spawnSync('/usr/bin/time', ['-f', '%e', 'true'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('bench needs GNU time at /usr/bin/time (apt-get install -y time)');
}

/** One run: { seconds, rssMiB }; throws if the command fails. */
export function measureOnce(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'KYSO_TIME %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  // GNU time's %e has 10 ms steps; the clock around the spawn is finer (and adds under a millisecond).
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = /KYSO_TIME (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr}`);
  return { seconds, rssMiB: Number(m[1]) / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The median of `runs` fresh runs (≥ 5), after one unmeasured warm-up for the page cache. */
export function measure(command, args, { runs = 5, ...options } = {}) {
  measureOnce(command, args, options);
  const samples = Array.from({ length: runs }, () => measureOnce(command, args, options));
  return {
    seconds: median(samples.map((s) => s.seconds)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
    runs,
  };
}
