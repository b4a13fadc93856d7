import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Independent judges for tests: the real command-line tools (openssl, pdfsig, mutool, qpdf) run as
 * child processes, never re-implemented.
 */

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes, for binary output. */
  output: Uint8Array;
}

export interface RunOptions {
  input?: Uint8Array | string;
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs a command and collects its output; never throws for a non-zero exit (the caller judges). */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const output = Buffer.concat(out);
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: output.toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        output: new Uint8Array(output),
      });
    });
    // A tool may exit without reading its input; that EPIPE is not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

export function openssl(args: readonly string[], options?: RunOptions): Promise<RunResult> {
  return run('openssl', args, options);
}

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(prefix = 'kyso-'): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
