import { KysoError, type Lang } from '@kyso/core';
import type { TokenSelector } from '@kyso/node-adapter';

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
