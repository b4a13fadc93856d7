import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../src/bytes/bytes.js';
import { isKysoError } from '../src/errors/kyso-error.js';
import { createRevocationChecker } from '../src/revocation/checker.js';
import { revocationService } from '../src/revocation/service-transport.js';
import {
  directTransport,
  type RevocationDownload,
  type RevocationTransport,
} from '../src/revocation/transport.js';
import type { RevocationQuery } from '../src/revocation/types.js';
import { type Certificate, parseCertificate } from '../src/x509/certificate.js';

const SERVICE = 'https://app.example/kyso/revocation';
const LIMITS = { timeoutMs: 2_000, maxBytes: 64 * 1024 };

let server: PkiServer;
let leaf: Certificate;
let ca: Certificate;
let root: Certificate;
const query = (): RevocationQuery => ({
  certificate: leaf,
  issuer: ca,
  time: new Date(),
  issuerChain: [root],
});

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong'] });
  [leaf, ca, root] = server.pki.get('lanh-dao-phong').chain.map((c) => parseCertificate(c)) as [
    Certificate,
    Certificate,
    Certificate,
  ];
});
afterAll(async () => {
  await server?.close();
});

interface Sent {
  url: string;
  method: string | undefined;
  credentials: RequestCredentials | undefined;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A fetch that records what it was asked and answers `answer`. */
function recorder(answer: () => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      sent.push({
        url: String(input),
        method: init?.method,
        credentials: init?.credentials,
        headers: new Headers(init?.headers),
        body: JSON.parse(new TextDecoder().decode(init?.body as Uint8Array)) as Record<string, unknown>,
      });
      return answer();
    },
  };
}

const ocspDownload = (certificates: readonly Certificate[]): RevocationDownload => ({
  kind: 'ocsp',
  url: leaf.ocspUrls[0]!,
  ocspRequest: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]),
  certificates,
});

describe('revocationService', () => {
  it('sends the URL, the OCSP request and the certificates (each once, at most the limit) as JSON', async () => {
    const der = new Uint8Array([0x30, 0x00]);
    const r = recorder(() => new Response(der, { headers: { 'content-type': 'application/ocsp-response' } }));
    const transport = revocationService(SERVICE, {
      headers: { authorization: 'Bearer t' },
      maxCertificates: 2,
    });
    const body = await transport(ocspDownload([leaf, leaf, ca, root]), { fetch: r.fetch, limits: LIMITS });
    expect(body).toEqual(der);
    const [sent] = r.sent;
    expect(sent!.url).toBe(SERVICE);
    expect(sent!.method).toBe('POST');
    // the application's own service may know the user by the session cookie
    expect(sent!.credentials).toBe('same-origin');
    expect(sent!.headers.get('content-type')).toBe('application/json');
    expect(sent!.headers.get('authorization')).toBe('Bearer t');
    expect(sent!.headers.get('accept')).toContain('application/ocsp-response');
    expect(sent!.body).toEqual({
      url: leaf.ocspUrls[0],
      certificates: [toBase64(leaf.der), toBase64(ca.der)],
      ocspRequest: toBase64(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])),
      method: 'POST',
    });
  });

  it('asks for a CRL without an OCSP request, and for OCSP by GET when told', async () => {
    const r = recorder(
      () =>
        new Response(new Uint8Array([0x30, 0x00]), { headers: { 'content-type': 'application/pkix-crl' } }),
    );
    await revocationService(SERVICE)(
      { kind: 'crl', url: leaf.crlUrls[0]!, certificates: [leaf, ca] },
      { fetch: r.fetch, limits: LIMITS },
    );
    expect(r.sent[0]!.body).toEqual({
      url: leaf.crlUrls[0],
      certificates: [toBase64(leaf.der), toBase64(ca.der)],
    });
    expect(r.sent[0]!.headers.get('accept')).toContain('application/pkix-crl');
    const g = recorder(
      () =>
        new Response(new Uint8Array([0x30, 0x00]), {
          headers: { 'content-type': 'application/ocsp-response' },
        }),
    );
    await revocationService(SERVICE, { ocspMethod: 'GET' })(ocspDownload([leaf]), {
      fetch: g.fetch,
      limits: LIMITS,
    });
    expect(g.sent[0]!.body['method']).toBe('GET');
    const o = recorder(
      () =>
        new Response(new Uint8Array([0x30, 0x00]), {
          headers: { 'content-type': 'application/ocsp-response' },
        }),
    );
    await revocationService(SERVICE, { credentials: 'omit' })(ocspDownload([leaf]), {
      fetch: o.fetch,
      limits: LIMITS,
    });
    expect(o.sent[0]!.credentials).toBe('omit');
  });

  it("names the service's refusal (its error_description) in the NETWORK_ERROR", async () => {
    const refusal = () =>
      Response.json(
        { error: 'access_denied', error_description: 'not allowlisted, nor named by a trusted certificate' },
        { status: 403 },
      );
    const error = await revocationService(SERVICE)(ocspDownload([leaf]), {
      fetch: recorder(refusal).fetch,
      limits: LIMITS,
    }).catch((e: unknown) => e);
    expect(isKysoError(error, 'NETWORK_ERROR')).toBe(true);
    expect(String((error as { params: Record<string, unknown> }).params['detail'])).toBe(
      'HTTP 403: not allowlisted, nor named by a trusted certificate',
    );
    // an HTML error page says only its status
    const html = () =>
      new Response('<html>oops</html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const other = await revocationService(SERVICE)(ocspDownload([leaf]), {
      fetch: recorder(html).fetch,
      limits: LIMITS,
    }).catch((e: unknown) => e);
    expect(String((other as { params: Record<string, unknown> }).params['detail'])).toBe('HTTP 502');
  });

  it("waits for the service past the checker's own limit (its fetch and path validation take longer)", async () => {
    // answers after 150 ms, unless the request's signal gives up first
    const slow: typeof fetch = (_input, init) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            resolve(
              new Response(new Uint8Array([0x30, 0x00]), {
                headers: { 'content-type': 'application/ocsp-response' },
              }),
            ),
          150,
        );
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason);
        });
      });
    const checkerLimits = { timeoutMs: 50, maxBytes: 1024 };
    // the checker would give up after 50 ms; the transport waits 20 s by default
    await expect(
      revocationService(SERVICE)(ocspDownload([leaf]), { fetch: slow, limits: checkerLimits }),
    ).resolves.toEqual(new Uint8Array([0x30, 0x00]));
    const error = await revocationService(SERVICE, { timeoutMs: 60 })(ocspDownload([leaf]), {
      fetch: slow,
      limits: checkerLimits,
    }).catch((e: unknown) => e);
    expect(String((error as { params: Record<string, unknown> }).params['detail'])).toBe(
      'no answer within 60 ms',
    );
  });

  it('wants an absolute http(s) URL', () => {
    for (const bad of ['/kyso/revocation', 'ftp://app.example/kyso/revocation', 'not a url'])
      expect(() => revocationService(bad)).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});

