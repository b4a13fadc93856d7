import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkcs12Credential, type SigningCredential, type SigningServiceOptions } from '@kyso/node-adapter';
import { type PkiServer, startTestPki } from '@kyso/testkit/node';

/** The identity `kyso serve --dev` offers: a head of department of the test PKI (rsa-2048). */
export const DEV_IDENTITY = 'lanh-dao-phong';

/** What `--dev` adds to the service: a throwaway PKI served in-process, its key, and the helpers set on it. */
export interface DevSetup {
  pki: PkiServer;
  credential: SigningCredential;
  commonName: string;
  /** The PKI's trust anchors (PEM), for `kyso verify --trust`. */
  anchorsFile: string;
  /** The TSA proxy (`POST /tsa`), the revocation fetcher and /sign-pdf's TSA, all pointed at the dev PKI. */
  service: Pick<SigningServiceOptions, 'tsaProxy' | 'revocationFetcher' | 'pdf'>;
  close(): Promise<void>;
}

/**
 * Starts testkit's TSA, OCSP responder and CRL server on 127.0.0.1 (a free port; the certificates
 * point at it) with a fresh PKI, and unlocks the dev identity's PKCS#12 as a credential.
 */
export async function startDevSetup(): Promise<DevSetup> {
  const pki = await startTestPki({ include: [DEV_IDENTITY, 'tsa'] });
  const dir = await mkdtemp(join(tmpdir(), 'kyso-serve-dev-'));
  const close = async () => {
    await pki.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const identity = pki.pki.get(DEV_IDENTITY);
    const anchorsFile = join(dir, 'trust-anchors.pem');
    await writeFile(anchorsFile, pki.pki.anchors.map((a) => a.certificatePem).join(''));
    const credential = await pkcs12Credential({
      id: DEV_IDENTITY,
      description: identity.commonName,
      pkcs12: await identity.toPkcs12(),
      password: identity.password,
    });
    const address = new URL(pki.url);
    return {
      pki,
      credential,
      commonName: identity.commonName,
      anchorsFile,
      service: {
        tsaProxy: { tsas: { dev: { url: pki.urls.tsa } } },
        // the dev PKI is on loopback, which the fetcher refuses unless told
        revocationFetcher: {
          anchors: pki.pki.anchors.map((a) => a.certificate),
          allowNetworks: [`${address.hostname}/32`],
        },
        pdf: { tsa: { url: pki.urls.tsa } },
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
