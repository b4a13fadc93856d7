import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestIdentity } from '@kyso/testkit';
import { run } from '@kyso/testkit/node';

export const SOFTHSM_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';

export interface TokenKey {
  label: string;
  /** Hex CKA_ID. */
  id: string;
  identity: TestIdentity;
}

async function must(command: string, args: string[], env: Record<string, string>): Promise<void> {
  const r = await run(command, args, { env });
  if (r.code !== 0) throw new Error(`${command} ${args[0]} failed: ${r.stdout}${r.stderr}`);
}

/**
 * A SoftHSM2 token of the test's own, in `dir`: its own SOFTHSM2_CONF and token directory (set in
 * process.env, which SoftHSM reads at C_Initialize), the keys imported with softhsm2-util and their
 * certificates written beside them with pkcs11-tool, same label and id.
 */
export async function createSoftHsmToken(
  dir: string,
  options: { label: string; pin: string; soPin: string; keys: TokenKey[] },
): Promise<void> {
  const tokens = join(dir, 'tokens');
  await run('mkdir', ['-p', tokens]);
  const conf = join(dir, 'softhsm2.conf');
  await writeFile(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { SOFTHSM2_CONF: conf };
  process.env['SOFTHSM2_CONF'] = conf;
  await must(
    'softhsm2-util',
    ['--init-token', '--free', '--label', options.label, '--pin', options.pin, '--so-pin', options.soPin],
    env,
  );
  for (const key of options.keys) {
    const keyFile = join(dir, `${key.label}.pem`);
    const certFile = join(dir, `${key.label}.der`);
    await writeFile(keyFile, key.identity.privateKeyPem, { mode: 0o600 });
    await writeFile(certFile, key.identity.certificate);
    await must(
      'softhsm2-util',
      [
        '--import',
        keyFile,
        '--token',
        options.label,
        '--label',
        key.label,
        '--id',
        key.id,
        '--pin',
        options.pin,
      ],
      env,
    );
    await must(
      'pkcs11-tool',
      [
        '--module',
        SOFTHSM_LIBRARY,
        '--token-label',
        options.label,
        '--login',
        '--pin',
        options.pin,
        '--write-object',
        certFile,
        '--type',
        'cert',
        '--id',
        key.id,
        '--label',
        key.label,
      ],
      env,
    );
  }
}
