import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '@kyso/testkit/node';

/** pdfsig (poppler): whether each signed signature field says "Signature is Valid." */
export async function pdfsig(
  dir: string,
  name: string,
  bytes: Uint8Array,
): Promise<{ valid: boolean[]; output: string }> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const r = await run('pdfsig', [path]);
  const output = r.stdout + r.stderr;
  const blocks = output
    .split(/^Signature #\d+:/m)
    .slice(1)
    .filter((b) => !/The signature form field is not signed\./.test(b));
  return { valid: blocks.map((b) => /Signature Validation: Signature is Valid\./.test(b)), output };
}
