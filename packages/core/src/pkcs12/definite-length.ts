import { type Asn1, bytesOf, children, contentOf, readOctets, TAG } from '../asn1/index.js';
import { concat } from '../bytes/bytes.js';

/** Whether an element uses BER-only forms: indefinite lengths or constructed OCTET STRINGs. */
function isBerOnly(node: Asn1): boolean {
  if (node.indefinite || node.nonMinimalLength) return true;
  if (!node.constructed) return false;
  if (node.cls === 0 && node.tag === TAG.OCTET_STRING) return true;
  return children(node).some(isBerOnly);
}

function lengthOctets(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

function identifier(node: Asn1): Uint8Array {
  let end = node.start + 1;
  if ((node.source[node.start]! & 0x1f) === 0x1f) while (node.source[end++]! & 0x80);
  return node.source.slice(node.start, end);
}

function encode(node: Asn1): Uint8Array {
  const id = identifier(node);
  let content: Uint8Array;
  if (node.constructed && node.cls === 0 && node.tag === TAG.OCTET_STRING) {
    content = readOctets(node);
    id[0] = id[0]! & ~0x20;
  } else if (node.constructed) {
    content = concat(...children(node).map(encode));
  } else {
    content = contentOf(node);
  }
  return concat(id, lengthOctets(content.length), content);
}

/**
 * The element with definite, minimal lengths and primitive OCTET STRINGs: the BER that Windows
 * writes into PKCS#12 files made acceptable to WebCrypto's PKCS#8 import. Elements already in that
 * form are returned as they are.
 */
export function definiteLength(node: Asn1): Uint8Array {
  return isBerOnly(node) ? encode(node) : bytesOf(node);
}
