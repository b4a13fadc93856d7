import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Pkcs11Module, pkcs11Credential, pkcs12Credential, type SigningCredential } from '@kyso/node-adapter';
import { createSoftHsmToken, SOFTHSM_LIBRARY, softHsmAvailable } from '@kyso/testkit/node';
import type { DevPki } from '../pki/dev-pki.js';

/** Where the demo keeps its keys: a SoftHSM2 token standing in for USB tokens, or the .p12 files. */
export type KeyStore = 'softhsm' | 'pkcs12';

export interface DemoKeys {
  kind: KeyStore;
  credentials: SigningCredential[];
  close(): Promise<void>;
}

const TOKEN_LABEL = 'kyso-eoffice';

/**
 * The credentials of the demo's signing service, one per dev-PKI identity wanted. `auto` puts the keys
 * on a SoftHSM2 token in the data directory when SoftHSM2 is installed (made once, kept across
 * restarts), else reads the .p12 files. The service logs into the token itself with an operator PIN
 * kept beside it, as with an HSM partition: the officials are not asked for a PIN in the demo.
 */
export async function demoKeys(
  pki: DevPki,
  dataDir: string,
  wanted: readonly { credentialId: string; identity: string }[],
  store: KeyStore | 'auto',
): Promise<DemoKeys> {
  if (store !== 'pkcs12' && (store === 'softhsm' || (await softHsmAvailable()))) {
    try {
      return await tokenKeys(pki, dataDir, wanted);
    } catch (error) {
      if (store === 'softhsm') throw error;
      console.warn(`SoftHSM2 could not be used (${(error as Error).message}); using the .p12 files.`);
    }
  }
  const credentials = await Promise.all(
    wanted.map(async ({ credentialId, identity }) =>
      pkcs12Credential({
        id: credentialId,
        pkcs12: new Uint8Array(await readFile(join(pki.dir, 'p12', `${identity}.p12`))),
        password: pki.pki.get(identity).password,
      }),
    ),
  );
  return { kind: 'pkcs12', credentials, close: async () => {} };
}

async function tokenKeys(
  pki: DevPki,
  dataDir: string,
  wanted: readonly { credentialId: string; identity: string }[],
): Promise<DemoKeys> {
  const dir = join(dataDir, 'softhsm');
  const conf = join(dir, 'softhsm2.conf');
  const pinFile = join(dir, 'operator-pin');
  if (!existsSync(conf)) {
    await mkdir(dir, { recursive: true });
    const pin = randomBytes(6).toString('hex');
    await createSoftHsmToken(dir, {
      label: TOKEN_LABEL,
      pin,
      soPin: randomBytes(8).toString('hex'),
      keys: wanted.map(({ identity }, i) => ({
        label: identity,
        id: (i + 1).toString(16).padStart(2, '0'),
        identity: pki.pki.get(identity),
      })),
    });
    await writeFile(pinFile, pin, { mode: 0o600 });
  }
  // SoftHSM reads its configuration when the library is initialised, in this process
  process.env['SOFTHSM2_CONF'] = conf;
  const pin = (await readFile(pinFile, 'utf8')).trim();
  const module = await Pkcs11Module.open(SOFTHSM_LIBRARY);
  // the token holds each signer's certificate; the issuers the signatures carry come from the dev PKI
  const credentials = wanted.map(({ credentialId, identity }) =>
    pkcs11Credential({
      id: credentialId,
      module,
      token: { label: TOKEN_LABEL },
      key: { label: identity },
      pin,
      certificates: pki.pki.get(identity).chain.slice(0, -1),
    }),
  );
  return { kind: 'softhsm', credentials, close: () => module.close() };
}
