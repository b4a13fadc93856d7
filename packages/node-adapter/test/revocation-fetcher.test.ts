import {
  buildOcspRequest,
  type Certificate,
  createRevocationChecker,
  parseCertificate,
  parseCrl,
  parseOcspResponse,
  resolveProvider,
  revocationService,
  validatePath,
} from '@kyso/core';
import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerTokens, createSigningService, type SigningServiceOptions } from '../src/index.js';
import { b64, kysoCode } from './support/csc-calls.js';
import { startService, type TestService } from './support/servers.js';
import { type StubServer, stubServer } from './support/stub-server.js';

const TOKEN = 'tok-verifier-52e1d0';
const authorize = bearerTokens({ [TOKEN]: 'verifier' });
let pki: PkiServer;
let leaf: Certificate;
let issuer: Certificate;
let chain: string[];
let lookAlike: string[];
/** An upstream on 127.0.0.1 that misbehaves on purpose. */
let stub: StubServer;
/** A second loopback address, listening: reachable, but not allowed. */
let elsewhere: StubServer | undefined;
/** Allowed on 127.0.0.1 only. */
let svc: TestService;
/** No network allowance at all: the defaults. */
let strict: TestService;

const BIG = new Uint8Array(512 * 1024).fill(0x41);

function fetcherOptions(extra: NonNullable<SigningServiceOptions['revocationFetcher']>) {
  return {
    basePath: '/kyso',
    authorize,
    revocationFetcher: { anchors: pki.pki.anchors.map((a) => a.certificate), ...extra },
  };
}

async function ask(service: TestService, body: Record<string, unknown>, token = TOKEN) {
  const res = await fetch(`${service.url}/kyso/revocation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const json =
    res.headers.get('content-type')?.includes('json') === true
      ? (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>)
      : {};
  return { status: res.status, type: res.headers.get('content-type'), bytes, json, code: kysoCode(json) };
}

beforeAll(async () => {
  pki = await startTestPki({ include: ['signer-p256', 'look-alike'] });
  const signer = pki.pki.get('signer-p256');
  leaf = parseCertificate(signer.certificate);
  issuer = parseCertificate(signer.chain[1]!);
  chain = signer.chain.map(b64);
  lookAlike = pki.pki.get('look-alike').chain.map(b64);
  elsewhere = await stubServer((_req, res) => res.end('reached'), '127.0.0.2').catch(() => undefined);
  const target = elsewhere?.url ?? 'http://127.0.0.2:9';
  stub = await stubServer((req, res) => {
    const path = req.url ?? '/';
    const redirect = (location: string) => res.writeHead(302, { location }).end();
    if (path === '/to-crl') redirect(leaf.crlUrls[0]!);
    else if (path === '/to-other-loopback') redirect(`${target}/crl`);
    else if (path === '/to-ipv6-loopback') redirect('http://[::1]/crl');
    else if (path === '/to-metadata') redirect('http://169.254.169.254/latest/meta-data/');
    else if (path === '/to-file') redirect('file:///etc/passwd');
    else if (path === '/loop') redirect('/loop');
    else if (path === '/big')
      res.writeHead(200, { 'content-type': 'application/pkix-crl', 'content-length': BIG.length }).end(BIG);
    else if (path === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      res.write(BIG.subarray(0, BIG.length / 2));
      res.end(BIG.subarray(BIG.length / 2));
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      res.write(new Uint8Array([0x30, 0x82]));
      // …and nothing more
    } else if (path === '/html')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>admin</html>');
    else if (path === '/not-der') res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end('hello');
    else res.writeHead(404).end();
  });
  svc = await startService(
    fetcherOptions({
      allowNetworks: ['127.0.0.1/32'],
      allowUrls: [
        `${stub.url}/`,
        `http://pinned.test:${new URL(stub.url).port}/`,
        'http://internal.test/',
        'http://mixed.test/',
      ],
      maxResponseBytes: 64 * 1024,
      timeoutMs: 1500,
      // names that exist for this service only: the connection must go to the address resolved here
      resolve: async (host) =>
        ({
          'pinned.test': ['127.0.0.1'],
          'internal.test': ['10.0.0.7'],
          'mixed.test': ['93.184.216.34', '127.0.0.2'],
        })[host] ?? [],
    }),
  );
  strict = await startService(
    fetcherOptions({
      allowUrls: [
        'http://10.1.2.3/crl',
        'http://192.168.1.1/crl',
        'http://169.254.169.254/latest/meta-data/',
        'http://[::1]/crl',
        'http://[::ffff:127.0.0.1]/crl',
        'http://0.0.0.0/crl',
        'http://100.64.0.1/crl',
        'http://[fd00::1]/crl',
        `${stub.url}/`,
      ],
    }),
  );
});
afterAll(async () => {
  await svc?.close();
  await strict?.close();
  await stub?.close();
  await elsewhere?.close();
  await pki?.close();
});

