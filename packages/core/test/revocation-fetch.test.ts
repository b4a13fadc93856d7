import { createTestPki, type TestPki } from '@kyso/testkit';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toPem } from '../src/bytes/pem.js';
import { isKysoError } from '../src/errors/kyso-error.js';
import { fetchBinary } from '../src/net/fetch.js';
import { createRevocationChecker } from '../src/revocation/checker.js';
import type { RevocationQuery } from '../src/revocation/types.js';
import { parseCertificate } from '../src/x509/certificate.js';

const URL_ = 'http://127.0.0.1:1/crl/ca.crl';
const LIMITS = { timeoutMs: 2_000, maxBytes: 1_000 };
const GET = { method: 'GET' as const, accept: ['application/pkix-crl'] };

async function failure(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isKysoError(error, 'NETWORK_ERROR')).toBe(true);
  return String((error as { params: Record<string, unknown> }).params['detail']);
}

describe('fetchBinary', () => {
  it('stops reading a body once it passes the limit', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(256));
      },
    });
    const fake: typeof fetch = async () =>
      new Response(endless, { headers: { 'content-type': 'application/pkix-crl' } });
    expect(await failure(fetchBinary(fake, URL_, GET, LIMITS))).toMatch(/larger than the 1000-byte limit/);
    expect(pulls).toBeLessThan(10);
  });

  it('refuses a declared length over the limit without reading', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const fake: typeof fetch = async () =>
      new Response(body, { headers: { 'content-type': 'application/pkix-crl', 'content-length': '5000' } });
    expect(await failure(fetchBinary(fake, URL_, GET, LIMITS))).toMatch(/5000 bytes/);
    expect(pulled).toBe(false);
  });

  it('reads a body within the limit', async () => {
    const fake: typeof fetch = async () =>
      new Response(new Uint8Array(1_000).fill(9), {
        headers: { 'content-type': 'application/pkix-crl; charset=binary' },
      });
    expect(await fetchBinary(fake, URL_, GET, LIMITS)).toEqual(new Uint8Array(1_000).fill(9));
  });

  it('fails on a non-2xx status and on the wrong media type', async () => {
    const notFound: typeof fetch = async () => new Response('nope', { status: 404 });
    expect(await failure(fetchBinary(notFound, URL_, GET, LIMITS))).toBe('HTTP 404');
    const html: typeof fetch = async () =>
      new Response('<html>', { headers: { 'content-type': 'text/html' } });
    expect(await failure(fetchBinary(html, URL_, GET, LIMITS))).toBe('unexpected content type text/html');
  });

  it('fetches only http and https', async () => {
    const spy = vi.fn<typeof fetch>();
    for (const url of ['ldap://127.0.0.1/cn=ca?certificateRevocationList', 'file:///etc/passwd', 'not a url'])
      expect(await failure(fetchBinary(spy, url, GET, LIMITS))).toMatch(/only http and https/);
    expect(spy).not.toHaveBeenCalled();
  });

  it('times out, and tells its own cancellation apart', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await failure(fetchBinary(never, URL_, GET, { ...LIMITS, timeoutMs: 50 }))).toBe(
      'no answer within 50 ms',
    );
    const controller = new AbortController();
    const pending = fetchBinary(never, URL_, GET, LIMITS, controller.signal);
    controller.abort();
    expect(isKysoError(await pending.catch((e: unknown) => e), 'ABORTED')).toBe(true);
  });
});

describe('the checker and its fetch', () => {
  let pki: TestPki;
  let q: RevocationQuery;
  beforeAll(async () => {
    pki = await createTestPki({ include: ['lanh-dao-phong'], baseUrl: 'http://127.0.0.1:1' });
    q = {
      certificate: parseCertificate(pki.get('lanh-dao-phong').certificate),
      issuer: parseCertificate(pki.get('ca').certificate),
      time: new Date(),
    };
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Serves the CA's CRL (in `form`), and refuses OCSP. */
  const crlOnly =
    (form: 'der' | 'pem', calls: string[] = []): typeof fetch =>
    async (input) => {
      calls.push(String(input));
      if (!String(input).endsWith('.crl')) return new Response('down', { status: 503 });
      const crl = await pki.crl('ca');
      return new Response(form === 'der' ? crl.slice() : toPem(crl, 'X509 CRL'), {
        headers: { 'content-type': 'application/pkix-crl' },
      });
    };

  it('reads a CRL published as PEM', async () => {
    const r = await createRevocationChecker({ mode: 'online', fetch: crlOnly('pem') }).check(q);
    expect(r).toMatchObject({ status: 'good', source: 'crl' });
  });

  it('skips URLs that are not http or https', async () => {
    const calls: string[] = [];
    const ldapOnly = {
      ...q,
      certificate: { ...q.certificate, crlUrls: ['ldap://127.0.0.1/cn=ca'], ocspUrls: [] },
    };
    const r = await createRevocationChecker({ mode: 'online', fetch: crlOnly('der', calls) }).check(ldapOnly);
    expect(r).toMatchObject({ status: 'unknown', unavailable: true });
    expect(r.detail).toContain('CRL ldap://127.0.0.1/cn=ca: skipped (only http and https are fetched)');
    expect(r.detail).toContain('the certificate names no OCSP responder');
    expect(calls).toEqual([]);
  });

  it('uses globalThis.fetch when online mode is given none', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', crlOnly('der', calls));
    const r = await createRevocationChecker({ mode: 'online' }).check(q);
    expect(r).toMatchObject({ status: 'good', source: 'crl' });
    expect(calls).toEqual([pki.urls!.ocsp('ca'), pki.urls!.crl('ca')]);
  });

  it('says so when there is no fetch at all', async () => {
    vi.stubGlobal('fetch', undefined);
    const r = await createRevocationChecker({ mode: 'online' }).check(q);
    expect(r).toMatchObject({ status: 'unknown', unavailable: true });
    expect(r.detail).toContain('online checking needs a fetch function');
  });

  it('refetches a cached CRL once it is stale', async () => {
    const calls: string[] = [];
    let thisUpdate = new Date(Date.now() - 3 * 86_400_000);
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      if (!String(input).endsWith('.crl')) return new Response('down', { status: 503 });
      const crl = await pki.crl('ca', { now: thisUpdate });
      return new Response(crl.slice(), { headers: { 'content-type': 'application/pkix-crl' } });
    };
    const checker = createRevocationChecker({ mode: 'online', fetch: fake });
    const stale = await checker.check(q);
    expect(stale).toMatchObject({ status: 'unknown', unavailable: true });
    expect(stale.detail).toMatch(/stale for/);
    thisUpdate = new Date();
    expect(await checker.check(q)).toMatchObject({ status: 'good', source: 'crl' });
    expect(await checker.check(q)).toMatchObject({ status: 'good', source: 'crl' });
    expect(calls.filter((c) => c.endsWith('.crl'))).toHaveLength(2);
  });
});
