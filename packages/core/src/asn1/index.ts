export { derViolation } from './der-check.js';
export { type Asn1, Asn1Error, bytesOf, contentOf, describe, isContext, isUniversal, TAG } from './node.js';
export { decodeOid, encodeOid } from './oid.js';
export { Cursor, children, type DecodeOptions, decode, readElement, sequence } from './reader.js';
export {
  type BitString,
  readBitString,
  readBoolean,
  readInteger,
  readIntegerBytes,
  readNamedBits,
  readNull,
  readOctets,
  readOid,
  readSmallInteger,
  readString,
  readTime,
} from './values.js';
export * as der from './writer.js';
