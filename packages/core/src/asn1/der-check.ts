import { compareBytes } from '../bytes/bytes.js';
import { type Asn1, bytesOf, contentOf, describe, TAG } from './node.js';
import { children } from './reader.js';

const STRING_TAGS = new Set<number>([
  TAG.OCTET_STRING,
  TAG.UTF8_STRING,
  TAG.NUMERIC_STRING,
  TAG.PRINTABLE_STRING,
  TAG.TELETEX_STRING,
  TAG.IA5_STRING,
  TAG.VISIBLE_STRING,
  TAG.UNIVERSAL_STRING,
  TAG.BMP_STRING,
]);

/**
 * The first way in which an element breaks the distinguished encoding rules (X.690 §10–11), or
 * undefined if it is DER. Used where a signature depends on DER: signed attributes must be verified
 * over their DER encoding, and a verifier that accepts other encodings opens the door to forgeries.
 */
export function derViolation(node: Asn1): string | undefined {
  const at = `${describe(node)} at byte ${node.start}`;
  if (node.indefinite) return `${at}: indefinite length`;
  if (node.nonMinimalLength) return `${at}: length not in its shortest form`;
  const content = contentOf(node);
  if (node.cls === 0) {
    if (node.constructed && (STRING_TAGS.has(node.tag) || node.tag === TAG.BIT_STRING))
      return `${at}: constructed string`;
    switch (node.tag) {
      case TAG.BOOLEAN:
        if (content.length !== 1 || (content[0] !== 0 && content[0] !== 0xff))
          return `${at}: BOOLEAN not 00 or FF`;
        break;
      case TAG.INTEGER:
      case TAG.ENUMERATED:
        if (
          content.length > 1 &&
          ((content[0] === 0 && !(content[1]! & 0x80)) || (content[0] === 0xff && content[1]! & 0x80))
        ) {
          return `${at}: INTEGER not in its shortest form`;
        }
        break;
      case TAG.BIT_STRING: {
        const unused = content[0] ?? 0;
        if (unused > 0 && content.length > 1 && content.at(-1)! & ((1 << unused) - 1))
          return `${at}: unused bits not zero`;
        break;
      }
      case TAG.NULL:
        if (content.length !== 0) return `${at}: NULL with content`;
        break;
    }
  }
  if (!node.constructed) return undefined;
  let kids: Asn1[];
  try {
    kids = children(node);
  } catch (error) {
    // content that does not even decode as BER is certainly not DER
    return `${at}: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (node.cls === 0 && node.tag === TAG.SET) {
    for (let i = 1; i < kids.length; i++) {
      if (compareBytes(bytesOf(kids[i - 1]!), bytesOf(kids[i]!)) > 0)
        return `${at}: SET elements not in DER order`;
    }
  }
  for (const kid of kids) {
    const v = derViolation(kid);
    if (v) return v;
  }
  return undefined;
}
