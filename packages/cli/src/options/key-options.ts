import { CscSigner, KysoError, type Lang, Pkcs12Signer, type Signer } from '@kyso/core';
import { nodeHasher } from '@kyso/pdf/node';
import { readInput } from '../io/read-input.js';
import { PKCS11_OPTIONS, type Pkcs11Values } from './pkcs11-options.js';
import { readSecret } from './secret.js';

/** The key options of DESIGN.md's `kyso` contract. */
export const KEY_OPTIONS = {
  ...PKCS11_OPTIONS,
  p12: { type: 'string' },
  'password-env': { type: 'string' },
  'password-file': { type: 'string' },
  csc: { type: 'string' },
  credential: { type: 'string' },
  'token-env': { type: 'string' },
  'pin-env': { type: 'string' },
} as const;

export interface KeyValues extends Pkcs11Values {
  p12?: string | undefined;
  'password-env'?: string | undefined;
  'password-file'?: string | undefined;
  csc?: string | undefined;
  credential?: string | undefined;
  'token-env'?: string | undefined;
  'pin-env'?: string | undefined;
}

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

/** Exactly one of --p12, --pkcs11 or --csc (kyso sign, cms sign and serve alike). */
export function assertOneKey(values: KeyValues, lang: Lang): void {
  const chosen = [values.p12, values.pkcs11, values.csc].filter((v) => v !== undefined && v !== '');
  if (chosen.length !== 1)
    throw usage(
      'give exactly one key: --p12 FILE, --pkcs11 LIB --key-label K or --csc URL --credential ID',
      lang,
    );
}

/** The .p12 file of --p12 and its password (--password-env or --password-file, never the command line). */
export async function readPkcs12(
  values: KeyValues,
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<{ bytes: Uint8Array; password: string }> {
  const password = await readSecret(
    '--p12',
    { env: values['password-env'], file: values['password-file'] },
    env,
    lang,
  );
  if (password === undefined) throw usage('--p12 needs --password-env VAR or --password-file FILE', lang);
  return { bytes: await readInput(values.p12!, lang), password };
}

/** A key ready to sign, and how to let go of it (a token's library is finalised). */
export interface OpenedKey {
  signer: Signer;
  close(): Promise<void>;
}

const nothingToClose = async () => {};

/** Opens the key the options name: exactly one of --p12, --pkcs11 or --csc. */
export async function openSigner(
  values: KeyValues,
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<OpenedKey> {
  assertOneKey(values, lang);
  if (values.pkcs11) return (await import('./pkcs11-key.js')).openPkcs11Key(values, env, lang);
  return { signer: await openFileOrRemote(values, env, lang), close: nothingToClose };
}

async function openFileOrRemote(
  values: KeyValues,
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<Signer> {
  if (values.p12) {
    const { bytes, password } = await readPkcs12(values, env, lang);
    // the MAC's thousands of chained hashes natively; the one key `kyso sign` uses imported, not six
    return Pkcs12Signer.open(bytes, password, { hasher: nodeHasher, preferredOnly: true });
  }
  if (!values.credential) throw usage('--csc needs --credential ID', lang);
  const token = await readSecret('--csc token', { env: values['token-env'] }, env, lang);
  const pin = await readSecret('--csc PIN', { env: values['pin-env'] }, env, lang);
  return new CscSigner({
    baseUrl: values.csc!,
    credentialId: values.credential,
    ...(token !== undefined ? { accessToken: token } : {}),
    ...(pin !== undefined ? { pin: async () => pin } : {}),
    description: 'kyso',
  });
}
