import { CscSigner, KysoError, type Lang } from '@kyso/core';
import {
  cscCredential,
  Pkcs11Module,
  pkcs11Credential,
  pkcs12Credential,
  type SigningCredential,
} from '@kyso/node-adapter';
import { assertOneKey, type KeyValues, readPkcs12 } from '../options/key-options.js';
import { pkcs11Selection } from '../options/pkcs11-options.js';
import { readSecret } from '../options/secret.js';

/** The key `kyso serve` offers, as one credential of the service, and what to let go of at the end. */
export interface ServedKey {
  credential: SigningCredential;
  /** Whether the caller types the PIN (credentials/authorize) or the key is unlocked here. */
  pin: 'required' | 'none';
  close(): Promise<void>;
}

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

/** A credential ID the service accepts, from a key label that may hold spaces or accents. */
function credentialId(wanted: string): string {
  const id = wanted
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.:@-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 255);
  return id === '' ? 'default' : id;
}

/**
 * The key the options name, as a credential: `--p12` (unlocked here with its password; ID from
 * `--credential` or `default`), `--pkcs11` (ID from `--credential` or the key label; the token's PIN
 * typed by the user at credentials/authorize, or the operator's from `--pin-env`), `--csc` (a remote
 * credential fronted under its own ID; the user's PIN passed on when the remote asks for one and no
 * `--pin-env` was given).
 */
export async function openServedKey(
  values: KeyValues,
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<ServedKey> {
  assertOneKey(values, lang);
  const nothing = async () => {};
  if (values.p12 !== undefined) {
    const { bytes: pkcs12, password } = await readPkcs12(values, env, lang);
    const id = credentialId(values.credential ?? 'default');
    return { credential: await pkcs12Credential({ id, pkcs12, password }), pin: 'none', close: nothing };
  }
  if (values.pkcs11 !== undefined) {
    const { token, label } = pkcs11Selection(values, lang);
    const pin = await readSecret('--pkcs11 PIN', { env: values['pin-env'] }, env, lang);
    const module = await Pkcs11Module.open(values.pkcs11);
    const credential = pkcs11Credential({
      id: credentialId(values.credential ?? label),
      module,
      token,
      key: { label },
      pin: pin ?? 'client',
    });
    return { credential, pin: credential.pin, close: () => module.close() };
  }
  if (!values.credential) throw usage('--csc needs --credential ID', lang);
  const token = await readSecret('--csc token', { env: values['token-env'] }, env, lang);
  const pin = await readSecret('--csc PIN', { env: values['pin-env'] }, env, lang);
  const remote = {
    baseUrl: values.csc!,
    credentialId: values.credential,
    ...(token !== undefined ? { accessToken: token } : {}),
    ...(pin !== undefined ? { pin: async () => pin } : {}),
    description: 'kyso serve',
  };
  // does the remote want a PIN? then the user's is passed on, unless the operator gave one
  const forwardPin = pin === undefined && (await new CscSigner(remote).credential()).pin === 'required';
  const credential = cscCredential({ id: credentialId(values.credential), remote, forwardPin });
  return { credential, pin: credential.pin, close: nothing };
}
