/** @kyso/pdf/node: the one place in @kyso/pdf that uses Node built-ins (files, streaming hashes). */
export { type FileSource, fileSource } from './file-source.js';