describe('the revocation fetcher', () => {
  it('fetches OCSP (POST and GET) for a certificate that chains to an anchor', async () => {
    const request = buildOcspRequest(leaf, issuer);
    for (const method of ['POST', 'GET'] as const) {
      const before = pki.requests.ocsp;
      const answer = await ask(svc, {
        url: leaf.ocspUrls[0],
        certificates: chain,
        ocspRequest: b64(request.der),
        method,
      });
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      expect(answer.type).toBe('application/ocsp-response');
      const ocsp = parseOcspResponse(answer.bytes);
      expect(ocsp.status).toBe('successful');
      expect(ocsp.basic?.responses[0]?.status).toBe('good');
      expect(pki.requests.ocsp).toBe(before + 1);
    }
  });

  it('fetches a CRL named by the certificate', async () => {
    const answer = await ask(svc, { url: leaf.crlUrls[0], certificates: chain });
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/pkix-crl');
    expect(parseCrl(answer.bytes).entries).toEqual([]);
  });

  it('serves core’s revocation checker through core’s revocationService transport (OCSP, then the CRL when OCSP is down)', async () => {
    const sent: string[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(new TextDecoder().decode(init?.body as Uint8Array));
      return fetch(input, init);
    };
    const checker = (token = TOKEN) =>
      createRevocationChecker({
        mode: 'online',
        fetch: recording,
        transport: revocationService(`${svc.url}/kyso/revocation`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      });
    const query = { certificate: leaf, issuer, time: new Date() };
    const before = { ocsp: pki.requests.ocsp, crl: pki.requests.crl };
    expect(await checker().check(query)).toMatchObject({ status: 'good', source: 'ocsp', embedded: false });
    expect(pki.requests.ocsp).toBe(before.ocsp + 1);
    // the service was given the URL, the OCSP request and the certificate with its issuer
    const first = JSON.parse(sent[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ url: leaf.ocspUrls[0], method: 'POST', certificates: chain.slice(0, 2) });
    expect(typeof first['ocspRequest']).toBe('string');
    pki.outage.ocsp = 'unavailable';
    try {
      expect(await checker().check(query)).toMatchObject({ status: 'good', source: 'crl' });
      expect(JSON.parse(sent.at(-1)!)).toEqual({ url: leaf.crlUrls[0], certificates: chain.slice(0, 2) });
    } finally {
      pki.outage.ocsp = 'none';
    }
    // a whole path validation hands each certificate's issuer chain over (the CA, asked of the root)
    const during = sent.length;
    const path = await validatePath(leaf, {
      anchors: pki.pki.anchors.map((a) => parseCertificate(a.certificate)),
      pool: [issuer],
      time: new Date(),
      usage: 'signature',
      provider: resolveProvider(),
      revocation: checker(),
    });
    expect(path.indication, JSON.stringify(path.errors)).toBe('TOTAL_PASSED');
    expect(path.revocation?.status).toBe('good');
    const asked = sent.slice(during).map((b) => (JSON.parse(b) as { certificates: string[] }).certificates);
    expect(asked).toEqual([chain, chain.slice(1)]);
    // the service's refusal is named in the result, not swallowed
    const refused = await checker('wrong-token').check(query);
    expect(refused).toMatchObject({ status: 'unknown', unavailable: true });
    expect(refused.detail).toMatch(/HTTP 401/);
  });

  it('refuses a URL no trusted certificate names and that is not allowlisted', async () => {
    const before = { ocsp: pki.requests.ocsp, crl: pki.requests.crl };
    const request = b64(buildOcspRequest(leaf, issuer).der);
    // a look-alike hierarchy (same names, untrusted root) names its own URLs on the same server
    const fake = parseCertificate(pki.pki.get('look-alike').certificate);
    const cases = [
      { url: fake.ocspUrls[0], certificates: lookAlike, ocspRequest: request },
      { url: fake.crlUrls[0], certificates: lookAlike },
      // a trusted chain, but a URL it does not name (or names for the other purpose)
      { url: `${pki.urls.base}/ca/ca.cer`, certificates: chain },
      { url: leaf.crlUrls[0], certificates: chain, ocspRequest: request },
      // no certificate at all
      { url: leaf.ocspUrls[0], ocspRequest: request },
    ];
    for (const body of cases) {
      const answer = await ask(svc, body);
      expect([answer.status, answer.code], JSON.stringify(body.url)).toEqual([403, 'URL_NOT_ALLOWED']);
    }
    expect({ ocsp: pki.requests.ocsp, crl: pki.requests.crl }).toEqual(before);
  });

  it('refuses loopback when it is not explicitly allowed, even for a trusted certificate’s URL', async () => {
    const before = pki.requests.crl;
    const answer = await ask(strict, { url: leaf.crlUrls[0], certificates: chain });
    expect([answer.status, answer.code]).toEqual([403, 'URL_NOT_ALLOWED']);
    expect(String((answer.json['kyso'] as { message: string }).message)).toMatch(/loopback/);
    expect(pki.requests.crl).toBe(before);
    // the stub, allowlisted by URL, sits on loopback too
    expect((await ask(strict, { url: `${stub.url}/to-crl` })).code).toBe('URL_NOT_ALLOWED');
  });

  it('refuses private, link-local, CGNAT, unique-local, IPv6 loopback, mapped and unspecified addresses', async () => {
    for (const url of [
      'http://10.1.2.3/crl',
      'http://192.168.1.1/crl',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/crl',
      'http://[::ffff:127.0.0.1]/crl',
      'http://0.0.0.0/crl',
      'http://100.64.0.1/crl',
      'http://[fd00::1]/crl',
    ]) {
      const answer = await ask(strict, { url });
      expect([answer.status, answer.code], url).toEqual([403, 'URL_NOT_ALLOWED']);
    }
  });

  it('checks every address a host name resolves to, and connects to the one it checked', async () => {
    expect((await ask(svc, { url: 'http://internal.test/crl' })).code).toBe('URL_NOT_ALLOWED');
    expect((await ask(svc, { url: 'http://mixed.test/crl' })).code).toBe('URL_NOT_ALLOWED');
    // pinned.test exists nowhere but in this service's resolver: reaching the stub proves the pinning
    const port = new URL(stub.url).port;
    const pinned = await ask(svc, { url: `http://pinned.test:${port}/not-der` });
    expect(stub.seen.at(-1)).toBe('GET /not-der');
    expect([pinned.status, pinned.code]).toEqual([502, 'NETWORK_ERROR']);
  });

  it('follows redirects by hand, re-checking every hop', async () => {
    const ok = await ask(svc, { url: `${stub.url}/to-crl` });
    expect(ok.status).toBe(200);
    expect(parseCrl(ok.bytes).entries).toEqual([]);
    expect(svc.audit.at(-1)).toMatchObject({ action: 'revocation', outcome: 'ok', redirects: 1 });

    const reached = elsewhere?.seen.length ?? 0;
    for (const path of ['/to-other-loopback', '/to-ipv6-loopback', '/to-metadata', '/to-file']) {
      const answer = await ask(svc, { url: `${stub.url}${path}` });
      expect([answer.status, answer.code], path).toEqual([403, 'URL_NOT_ALLOWED']);
    }
    // the second loopback server exists and listens: only the check kept the fetcher away
    expect(elsewhere?.seen.length ?? 0).toBe(reached);
    const loop = await ask(svc, { url: `${stub.url}/loop` });
    expect([loop.status, loop.code]).toEqual([502, 'NETWORK_ERROR']);
    expect(stub.seen.filter((s) => s === 'GET /loop')).toHaveLength(4);
  });

  it('refuses a response over the size limit, declared or not', async () => {
    for (const path of ['/big', '/big-chunked']) {
      const answer = await ask(svc, { url: `${stub.url}${path}` });
      expect([answer.status, answer.code], path).toEqual([502, 'NETWORK_ERROR']);
      expect(String((answer.json['kyso'] as { message: string }).message)).toMatch(/limit/);
    }
  });

  it('gives up on a slow response (504), passes on no HTML and nothing that is not DER', async () => {
    const started = Date.now();
    const slow = await ask(svc, { url: `${stub.url}/slow` });
    expect([slow.status, slow.code]).toEqual([504, 'NETWORK_ERROR']);
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const path of ['/html', '/not-der']) {
      const answer = await ask(svc, { url: `${stub.url}${path}` });
      expect([answer.status, answer.code], path).toEqual([502, 'NETWORK_ERROR']);
      expect(new TextDecoder().decode(answer.bytes)).not.toContain('admin');
    }
  });

  it('refuses malformed queries and unauthenticated callers', async () => {
    expect((await ask(svc, { url: 'not a url' })).status).toBe(400);
    expect((await ask(svc, { url: leaf.ocspUrls[0], ocspRequest: 'not base64!' })).status).toBe(400);
    expect(
      (await ask(svc, { url: leaf.ocspUrls[0], ocspRequest: b64(new Uint8Array([1, 2, 3])) })).status,
    ).toBe(400);
    expect((await ask(svc, { url: leaf.crlUrls[0], certificates: ['AAAA'] })).status).toBe(400);
    expect(
      (await ask(svc, { url: leaf.crlUrls[0], certificates: new Array(11).fill(chain[0]) })).status,
    ).toBe(400);
    const anonymous = await ask(svc, { url: leaf.crlUrls[0], certificates: chain }, 'wrong-token');
    expect([anonymous.status, anonymous.code]).toEqual([401, 'NOT_AUTHENTICATED']);
  });

  it('writes audit lines with the URL and outcome, never the token', () => {
    const lines = [...svc.lines, ...strict.lines].join('');
    expect(lines).not.toContain(TOKEN);
    expect(
      svc.audit.some((e) => e.action === 'revocation' && e.code === 'URL_NOT_ALLOWED' && e.status === 403),
    ).toBe(true);
    expect(
      svc.audit.some((e) => e.action === 'revocation' && e.outcome === 'ok' && e.url === leaf.crlUrls[0]),
    ).toBe(true);
  });

  it('is not there unless configured, and needs anchors or an allowlist', async () => {
    const bare = createSigningService({ authorize });
    const res = await bare.handler(
      new Request('http://service/revocation', {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: '{}',
      }),
    );
    expect(res.status).toBe(404);
    await bare.close();
    expect(() => createSigningService({ revocationFetcher: {} })).toThrow(/anchors or allowUrls/);
  });
});
