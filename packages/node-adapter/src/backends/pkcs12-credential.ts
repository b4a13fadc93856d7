import { isKysoError, KysoError, readPkcs12 } from '@kyso/core';
import { nodeHasher } from '@kyso/pdf/node';
import { NodeKeySigner } from '../keys/node-key-signer.js';
import type { SigningCredential } from './credential.js';
import { signerCredential } from './signer-credential.js';

export interface Pkcs12CredentialOptions {
  id: string;
  description?: string;
  /** The .p12/.pfx file's bytes. */
  pkcs12: Uint8Array;
  /** The file's password, held by the operator (the service unlocks the key at start). */
  password: string;
}

/**
 * A key from a PKCS#12 file, read with core's PKCS#12 reader (the one Pkcs12Signer uses) and kept as
 * a Node key object: a CSC signHash brings only digests, which core's WebCrypto-based Pkcs12Signer
 * cannot sign. A wrong password is BAD_PASSWORD here, at start, not at a user's request.
 */
export async function pkcs12Credential(options: Pkcs12CredentialOptions): Promise<SigningCredential> {
  const contents = await readPkcs12(options.pkcs12, options.password, { hasher: nodeHasher }).catch(
    (error: unknown) => {
      throw isKysoError(error)
        ? error
        : new KysoError('INVALID_INPUT', { params: { detail: `PKCS#12 ${options.id}` }, cause: error });
    },
  );
  try {
    return signerCredential({
      id: options.id,
      ...(options.description !== undefined ? { description: options.description } : {}),
      signer: new NodeKeySigner(contents.privateKeyPkcs8, contents.chain),
    });
  } finally {
    contents.privateKeyPkcs8.fill(0);
  }
}
