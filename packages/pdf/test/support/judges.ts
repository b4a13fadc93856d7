import { run } from '@kyso/testkit/node';

/** pdfsig (poppler): per signed signature field, whether "Signature is Valid." (empty fields skipped). */
export async function pdfsig(path: string): Promise<{ valid: boolean[]; output: string }> {
  const r = await run('pdfsig', [path]);
  const output = r.stdout + r.stderr;
  const blocks = output
    .split(/^Signature #\d+:/m)
    .slice(1)
    .filter((b) => !/The signature form field is not signed\./.test(b));
  return { valid: blocks.map((b) => /Signature Validation: Signature is Valid\./.test(b)), output };
}

/** mutool sign -v (MuPDF): per signed field, whether the digest is intact (empty fields skipped). */
export async function mutoolVerify(path: string): Promise<{ intact: boolean[]; output: string }> {
  const r = await run('mutool', ['sign', '-v', path]);
  const output = r.stdout + r.stderr;
  const blocks = output
    .split(/^Verifying signature \d+:/m)
    .slice(1)
    .filter((b) => !/Signature is not signed\./.test(b));
  return {
    intact: blocks.map((b) =>
      /The document is unchanged since signing\.|The signature is valid but there have been edits since signing\./.test(
        b,
      ),
    ),
    output,
  };
}

/** qpdf --check: no error (warnings count as failures too). */
export async function qpdfCheck(path: string): Promise<{ ok: boolean; output: string }> {
  const r = await run('qpdf', ['--check', path]);
  const output = r.stdout + r.stderr;
  return {
    ok: r.code === 0 && /No syntax or stream encoding errors found/.test(output) && !/WARNING/i.test(output),
    output,
  };
}
