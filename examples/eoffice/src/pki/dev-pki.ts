import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { certificateSha256, nameValues, parseCertificate } from '@kyso/core';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { type PkiServer, readTestPki, servePki, writeTestPki } from '@kyso/testkit/node';
import { isRole, ORGANIZATION_IDENTITY, ROLES } from '../domain/roles.js';
import type { UserRow } from '../store/documents.js';

const TITLE_OID = '2.5.4.12';

export interface DevPki {
  pki: TestPki;
  server: PkiServer;
  dir: string;
  /** The demo users: one per role of the chain, each with a personal certificate. */
  users: UserRow[];
  /** Trust anchor of the dev hierarchy (DER). */
  root: Uint8Array;
  /** SHA-256 of the organisation certificate: the clerk's number, date and seal are signed with it. */
  organizationSha256: string;
}

/** A port nothing listens on now (the certificates name it, so it is chosen once, when they are made). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The demo's certificates: made once into the data directory (so restarts keep the same keys and the
 * stored signatures stay verifiable), then served — TSA, OCSP and CRLs — on 127.0.0.1 at the port the
 * certificates name (`port` only matters the first time; 0 picks a free one).
 */
export async function startDevPki(dataDir: string, port: number): Promise<DevPki> {
  const dir = join(dataDir, 'pki');
  const pki = existsSync(join(dir, 'pki.json'))
    ? await readTestPki(dir)
    : await (async () => {
        // the certificates' OCSP, CRL and CA URLs name this port: a restart serves the same one
        const made = await createTestPki({ baseUrl: `http://127.0.0.1:${port || (await freePort())}` });
        await writeTestPki(made, dir);
        return made;
      })();
  const server = await servePki(pki);
  const users = ROLES.map((role) => {
    const identity = pki.identities.find((i) => i.role === role && i.id === role);
    if (!identity || !isRole(identity.id)) throw new Error(`the dev PKI has no identity for ${role}`);
    const cert = parseCertificate(identity.certificate);
    return {
      id: identity.id,
      name: identity.commonName,
      title: nameValues(cert.subject, TITLE_OID)[0] ?? role,
      role,
      certificate_sha256: certificateSha256(identity.certificate),
    } satisfies UserRow;
  });
  const organization = pki.identities.find((i) => i.id === ORGANIZATION_IDENTITY);
  if (!organization) throw new Error('the dev PKI has no organisation certificate');
  return {
    pki,
    server,
    dir,
    users,
    root: pki.get('root').certificate,
    organizationSha256: certificateSha256(organization.certificate),
  };
}
