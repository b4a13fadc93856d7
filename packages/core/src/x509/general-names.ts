import { type Asn1, children, contentOf } from '../asn1/index.js';
import { type Name, readDirectoryName } from './name.js';

/** The GeneralName forms kyso uses: URIs (AIA, CRL DP) and directory names (issuer/serial). */
export type GeneralName =
  | { kind: 'uri'; value: string }
  | { kind: 'directory'; name: Name }
  | { kind: 'other'; tag: number };

export function readGeneralName(node: Asn1): GeneralName {
  if (node.cls === 2 && node.tag === 6 && !node.constructed) {
    return { kind: 'uri', value: new TextDecoder('latin1').decode(contentOf(node)) };
  }
  if (node.cls === 2 && node.tag === 4 && node.constructed)
    return { kind: 'directory', name: readDirectoryName(node) };
  return { kind: 'other', tag: node.tag };
}

/** GeneralNames ::= SEQUENCE OF GeneralName (or the IMPLICIT-tagged content of one). */
export function readGeneralNames(node: Asn1): GeneralName[] {
  return children(node).map(readGeneralName);
}
