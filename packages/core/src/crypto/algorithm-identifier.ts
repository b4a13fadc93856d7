import {
  type Asn1,
  bytesOf,
  Cursor,
  contentOf,
  isContext,
  readInteger,
  readOid,
  TAG,
} from '../asn1/index.js';
import { readElement } from '../asn1/reader.js';

/**
 * AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }
 * The parameters are kept as written: whether NULL is present matters to DER-strict checks.
 */
export interface AlgorithmIdentifier {
  oid: string;
  /** The encoded parameters, if present. */
  parameters?: Asn1;
  /** The whole encoded identifier. */
  der: Uint8Array;
}

export function readAlgorithmIdentifier(node: Asn1, what = 'AlgorithmIdentifier'): AlgorithmIdentifier {
  const c = new Cursor(node, what);
  const oid = readOid(c.next(TAG.OID), what);
  const parameters = c.done ? undefined : c.next();
  c.end();
  return { oid, ...(parameters ? { parameters } : {}), der: bytesOf(node) };
}

/** True when the parameters are absent or NULL (RFC 5754 / RFC 8017 allow both for some algorithms). */
export function hasNoParameters(alg: AlgorithmIdentifier): boolean {
  return (
    !alg.parameters ||
    (alg.parameters.cls === 0 && alg.parameters.tag === TAG.NULL && contentOf(alg.parameters).length === 0)
  );
}

/**
 * RSASSA-PSS-params ::= SEQUENCE {
 *   hashAlgorithm [0] HashAlgorithm DEFAULT sha1, maskGenAlgorithm [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
 *   saltLength [2] INTEGER DEFAULT 20, trailerField [3] TrailerField DEFAULT trailerFieldBC }
 */
export interface PssParameters {
  hashOid: string;
  mgfOid: string;
  mgfHashOid: string;
  saltLength: number;
  trailerField: number;
}

const SHA1 = '1.3.14.3.2.26';
const MGF1 = '1.2.840.113549.1.1.8';

export function readPssParameters(node: Asn1 | undefined): PssParameters {
  const out: PssParameters = {
    hashOid: SHA1,
    mgfOid: MGF1,
    mgfHashOid: SHA1,
    saltLength: 20,
    trailerField: 1,
  };
  if (!node || (node.cls === 0 && node.tag === TAG.NULL)) return out;
  const c = new Cursor(node, 'RSASSA-PSS-params');
  const explicitOf = (tagged: Asn1) => readElement(tagged.source, tagged.contentStart, tagged.contentEnd);
  const hash = c.context(0);
  if (hash && isContext(hash, 0)) out.hashOid = readAlgorithmIdentifier(explicitOf(hash), 'PSS hash').oid;
  const mgf = c.context(1);
  if (mgf) {
    const m = readAlgorithmIdentifier(explicitOf(mgf), 'PSS mask generation');
    out.mgfOid = m.oid;
    out.mgfHashOid = m.parameters ? readAlgorithmIdentifier(m.parameters, 'MGF1 hash').oid : SHA1;
  }
  const salt = c.context(2);
  if (salt) out.saltLength = Number(readInteger(explicitOf(salt), 'PSS salt length'));
  const trailer = c.context(3);
  if (trailer) out.trailerField = Number(readInteger(explicitOf(trailer), 'PSS trailer field'));
  c.end();
  return out;
}
