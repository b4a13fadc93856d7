import type { HashAlg } from '../crypto/digest.js';
import { digestOid } from '../crypto/digest.js';
import { encodePssParameters } from '../crypto/pss-parameters.js';
import type { PublicKey } from '../crypto/public-key.js';
import { KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import type { SigScheme } from '../signers/signer.js';

export interface CscAlgorithm {
  hash: HashAlg;
  scheme: SigScheme;
}

const HASHES: readonly HashAlg[] = ['SHA-256', 'SHA-384', 'SHA-512'];

const RSA_WITH: Record<HashAlg, string> = {
  'SHA-256': OID.sha256WithRSA,
  'SHA-384': OID.sha384WithRSA,
  'SHA-512': OID.sha512WithRSA,
};
const ECDSA_WITH: Record<HashAlg, string> = {
  'SHA-256': OID.ecdsaSha256,
  'SHA-384': OID.ecdsaSha384,
  'SHA-512': OID.ecdsaSha512,
};
/** BSI TR-03111 ecdsa-plain-SHA256/384/512 (the CSC spec's own example of a key.algo value). */
const ECDSA_PLAIN_WITH: Record<HashAlg, string> = {
  'SHA-256': `${OID.ecdsaPlainPrefix}.3`,
  'SHA-384': `${OID.ecdsaPlainPrefix}.4`,
  'SHA-512': `${OID.ecdsaPlainPrefix}.5`,
};

/** The hash matching an EC key's strength (the usual pairing: P-256/SHA-256, P-384/SHA-384…). */
function curveHash(bits: number): HashAlg {
  return bits <= 256 ? 'SHA-256' : bits <= 384 ? 'SHA-384' : 'SHA-512';
}

function findHash(table: Record<HashAlg, string>, oid: string): HashAlg | undefined {
  return HASHES.find((h) => table[h] === oid);
}

/**
 * What `key.algo` OIDs allow, in the service's order, for the certificate's key: rsaEncryption and
 * RSASSA-PSS take any of SHA-256/384/512; id-ecPublicKey takes the hash matching the curve; the
 * hash-naming OIDs take their own. OIDs for another key type, or unknown, are skipped.
 */
export function cscAlgorithms(keyAlgorithms: readonly string[], key: PublicKey): CscAlgorithm[] {
  const out: CscAlgorithm[] = [];
  const add = (scheme: SigScheme, hash: HashAlg) => {
    if (!out.some((a) => a.scheme === scheme && a.hash === hash)) out.push({ scheme, hash });
  };
  for (const oid of keyAlgorithms) {
    if (key.kind === 'RSA') {
      if (oid === OID.rsaEncryption) for (const h of HASHES) add('RSASSA-PKCS1-v1_5', h);
      else if (oid === OID.rsassaPss) for (const h of HASHES) add('RSASSA-PSS', h);
      else {
        const h = findHash(RSA_WITH, oid);
        if (h) add('RSASSA-PKCS1-v1_5', h);
      }
    } else if (key.kind === 'EC') {
      if (oid === OID.ecPublicKey) add('ECDSA', curveHash(key.bits));
      else {
        const h = findHash(ECDSA_WITH, oid) ?? findHash(ECDSA_PLAIN_WITH, oid);
        if (h) add('ECDSA', h);
      }
    }
  }
  return out;
}

/** How to ask signHash for one (hash, scheme). */
export interface CscSignAlgorithm {
  signAlgo: string;
  /**
   * Always sent: needed when signAlgo does not name the hash, and the specification (v1 and v2) has
   * services ignore it when it does, while some services insist on it regardless.
   */
  hashAlgorithmOid: string;
  signAlgoParams?: Uint8Array;
}

/**
 * Picks the signAlgo for a request among the credential's `key.algo`: the OID naming the hash first
 * (nothing left to get wrong), then the key-type OID with the hash given separately.
 */
export function chooseSignAlgorithm(
  keyAlgorithms: readonly string[],
  key: PublicKey,
  request: CscAlgorithm,
): CscSignAlgorithm {
  const offered = new Set(keyAlgorithms);
  const hashOid = digestOid(request.hash);
  const candidates: CscSignAlgorithm[] = [];
  if (key.kind === 'RSA' && request.scheme === 'RSASSA-PKCS1-v1_5') {
    candidates.push({ signAlgo: RSA_WITH[request.hash], hashAlgorithmOid: hashOid });
    candidates.push({ signAlgo: OID.rsaEncryption, hashAlgorithmOid: hashOid });
  } else if (key.kind === 'RSA' && request.scheme === 'RSASSA-PSS') {
    candidates.push({
      signAlgo: OID.rsassaPss,
      hashAlgorithmOid: hashOid,
      signAlgoParams: encodePssParameters(request.hash),
    });
  } else if (key.kind === 'EC' && request.scheme === 'ECDSA') {
    candidates.push({ signAlgo: ECDSA_WITH[request.hash], hashAlgorithmOid: hashOid });
    if (request.hash === curveHash(key.bits))
      candidates.push({ signAlgo: OID.ecPublicKey, hashAlgorithmOid: hashOid });
    candidates.push({ signAlgo: ECDSA_PLAIN_WITH[request.hash], hashAlgorithmOid: hashOid });
  }
  const chosen = candidates.find((c) => offered.has(c.signAlgo));
  if (!chosen)
    throw new KysoError('UNSUPPORTED_ALGORITHM', {
      params: {
        algorithm: `${request.scheme} with ${request.hash} (the credential offers ${[...offered].join(', ') || 'nothing'})`,
      },
    });
  return chosen;
}
