/** @kyso/pdf/node: the one place in @kyso/pdf that uses Node built-ins (files, native hashing). */

export { loadDefaultFonts } from './default-fonts.js';
export { type FileSource, fileSource } from './file-source.js';
export { nodeHasher } from './hasher.js';
export { clerkSignFile, signPdfFile } from './sign-file.js';
export { beginSignedFile, type PendingOutput, writeSignedFile } from './write-signed.js';
