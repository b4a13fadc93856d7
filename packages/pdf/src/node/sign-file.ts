import { type SignPdfOptions, signPdf } from '../signing/sign-pdf.js';
import { fileSource } from './file-source.js';
import { nodeHasher } from './hasher.js';
import { writeSignedFile } from './write-signed.js';

/**
 * Signs a file into another: the input is read through a file handle (never whole), hashed with
 * native SHA, copied by the kernel, and the output appears only when complete.
 */
export async function signPdfFile(
  input: string,
  output: string,
  options: SignPdfOptions,
): Promise<{ fieldName: string }> {
  const source = await fileSource(input);
  try {
    const signed = await signPdf(source, {
      ...options,
      provider: { hasher: nodeHasher, ...options.provider },
    });
    await writeSignedFile(input, signed.appended, output);
    return { fieldName: signed.fieldName };
  } finally {
    await source.close();
  }
}
