import { readFile } from 'node:fs/promises';
import { KysoError, type Lang } from '@kyso/core';

/**
 * A secret (password, PIN, token) from an environment variable or a file, never from the command
 * line, where it would show in `ps` and shell history.
 */
export async function readSecret(
  what: string,
  source: { env?: string | undefined; file?: string | undefined },
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<string | undefined> {
  if (source.env !== undefined) {
    const value = env[source.env];
    if (value === undefined)
      throw new KysoError('USAGE', {
        params: { detail: `${what}: environment variable ${source.env} is not set` },
        lang,
      });
    return value;
  }
  if (source.file !== undefined) {
    try {
      return (await readFile(source.file, 'utf8')).replace(/\r?\n$/, '');
    } catch (error) {
      throw new KysoError('IO_ERROR', {
        params: { path: source.file, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
        lang,
        cause: error,
      });
    }
  }
  return undefined;
}
