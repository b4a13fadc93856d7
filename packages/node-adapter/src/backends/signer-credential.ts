import type { Signer } from '@kyso/core';
import type { SigningCredential } from './credential.js';

export interface SignerCredentialOptions {
  id: string;
  description?: string;
  /** The signer must sign bare digests (no `data`): a token, HSM or remote service does, WebCrypto does not. */
  signer: Signer;
}

/**
 * Any core Signer that signs digests, offered as a credential without a PIN of its own (the signer is
 * already unlocked): a vendor's HSM client, say.
 */
export function signerCredential(options: SignerCredentialOptions): SigningCredential {
  const { signer } = options;
  return {
    id: options.id,
    ...(options.description !== undefined ? { description: options.description } : {}),
    pin: 'none',
    certificates: (o) => signer.certificates(o),
    algorithms: (o) => signer.algorithms(o),
    signDigests: async (requests, _factors, o) => {
      if (signer.signMany) return signer.signMany(requests, o);
      const out: Uint8Array[] = [];
      for (const request of requests) out.push(await signer.sign(request, o));
      return out;
    },
  };
}
