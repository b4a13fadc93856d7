import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadTrustProfile } from '@kyso/core';
import { type Config, loadConfig } from './config.js';
import { ROLE_LABELS } from './domain/roles.js';
import { VersionStore } from './files/version-store.js';
import { createApp } from './http/app.js';
import { Sessions } from './http/session.js';
import { type DevPki, startDevPki } from './pki/dev-pki.js';
import { ORGANIZATION_CREDENTIAL, personalCredential, startSigningService } from './signing/service.js';
import { openDatabase } from './store/database.js';
import { DocumentStore } from './store/documents.js';

export interface RunningEoffice {
  url: string;
  pki: DevPki;
  /** Where the signing keys are: a SoftHSM2 token or the .p12 files. */
  keys: 'softhsm' | 'pkcs12';
  close(): Promise<void>;
}

/** Starts the whole demo on its embedded defaults: dev PKI and its TSA/OCSP/CRL, SQLite, the web app. */
export async function startEoffice(config: Config = loadConfig()): Promise<RunningEoffice> {
  const pki = await startDevPki(config.dataDir, config.pkiPort);
  const db = openDatabase(config.dataDir);
  const store = new DocumentStore(db, new VersionStore(config.dataDir));
  store.upsertUsers(pki.users);
  const sessions = new Sessions(config.dataDir);
  const signing = await startSigningService(pki, sessions, config.dataDir, config.keys ?? 'auto');
  // incoming mail may come from the real Vietnamese hierarchies as well as the demo's own
  const profiles = await Promise.all([loadTrustProfile('vn-gov'), loadTrustProfile('vn-public')]);
  const app = createApp(
    {
      store,
      sessions,
      pki,
      anchors: [pki.root, ...profiles.flatMap((p) => p.anchors)],
      intermediates: profiles.flatMap((p) => p.intermediates),
      place: 'Thử Nghiệm',
      credentialOf: (userId) => ({
        personal: personalCredential(userId),
        ...(userId === 'van-thu' ? { organization: ORGANIZATION_CREDENTIAL } : {}),
      }),
    },
    signing.service,
    // built by build-client.mjs; the same path from src/ (tests) and dist/
    fileURLToPath(new URL('../dist/public/', import.meta.url)),
  );
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://${config.host}:${port}/`,
    pki,
    keys: signing.keys,
    async close() {
      await signing.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await pki.server.close();
      db.close();
    },
  };
}

// `node dist/server.js`: run it and say where and who.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const running = await startEoffice();
  const users = running.pki.users.map((u) => `  ${ROLE_LABELS[u.role].vi.padEnd(20)} ${u.name}`).join('\n');
  const keys = running.keys === 'softhsm' ? 'SoftHSM2 token (PKCS#11)' : 'PKCS#12 files';
  console.log(
    `kyso e-office: ${running.url}\n\nNgười dùng thử nghiệm (demo users):\n${users}\n\nKhóa ký (keys): ${keys}\nCtrl-C để dừng.`,
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
