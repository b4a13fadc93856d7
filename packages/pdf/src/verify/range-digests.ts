import { type DigestAlgorithm, finishDigest, type Hasher, type HasherFactory } from '@kyso/core';
import type { ByteSource } from '../io/byte-source.js';

export interface RangeRequest {
  /** A valid two-part byte range [0, a, b, c] (checked by the caller). */
  byteRange: readonly [number, number, number, number];
  algorithms: ReadonlySet<DigestAlgorithm>;
}

interface Job {
  index: number;
  algorithm: DigestAlgorithm;
  start: number;
  gapEnd: number;
  end: number;
  hasher?: Hasher;
}

/**
 * Digests of several byte ranges in one pass over the file. Successive signatures share the long
 * prefix [0, a) of the document: one running hash per algorithm covers it, and each signature takes
 * a copy of that state at its gap and continues with its own tail. N signatures cost about one pass.
 */
export async function digestRanges(
  source: ByteSource,
  requests: readonly RangeRequest[],
  factory: HasherFactory,
  signal?: AbortSignal,
): Promise<Map<DigestAlgorithm, Uint8Array>[]> {
  const results = requests.map(() => new Map<DigestAlgorithm, Uint8Array>());
  const jobs: Job[] = requests.flatMap((r, index) =>
    [...r.algorithms].map((algorithm) => ({
      index,
      algorithm,
      start: r.byteRange[1],
      gapEnd: r.byteRange[2],
      end: r.byteRange[2] + r.byteRange[3],
    })),
  );
  if (jobs.length === 0) return results;
  const running = new Map<DigestAlgorithm, Hasher>();
  for (const j of jobs) if (!running.has(j.algorithm)) running.set(j.algorithm, factory(j.algorithm));
  // the running hash is needed up to the last gap; each copy up to its own end
  const prefixEnd = Math.max(...jobs.map((j) => j.start));
  const end = Math.max(prefixEnd, ...jobs.map((j) => j.end));
  const pending = [...jobs].sort((a, b) => a.start - b.start);
  let next = 0;
  let at = 0;

  const feed = (chunk: Uint8Array, from: number) => {
    const to = from + chunk.length;
    const limit = Math.min(to, prefixEnd);
    let pos = from;
    // the running hashes cover the prefix; a copy is taken exactly where each gap starts
    while (next < pending.length && pending[next]!.start <= limit) {
      const job = pending[next]!;
      if (job.start > pos) {
        const slice = chunk.subarray(pos - from, job.start - from);
        for (const h of running.values()) h.update(slice);
        pos = job.start;
      }
      job.hasher = running.get(job.algorithm)!.clone();
      next++;
    }
    if (pos < limit) {
      const slice = chunk.subarray(pos - from, limit - from);
      for (const h of running.values()) h.update(slice);
    }
    // each copy continues with its own tail, after its gap
    for (const j of jobs) {
      if (!j.hasher) continue;
      const a = Math.max(from, j.gapEnd);
      const b = Math.min(to, j.end);
      if (a < b) j.hasher.update(chunk.subarray(a - from, b - from));
    }
  };

  if (source.chunks) {
    for await (const chunk of source.chunks(0, end, signal ? { signal } : {})) {
      feed(chunk, at);
      at += chunk.length;
    }
  } else {
    const step = 4 * 1024 * 1024;
    for (; at < end; at += step)
      feed(await source.read(at, Math.min(step, end - at), signal ? { signal } : {}), at);
  }
  // a gap at the very end of the read (start === end) takes its copy now
  for (; next < pending.length; next++)
    pending[next]!.hasher = running.get(pending[next]!.algorithm)!.clone();
  const values = await Promise.all(jobs.map((j) => finishDigest(j.hasher!)));
  jobs.forEach((j, k) => {
    results[j.index]!.set(j.algorithm, values[k]!);
  });
  return results;
}
