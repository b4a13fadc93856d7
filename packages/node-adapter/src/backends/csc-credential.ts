import { CscSigner, type CscSignerOptions } from '@kyso/core';
import type { SigningCredential } from './credential.js';

export interface CscCredentialOptions {
  /** The credentialID this service offers (may differ from the remote one). */
  id: string;
  description?: string;
  /** How to reach the remote service and which of its credentials: core's CscSigner options (v1 or v2). */
  remote: CscSignerOptions;
  /**
   * Pass the PIN the user gives to this service's credentials/authorize on to the remote service
   * (checked there, so a wrong one shows at signHash). Otherwise `remote.pin` is the operator's.
   */
  forwardPin?: boolean;
}

/**
 * A credential of an existing remote signing service (CSC v1 or v2), fronted by this one through
 * core's CscSigner: the browser speaks to one service whatever holds the key, and the remote's
 * answers are checked against the certificate before they are returned.
 */
export function cscCredential(options: CscCredentialOptions): SigningCredential {
  const shared = new CscSigner(options.remote);
  return {
    id: options.id,
    ...(options.description !== undefined ? { description: options.description } : {}),
    pin: options.forwardPin ? 'required' : 'none',
    certificates: (o) => shared.certificates(o),
    algorithms: (o) => shared.algorithms(o),
    signDigests: (requests, factors, o) => {
      if (!options.forwardPin) return shared.signMany(requests, o);
      // a signer for this batch only, so the user's PIN is never held by a shared object
      const pin = factors.pin ?? '';
      const once = new CscSigner({ ...options.remote, pin: async () => pin });
      return once.signMany(requests, o);
    },
  };
}
