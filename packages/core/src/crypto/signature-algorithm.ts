import { OID } from '../oids.js';
import { type AlgorithmIdentifier, readPssParameters } from './algorithm-identifier.js';
import { type DigestAlgorithm, digestFromOid } from './digest.js';

export type SignatureScheme = 'RSASSA-PKCS1-v1_5' | 'RSASSA-PSS' | 'ECDSA' | 'Ed25519' | 'Ed448';

/** What a signature AlgorithmIdentifier means, resolved. */
export interface SignatureAlgorithm {
  scheme: SignatureScheme;
  /**
   * The hash the scheme applies. Undefined when the identifier names only the key type
   * (rsaEncryption, id-ecPublicKey, as CMS SignerInfos often do): the digest algorithm then decides.
   */
  hash?: DigestAlgorithm;
  pss?: { hash: DigestAlgorithm; mgfHash: DigestAlgorithm; saltLength: number };
  /** ECDSA values as DER (X9.62) or plain r‖s (BSI TR-03111). */
  ecdsaEncoding?: 'der' | 'plain';
  /** A short display name, e.g. "RSA-PSS with SHA-256". */
  name: string;
}

const RSA: Record<string, DigestAlgorithm> = {
  [OID.sha1WithRSA]: 'SHA-1',
  [OID.sha224WithRSA]: 'SHA-224',
  [OID.sha256WithRSA]: 'SHA-256',
  [OID.sha384WithRSA]: 'SHA-384',
  [OID.sha512WithRSA]: 'SHA-512',
  [OID.rsaSha3_256]: 'SHA3-256',
  [OID.rsaSha3_384]: 'SHA3-384',
  [OID.rsaSha3_512]: 'SHA3-512',
};

const ECDSA: Record<string, DigestAlgorithm> = {
  [OID.ecdsaSha1]: 'SHA-1',
  [OID.ecdsaSha224]: 'SHA-224',
  [OID.ecdsaSha256]: 'SHA-256',
  [OID.ecdsaSha384]: 'SHA-384',
  [OID.ecdsaSha512]: 'SHA-512',
  [OID.ecdsaSha3_256]: 'SHA3-256',
  [OID.ecdsaSha3_384]: 'SHA3-384',
  [OID.ecdsaSha3_512]: 'SHA3-512',
};

/** BSI TR-03111 §5.2.1 ecdsa-plain-SHA*: the last arc names the hash. */
const ECDSA_PLAIN: Record<string, DigestAlgorithm> = {
  '1': 'SHA-1',
  '2': 'SHA-224',
  '3': 'SHA-256',
  '4': 'SHA-384',
  '5': 'SHA-512',
  '9': 'SHA3-256',
  '10': 'SHA3-384',
  '11': 'SHA3-512',
};

/** Resolves a signature algorithm; undefined for algorithms kyso does not verify (MD5, DSA…). */
export function signatureAlgorithm(alg: AlgorithmIdentifier): SignatureAlgorithm | undefined {
  const { oid } = alg;
  const rsaHash = RSA[oid];
  if (rsaHash) return { scheme: 'RSASSA-PKCS1-v1_5', hash: rsaHash, name: `RSA with ${rsaHash}` };
  if (oid === OID.rsaEncryption) return { scheme: 'RSASSA-PKCS1-v1_5', name: 'RSA' };
  if (oid === OID.rsassaPss) {
    const p = readPssParameters(alg.parameters);
    const hash = digestFromOid(p.hashOid);
    const mgfHash = digestFromOid(p.mgfHashOid);
    if (!hash || !mgfHash || p.mgfOid !== OID.mgf1 || p.trailerField !== 1 || p.saltLength < 0)
      return undefined;
    return {
      scheme: 'RSASSA-PSS',
      hash,
      pss: { hash, mgfHash, saltLength: p.saltLength },
      name: `RSA-PSS with ${hash}`,
    };
  }
  const ecHash = ECDSA[oid];
  if (ecHash) return { scheme: 'ECDSA', hash: ecHash, ecdsaEncoding: 'der', name: `ECDSA with ${ecHash}` };
  if (oid === OID.ecPublicKey) return { scheme: 'ECDSA', ecdsaEncoding: 'der', name: 'ECDSA' };
  if (oid.startsWith(`${OID.ecdsaPlainPrefix}.`)) {
    const hash = ECDSA_PLAIN[oid.slice(OID.ecdsaPlainPrefix.length + 1)];
    if (hash) return { scheme: 'ECDSA', hash, ecdsaEncoding: 'plain', name: `ECDSA (plain) with ${hash}` };
  }
  if (oid === OID.ed25519) return { scheme: 'Ed25519', name: 'Ed25519' };
  if (oid === OID.ed448) return { scheme: 'Ed448', name: 'Ed448' };
  return undefined;
}
