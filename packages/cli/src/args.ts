import { type ParseArgsConfig, parseArgs } from 'node:util';
import { KysoError, type Lang } from '@kyso/core';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** node:util parseArgs, strict, with its errors turned into USAGE errors (exit status 2). */
export function parse<O extends Options>(args: readonly string[], options: O, lang: Lang): Parsed<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new KysoError('USAGE', { params: { detail }, lang, cause: error });
  }
}
