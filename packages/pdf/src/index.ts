export { type ByteSource, blobSource, bytesSource, checkRange } from './io/byte-source.js';
