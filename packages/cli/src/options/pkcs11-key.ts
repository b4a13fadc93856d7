import { KysoError, type Lang } from '@kyso/core';
import { Pkcs11Module, Pkcs11Signer, type TokenSelector } from '@kyso/node-adapter';
import { readSecret } from './secret.js';

/** `--pkcs11 LIB [--slot N | --token-label L] --key-label K --pin-env VAR` (DESIGN.md). */
export const PKCS11_OPTIONS = {
  pkcs11: { type: 'string' },
  slot: { type: 'string' },
  'token-label': { type: 'string' },
  'key-label': { type: 'string' },
} as const;

export interface Pkcs11Values {
  pkcs11?: string | undefined;
  slot?: string | undefined;
  'token-label'?: string | undefined;
  'key-label'?: string | undefined;
  'pin-env'?: string | undefined;
}

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

/** Which token (`--slot N` or `--token-label L`) and which key (`--key-label K`, required). */
export function pkcs11Selection(values: Pkcs11Values, lang: Lang): { token: TokenSelector; label: string } {
  const label = values['key-label'];
  if (!label) throw usage('--pkcs11 needs --key-label LABEL', lang);
  if (values.slot !== undefined && values['token-label'] !== undefined)
    throw usage('give --slot N or --token-label L, not both', lang);
  const token: TokenSelector = {};
  if (values.slot !== undefined) {
    if (!/^\d+$/.test(values.slot)) throw usage('--slot must be a number from 0', lang);
    token.slot = Number(values.slot);
  }
  if (values['token-label'] !== undefined) token.label = values['token-label'];
  return { token, label };
}

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
  if (pin === undefined) throw usage('--pkcs11 needs --pin-env VAR', lang);
  const module = await Pkcs11Module.open(values.pkcs11!);
  return {
    signer: new Pkcs11Signer({ module, token, key: { label }, pin }),
    close: () => module.close(),
  };
}
