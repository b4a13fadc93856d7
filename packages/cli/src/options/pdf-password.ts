import type { CliContext } from '../context.js';
import { readSecret } from './secret.js';

/** The password of an encrypted PDF, from the environment only (never the command line). */
export async function pdfPassword(
  variable: string | undefined,
  ctx: CliContext,
): Promise<string | undefined> {
  return readSecret('--pdf-password-env', { env: variable }, ctx.env, ctx.lang);
}
