import { KysoError, type Lang } from '@kyso/core';
import { Pkcs11Module, Pkcs11Signer } from '@kyso/node-adapter';
import { type Pkcs11Values, pkcs11Selection } from './pkcs11-options.js';
import { readSecret } from './secret.js';

/**
 * A key on a USB token or HSM through its PKCS#11 library. Only digests reach the token; the PIN
 * comes from an environment variable, never the command line. The library is finalised on close.
 */
export async function openPkcs11Key(
  values: Pkcs11Values,
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<{ signer: Pkcs11Signer; close(): Promise<void> }> {
  const { token, label } = pkcs11Selection(values, lang);
  const pin = await readSecret('--pkcs11 PIN', { env: values['pin-env'] }, env, lang);
  if (pin === undefined)
    throw new KysoError('USAGE', { params: { detail: '--pkcs11 needs --pin-env VAR' }, lang });
  const module = await Pkcs11Module.open(values.pkcs11!);
  return {
    signer: new Pkcs11Signer({ module, token, key: { label }, pin }),
    close: () => module.close(),
  };
}
