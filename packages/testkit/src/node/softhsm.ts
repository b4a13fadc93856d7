import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestIdentity } from '../pki/identity.js';
import { run } from './judges.js';

/** Debian's SoftHSM2 library (apt-get install softhsm2): a real PKCS#11 token for tests. */
export const SOFTHSM_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';

/** Whether SoftHSM2 and OpenSC's pkcs11-tool are installed. */
export async function softHsmAvailable(): Promise<boolean> {
  const library = await access(SOFTHSM_LIBRARY).then(
    () => true,
    () => false,
  );
  if (!library) return false;
  const tools = await run('sh', ['-c', 'command -v softhsm2-util && command -v pkcs11-tool']).catch(() => ({
    code: 1,
  }));
  return tools.code === 0;
}

export interface SoftHsmKey {
  /** CKA_LABEL of the key and its certificate. */
  label: string;
  /** CKA_ID in hex. */
  id: string;
  identity: TestIdentity;
}

export interface SoftHsmToken {
  /** The SOFTHSM2_CONF a process needs to see this token. */
  conf: string;
  label: string;
  library: string;
}

async function must(command: string, args: string[], env: Record<string, string>): Promise<void> {
  const r = await run(command, args, { env });
  if (r.code !== 0) throw new Error(`${command} ${args[0]} failed: ${r.stdout}${r.stderr}`);
}

/**
 * A SoftHSM2 token of the caller's own, in `dir`: its own SOFTHSM2_CONF and token directory (set in
 * process.env too, which SoftHSM reads at C_Initialize), the keys imported with softhsm2-util and
 * their certificates written beside them with pkcs11-tool, same label and id.
 */
export async function createSoftHsmToken(
  dir: string,
  options: { label: string; pin: string; soPin: string; keys: readonly SoftHsmKey[] },
): Promise<SoftHsmToken> {
  const tokens = join(dir, 'tokens');
  await mkdir(tokens, { recursive: true });
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
    const where = ['--token', options.label, '--label', key.label, '--id', key.id, '--pin', options.pin];
    await must('softhsm2-util', ['--import', keyFile, ...where], env);
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
  return { conf, label: options.label, library: SOFTHSM_LIBRARY };
}
