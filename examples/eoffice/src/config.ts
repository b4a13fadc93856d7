import { resolve } from 'node:path';

export interface Config {
  /** SQLite file, every PDF version, the dev PKI and the session secret live here. */
  dataDir: string;
  host: string;
  port: number;
  /** Where the dev PKI's TSA, OCSP responder and CRLs listen (its certificates point here). */
  pkiPort: number;
  /** Where the signing keys live: a SoftHSM2 token when installed (`auto`), or the .p12 files. */
  keys?: 'auto' | 'softhsm' | 'pkcs12';
}

/** The embedded defaults, overridable by environment: nothing to set up for a first run. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const port = (name: string, fallback: number) => {
    const v = Number(env[name] ?? fallback);
    if (!Number.isInteger(v) || v < 0 || v > 65535) throw new Error(`${name} is not a port: ${env[name]}`);
    return v;
  };
  return {
    dataDir: resolve(env.EOFFICE_DATA ?? '.kyso/eoffice'),
    host: env.EOFFICE_HOST ?? '127.0.0.1',
    port: port('EOFFICE_PORT', 8080),
    pkiPort: port('EOFFICE_PKI_PORT', 8788),
    keys: keyStore(env.EOFFICE_KEYS),
  };
}

function keyStore(value: string | undefined): 'auto' | 'softhsm' | 'pkcs12' {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'softhsm' || value === 'pkcs12') return value;
  throw new Error(`EOFFICE_KEYS must be auto, softhsm or pkcs12, not ${value}`);
}
