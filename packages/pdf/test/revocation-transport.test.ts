// The revocation transport (core's RevocationTransport) as @kyso/pdf uses it: the pre-signing check,
// the DSS of B-LT (OCSP, and the CRLs of revocationSources 'all') and online verification all send
// their downloads through it, each with the certificate asked about, its issuer and the chain above.
import {
  type Certificate,
  directTransport,
  parseCertificate,
  type RevocationDownload,
  type RevocationTransport,
} from '@kyso/core';
import { makeTestPdf } from '@kyso/testkit';
import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readAll, signPdf, verifyPdf } from '../src/index.js';
import { signerOf, tsaOf } from './ltv-support.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let server: PkiServer;
let pdf: Uint8Array;
/** leaf → ca → root, as serial numbers */
let chain: string[];

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'tsa'] });
  pdf = await makeTestPdf();
  chain = server.pki.get('lanh-dao-phong').chain.map((c) => parseCertificate(c).serialHex);
});
afterAll(async () => {
  await server?.close();
});

/** Straight to testkit, recording every download; `failFirstCrl` refuses the first CRL asked for. */
function watching(failFirstCrl = false): { transport: RevocationTransport; seen: RevocationDownload[] } {
  const seen: RevocationDownload[] = [];
  let refused = !failFirstCrl;
  return {
    seen,
    transport: async (download, context) => {
      seen.push(download);
      if (download.kind === 'crl' && !refused) {
        refused = true;
        throw new Error('refused once');
      }
      return directTransport(download, context);
    },
  };
}

const serials = (certs: readonly Certificate[]) => certs.map((c) => c.serialHex);
const about = (seen: RevocationDownload[], serial: string) =>
  seen.filter((d) => d.certificates[0]?.serialHex === serial);

describe('the revocation transport in @kyso/pdf', () => {
  it('carries the pre-signing check and the DSS of B-LT, CRLs included, with whole chains', async () => {
    const { transport, seen } = watching(true);
    const signed = await signPdf(pdf, {
      signer: await signerOf(server, 'lanh-dao-phong'),
      level: 'B-LT',
      tsa: tsaOf(server),
      revocation: { mode: 'online', fetch, transport, timeoutMs: 5_000 },
      ltv: { revocationSources: 'all' },
    });
    // the signer: asked by OCSP before signing and for the DSS, with its CA and the root above it
    const leaf = about(seen, chain[0]!);
    expect(leaf.filter((d) => d.kind === 'ocsp').length).toBeGreaterThanOrEqual(1);
    for (const d of leaf) expect(serials(d.certificates)).toEqual(chain);
    // the CA, asked of the root: [ca, root]
    const ca = about(seen, chain[1]!);
    expect(ca.length).toBeGreaterThan(0);
    for (const d of ca) expect(serials(d.certificates)).toEqual(chain.slice(1));
    // revocationSources 'all': CRLs went through it too, and the refused first one was asked again
    const crls = seen.filter((d) => d.kind === 'crl');
    const firstUrl = crls[0]!.url;
    expect(crls.filter((d) => d.url === firstUrl).length).toBeGreaterThanOrEqual(2);
    // nothing went around it: every OCSP request testkit answered came through the transport
    expect(server.requests.ocsp).toBeGreaterThanOrEqual(seen.filter((d) => d.kind === 'ocsp').length);

    // the signed file verifies from what its DSS holds
    const embedded = await verifyPdf(await readAll(signed.result), {
      anchors: [server.pki.get('root').certificate],
      revocation: 'embedded',
    });
    expect(embedded.signatures[0]!.status).toBe('valid');
  });

  it('verifies online through the transport a file that carries no revocation data', async () => {
    const signed = await signPdf(pdf, {
      signer: await signerOf(server, 'lanh-dao-phong'),
      revocation: { mode: 'off' },
    });
    const { transport, seen } = watching();
    const report = await verifyPdf(await readAll(signed.result), {
      anchors: [server.pki.get('root').certificate],
      revocation: 'online',
      revocationTransport: transport,
    });
    const ours = report.signatures[0]!;
    expect(ours.status, JSON.stringify(ours.errors)).toBe('valid');
    expect(ours.certificate.revocation).toMatchObject({ status: 'good', embedded: false });
    expect(about(seen, chain[0]!).map((d) => serials(d.certificates))).toContainEqual(chain);
    // a transport that cannot deliver leaves the verdict indeterminate, never valid
    const broken: RevocationTransport = async () => {
      throw new Error('no route');
    };
    const down = await verifyPdf(await readAll(signed.result), {
      anchors: [server.pki.get('root').certificate],
      revocation: 'online',
      revocationTransport: broken,
    });
    expect(down.signatures[0]!.status).toBe('indeterminate');
  });
});
