import { ecdsaRawToDer, type HashAlg, KysoError, type SignRequest } from '@kyso/core';
import { digestInfo } from '../keys/digest-info.js';
import { CK } from './constants.js';
import type { CkMechanism } from './cryptoki.js';
import type { Pkcs11Session } from './module.js';

const PSS: Record<HashAlg, { hashAlg: number; mgf: number; saltLen: number }> = {
  'SHA-256': { hashAlg: CK.CKM_SHA256, mgf: CK.CKG_MGF1_SHA256, saltLen: 32 },
  'SHA-384': { hashAlg: CK.CKM_SHA384, mgf: CK.CKG_MGF1_SHA384, saltLen: 48 },
  'SHA-512': { hashAlg: CK.CKM_SHA512, mgf: CK.CKG_MGF1_SHA512, saltLen: 64 },
};

/** What one signature asks of the token: the mechanism, its input, and how to read its output. */
export interface TokenOperation {
  mechanism: CkMechanism;
  input: Buffer;
  finish: (output: Uint8Array) => Uint8Array;
}

/**
 * The digest-signing mechanisms (the token never sees the document): CKM_RSA_PKCS over a DigestInfo,
 * CKM_RSA_PKCS_PSS over the digest with MGF1 and a salt as long as the hash, CKM_ECDSA over the digest
 * with the token's r‖s turned into DER as CMS wants.
 */
export function tokenOperation(session: Pkcs11Session, request: SignRequest): TokenOperation {
  const need = (mechanism: number, name: string) => {
    if (!session.mechanisms.has(mechanism))
      throw new KysoError('UNSUPPORTED_ALGORITHM', {
        params: { algorithm: `${name} (not offered by the token)` },
      });
  };
  const digest = Buffer.from(request.digest);
  switch (request.scheme) {
    case 'RSASSA-PKCS1-v1_5':
      need(CK.CKM_RSA_PKCS, 'CKM_RSA_PKCS');
      return {
        mechanism: { mechanism: CK.CKM_RSA_PKCS },
        input: Buffer.from(digestInfo(request.hash, request.digest)),
        finish: (out) => out,
      };
    case 'RSASSA-PSS':
      need(CK.CKM_RSA_PKCS_PSS, 'CKM_RSA_PKCS_PSS');
      return {
        mechanism: {
          mechanism: CK.CKM_RSA_PKCS_PSS,
          parameter: { type: session.pssParamsType, ...PSS[request.hash] },
        },
        input: digest,
        finish: (out) => out,
      };
    case 'ECDSA':
      need(CK.CKM_ECDSA, 'CKM_ECDSA');
      return { mechanism: { mechanism: CK.CKM_ECDSA }, input: digest, finish: (out) => ecdsaRawToDer(out) };
  }
}
