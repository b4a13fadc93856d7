import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createSigningService,
  jsonLinesAudit,
  pkcs12Credential,
  type SigningCredential,
  type SigningService,
} from '@kyso/node-adapter';
import { ORGANIZATION_IDENTITY, ROLES } from '../domain/roles.js';
import type { Sessions } from '../http/session.js';
import type { DevPki } from '../pki/dev-pki.js';

export const BASE_PATH = '/kyso';

export const personalCredential = (userId: string) => `personal-${userId}`;
export const ORGANIZATION_CREDENTIAL = 'organization';

/**
 * The signing service the pages sign through (CSC v2 under /kyso): each official's personal key, and
 * the organisation's key for the clerk. The keys are the dev PKI's .p12 files on the server — a demo
 * stand-in for USB tokens; only digests come from the browser. The user is the e-office session.
 */
export async function startSigningService(
  pki: DevPki,
  sessions: Sessions,
  dataDir: string,
): Promise<SigningService> {
  const credential = async (id: string, identity: string): Promise<SigningCredential> =>
    pkcs12Credential({
      id,
      pkcs12: new Uint8Array(await readFile(join(pki.dir, 'p12', `${identity}.p12`))),
      password: pki.pki.get(identity).password,
    });
  const credentials = [
    ...(await Promise.all(ROLES.map((role) => credential(personalCredential(role), role)))),
    await credential(ORGANIZATION_CREDENTIAL, ORGANIZATION_IDENTITY),
  ];
  const auditFile = join(dataDir, 'signing-audit.jsonl');
  return createSigningService({
    basePath: BASE_PATH,
    credentials,
    authorize: (request) => {
      const user = sessions.userOf(request.headers.get('cookie') ?? undefined);
      return user ? { id: user } : { deny: 'unauthenticated', reason: 'sign in to the e-office first' };
    },
    access: (principal, credentialId) =>
      credentialId === personalCredential(principal.id) ||
      (credentialId === ORGANIZATION_CREDENTIAL && principal.id === 'van-thu'),
    audit: jsonLinesAudit((line) => appendFileSync(auditFile, line)),
    info: { name: 'kyso e-office demo', lang: 'vi-VN', region: 'VN' },
  });
}
