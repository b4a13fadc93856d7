import { KysoError } from '@kyso/core';
import type { Pkcs11Module, TokenSelector } from '../pkcs11/module.js';
import type { KeySelector } from '../pkcs11/objects.js';
import { Pkcs11Signer } from '../pkcs11/signer.js';
import type { SigningCredential } from './credential.js';

export interface Pkcs11CredentialOptions {
  id: string;
  description?: string;
  module: Pkcs11Module;
  token?: TokenSelector;
  key: KeySelector;
  /**
   * `'client'`: the token's user PIN is the credential's PIN, typed by the user and checked by the
   * token at credentials/authorize (a USB token on the official's machine). A string: the operator's
   * PIN for an HSM partition the service logs into itself; the credential then asks no PIN.
   */
  pin: 'client' | string;
  /** Issuers (or the whole chain) when the token holds only the signer's certificate, or none. */
  certificates?: readonly Uint8Array[];
}

/** A key on a PKCS#11 token or HSM, through Pkcs11Signer. */
export function pkcs11Credential(options: Pkcs11CredentialOptions): SigningCredential {
  const clientPin = options.pin === 'client';
  const base = new Pkcs11Signer({
    module: options.module,
    ...(options.token ? { token: options.token } : {}),
    key: options.key,
    ...(options.certificates ? { certificates: options.certificates } : {}),
    // with a client PIN, each batch gets a signer holding that batch's PIN (withPin below)
    pin: clientPin ? () => Promise.reject(noPin()) : options.pin,
  });
  return {
    id: options.id,
    ...(options.description !== undefined ? { description: options.description } : {}),
    pin: clientPin ? 'required' : 'none',
    certificates: (o) => base.certificates(o),
    algorithms: (o) => base.algorithms(o),
    ...(clientPin
      ? { verifyPin: (pin: string, o?: { signal?: AbortSignal }) => base.verifyPin(pin, o) }
      : {}),
    signDigests: async (requests, factors, o) => {
      if (!clientPin) return base.signMany(requests, o);
      if (factors.pin === undefined) throw noPin();
      return base.withPin(factors.pin).signMany(requests, o);
    },
  };
}

function noPin(): KysoError {
  return new KysoError('CREDENTIAL_NOT_AUTHORIZED', { params: { detail: 'the token PIN was not given' } });
}
