import { type SignPdfOptions, signPdf } from '../signing/sign-pdf.js';
import { fileSource } from './file-source.js';
import { nodeHasher } from './hasher.js';
import { beginSignedFile } from './write-signed.js';

/**
 * Signs a file into another: the input is read through a file handle (never whole) with reads
 * overlapping the native hash, copied by the kernel at the same time, and the output appears only
 * when complete.
 */
export async function signPdfFile(
  input: string,
  output: string,
  options: SignPdfOptions,
): Promise<{ fieldName: string }> {
  const source = await fileSource(input);
  const out = beginSignedFile(input, output);
  try {
    const signed = await signPdf(source, {
      ...options,
      provider: { hasher: nodeHasher, ...options.provider },
    });
    await out.commit(signed.appended);
    return { fieldName: signed.fieldName };
  } catch (error) {
    await out.abort();
    throw error;
  } finally {
    await source.close();
  }
}
