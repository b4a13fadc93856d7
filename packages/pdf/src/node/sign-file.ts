import type { ClerkSignOptions } from '../presets/clerk-sign.js';
import type { SignedPdf } from '../signing/sign-pdf.js';
import { type SignPdfOptions, signPdf } from '../signing/sign-pdf.js';
import { loadDefaultFonts } from './default-fonts.js';
import type { FileSource } from './file-source.js';
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
  return intoFile(input, output, (source) => signPdf(source, nodeDefaults(options)));
}

/** The clerk's three signatures (number, date, seal) from one file into another. */
export async function clerkSignFile(
  input: string,
  output: string,
  options: ClerkSignOptions,
): Promise<{ fieldName: string; fieldNames: [string, string, string] }> {
  // the presets load for the clerk's step only
  const { clerkSign } = await import('../presets/clerk-sign.js');
  const signed = await intoFile(input, output, (source) => clerkSign(source, nodeDefaults(options)));
  return { fieldName: signed.fieldName, fieldNames: signed.fieldNames };
}

/** Native hashing, and the bundled fonts read from the package when a preset needs them. */
function nodeDefaults<T extends SignPdfOptions | ClerkSignOptions>(options: T): T {
  return {
    ...options,
    fonts: options.fonts ?? loadDefaultFonts,
    provider: { hasher: nodeHasher, ...options.provider },
  };
}

async function intoFile<T extends SignedPdf>(
  input: string,
  output: string,
  sign: (source: FileSource) => Promise<T>,
): Promise<T> {
  const source = await fileSource(input);
  const out = beginSignedFile(input, output);
  try {
    const signed = await sign(source);
    await out.commit(signed.appended);
    return signed;
  } catch (error) {
    await out.abort();
    throw error;
  } finally {
    await source.close();
  }
}
