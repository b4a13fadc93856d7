import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSigningService, jsonLinesAudit, type SigningService } from '@kyso/node-adapter';
import { ORGANIZATION_IDENTITY, ROLES } from '../domain/roles.js';
import type { Sessions } from '../http/session.js';
import type { DevPki } from '../pki/dev-pki.js';
import { demoKeys, type KeyStore } from './keys.js';

export const BASE_PATH = '/kyso';

export const personalCredential = (userId: string) => `personal-${userId}`;
export const ORGANIZATION_CREDENTIAL = 'organization';

export interface DemoSigning {
  service: SigningService;
  /** Where the keys are: a SoftHSM2 token, or the .p12 files. */
  keys: KeyStore;
  close(): Promise<void>;
}

/**
 * The signing service the pages sign through (CSC v2 under /kyso): each official's personal key, and
 * the organisation's key for the clerk, on a SoftHSM2 token when one can be made (else the dev PKI's
 * .p12 files) — a demo stand-in for USB tokens; only digests come from the browser. The user is the
 * e-office session.
 */
export async function startSigningService(
  pki: DevPki,
  sessions: Sessions,
  dataDir: string,
  keyStore: KeyStore | 'auto' = 'auto',
): Promise<DemoSigning> {
  const keys = await demoKeys(
    pki,
    dataDir,
    [
      ...ROLES.map((role) => ({ credentialId: personalCredential(role), identity: role })),
      { credentialId: ORGANIZATION_CREDENTIAL, identity: ORGANIZATION_IDENTITY },
    ],
    keyStore,
  );
  const auditFile = join(dataDir, 'signing-audit.jsonl');
  const service = createSigningService({
    basePath: BASE_PATH,
    credentials: keys.credentials,
    authorize: (request) => {
      const user = sessions.userOf(request.headers.get('cookie') ?? undefined);
      return user ? { id: user } : { deny: 'unauthenticated', reason: 'sign in to the e-office first' };
    },
    access: (principal, credentialId) =>
      credentialId === personalCredential(principal.id) ||
      (credentialId === ORGANIZATION_CREDENTIAL && principal.id === 'van-thu'),
    audit: jsonLinesAudit((line) => appendFileSync(auditFile, line)),
    info: { name: 'kyso e-office demo', lang: 'vi-VN', region: 'VN' },
    // the pages time-stamp (B-T) through the service: the browser never talks to the TSA itself
    tsaProxy: { tsas: { 'dev-tsa': { url: pki.server.urls.tsa } } },
    // …and check certificates (before signing, and in the badges) through it: OCSP and CRL URLs that
    // certificates of the dev root name, on the loopback where the dev PKI answers
    revocationFetcher: { anchors: [pki.root], allowNetworks: ['127.0.0.1/32'] },
  });
  return {
    service,
    keys: keys.kind,
    async close() {
      await service.close?.();
      await keys.close();
    },
  };
}