describe("the checker's transport", () => {
  it('carries every OCSP request and CRL download, with the certificate, its issuer and the chain beyond', async () => {
    const seen: RevocationDownload[] = [];
    const watching: RevocationTransport = (download, context) => {
      seen.push(download);
      return directTransport(download, context);
    };
    const checker = createRevocationChecker({ mode: 'online', fetch, transport: watching, timeoutMs: 5_000 });
    expect(await checker.check(query())).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.kind).toBe('ocsp');
    expect(seen[0]!.url).toBe(leaf.ocspUrls[0]);
    expect(seen[0]!.certificates).toEqual([leaf, ca, root]);
    expect(seen[0]!.ocspRequest![0]).toBe(0x30);

    server.outage.ocsp = 'unavailable';
    try {
      const r = await checker.check(query());
      expect(r).toMatchObject({ status: 'good', source: 'crl' });
      expect(seen.at(-1)).toMatchObject({ kind: 'crl', url: leaf.crlUrls[0] });
      expect(seen.at(-1)!.ocspRequest).toBeUndefined();
    } finally {
      server.outage.ocsp = 'none';
    }
  });

  it('sends no cookies straight to a responder', async () => {
    let credentials: RequestCredentials | undefined;
    const spy: typeof fetch = async (_input, init) => {
      credentials = init?.credentials;
      return new Response(new Uint8Array([0x30, 0x00]), {
        headers: { 'content-type': 'application/ocsp-response' },
      });
    };
    await directTransport(ocspDownload([leaf]), { fetch: spy, limits: LIMITS });
    expect(credentials).toBe('omit');
  });

  it("turns a transport's failure into an unavailable status, never a throw", async () => {
    const broken: RevocationTransport = async () => {
      throw new Error('no route');
    };
    const r = await createRevocationChecker({ mode: 'online', fetch, transport: broken }).check(query());
    expect(r).toMatchObject({ status: 'unknown', unavailable: true });
    expect(r.detail).toContain('no route');
  });

  it('round-trips through a JSON proxy the way a signing service answers', async () => {
    // a stand-in service: decodes the query, fetches the URL directly, answers the DER
    const proxy: typeof fetch = async (_input, init) => {
      const q = JSON.parse(new TextDecoder().decode(init?.body as Uint8Array)) as {
        url: string;
        ocspRequest?: string;
      };
      const body = await directTransport(
        {
          kind: q.ocspRequest ? 'ocsp' : 'crl',
          url: q.url,
          ...(q.ocspRequest ? { ocspRequest: fromBase64(q.ocspRequest) } : {}),
          certificates: [],
        },
        { fetch, limits: LIMITS },
      );
      return new Response(body.slice(), {
        headers: { 'content-type': q.ocspRequest ? 'application/ocsp-response' : 'application/pkix-crl' },
      });
    };
    const checker = createRevocationChecker({
      mode: 'online',
      fetch: proxy,
      transport: revocationService(SERVICE),
    });
    expect(await checker.check(query())).toMatchObject({ status: 'good', source: 'ocsp', embedded: false });
  });
});
