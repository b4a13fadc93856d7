import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isKysoError } from '../src/errors/kyso-error.js';
import { createRevocationChecker, type RevocationCheckerOptions } from '../src/revocation/checker.js';
import type { RevocationQuery, RevocationResult } from '../src/revocation/types.js';
import { type Certificate, parseCertificate } from '../src/x509/certificate.js';

let server: PkiServer;
const cert = (id: string): Certificate => parseCertificate(server.pki.get(id).certificate);
const query = (id: string, time = new Date()): RevocationQuery => {
  const identity = server.pki.get(id);
  return { certificate: cert(id), issuer: cert(identity.issuer!.id), time };
};
const online = (extra: Partial<RevocationCheckerOptions> = {}) =>
  createRevocationChecker({ mode: 'online', fetch, timeoutMs: 5_000, ...extra });

beforeAll(async () => {
  server = await startTestPki({ include: ['lanh-dao-phong', 'revoked', 'chuyen-vien'] });
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => {
  server.outage.ocsp = 'none';
  server.outage.crl = 'none';
});

describe('online OCSP against testkit', () => {
  it('says good for a valid certificate, with the delegated responder as evidence', async () => {
    const before = { ...server.requests };
    const r = await online().check(query('lanh-dao-phong'));
    expect(r).toMatchObject({ status: 'good', source: 'ocsp', embedded: false });
    expect(r.unavailable).toBeUndefined();
    expect(r.checkedAt).toBeInstanceOf(Date);
    expect(r.evidence?.ocspResponses).toHaveLength(1);
    expect(r.evidence?.crls).toHaveLength(0);
    expect(r.evidence?.certificates.map((c) => parseCertificate(c).serialHex)).toContain(
      server.pki.get('ocsp').serialNumberHex,
    );
    expect(r.detail).toContain('delegated responder');
    expect(server.requests.ocsp).toBe(before.ocsp + 1);
    expect(server.requests.crl).toBe(before.crl);
  });

  it('says revoked, with the time and reason', async () => {
    const revocation = server.pki.get('revoked').revocation!;
    const r = await online().check(query('revoked'));
    expect(r).toMatchObject({ status: 'revoked', source: 'ocsp', reason: 'keyCompromise' });
    expect(r.revocationTime).toEqual(revocation.at);
  });

  it('says good for a time before the revocation, and notes the revocation', async () => {
    const revocation = server.pki.get('revoked').revocation!;
    const r = await online().check(query('revoked', new Date(revocation.at.getTime() - 3_600_000)));
    expect(r.status).toBe('good');
    expect(r.detail).toContain('revoked later');
  });

  it('asks the root about the intermediate CA and accepts the root-signed answer', async () => {
    const r = await online().check(query('ca'));
    expect(r).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(r.detail).toContain('by the CA');
    expect(server.requests.ocsp).toBeGreaterThan(0);
    const root = server.pki.get('root');
    expect(r.evidence?.certificates.map((c) => parseCertificate(c).serialHex)).toEqual([
      root.serialNumberHex,
    ]);
  });

  it('says unknown (not unavailable) when the responder does not know the serial and no CRL answers', async () => {
    server.outage.crl = 'unavailable';
    const q = query('lanh-dao-phong');
    const stranger = {
      ...q,
      certificate: { ...q.certificate, serialNumber: new Uint8Array([0x12, 0x34, 0x56]) },
    };
    const r = await online().check(stranger);
    expect(r.status).toBe('unknown');
    expect(r.unavailable).toBeUndefined();
    expect(r.source).toBeUndefined();
    expect(r.detail).toContain('does not know the certificate');
    expect(r.evidence?.ocspResponses).toHaveLength(1);
  });

  it('lets a definitive CRL answer win over an OCSP "unknown"', async () => {
    const q = query('lanh-dao-phong');
    const stranger = {
      ...q,
      certificate: { ...q.certificate, serialNumber: new Uint8Array([0x12, 0x34, 0x56]) },
    };
    const crlBefore = server.requests.crl;
    const r = await online().check(stranger);
    expect(r).toMatchObject({ status: 'good', source: 'crl' });
    expect(r.detail).toContain('does not know the certificate');
    expect(server.requests.crl).toBe(crlBefore + 1);
  });

  it('asks only CRLs with ocsp: false, passing over embedded OCSP answers too', async () => {
    const first = await online().check(query('lanh-dao-phong'));
    const ocspAnswer = first.evidence!.ocspResponses;
    const before = { ocsp: server.requests.ocsp, crl: server.requests.crl };
    const r = await online({ ocsp: false, embedded: { ocspResponses: ocspAnswer } }).check(
      query('lanh-dao-phong'),
    );
    expect(r).toMatchObject({ status: 'good', source: 'crl', embedded: false });
    expect(r.evidence?.crls).toHaveLength(1);
    expect(r.evidence?.ocspResponses).toHaveLength(0);
    expect(server.requests.ocsp).toBe(before.ocsp);
    expect(server.requests.crl).toBe(before.crl + 1);
  });

  it('builds SHA-256 CertIDs on request', async () => {
    const r = await online({ ocspHash: 'SHA-256' }).check(query('revoked'));
    expect(r).toMatchObject({ status: 'revoked', source: 'ocsp' });
  });

  it('goes through the injected fetch only', async () => {
    const calls: { url: string; method?: string; type?: string }[] = [];
    const spy: typeof fetch = (input, init) => {
      calls.push({
        url: String(input),
        ...(init?.method ? { method: init.method } : {}),
        type: new Headers(init?.headers).get('content-type') ?? '',
      });
      return fetch(input, init);
    };
    const r = await createRevocationChecker({ mode: 'online', fetch: spy }).check(query('lanh-dao-phong'));
    expect(r.status).toBe('good');
    expect(calls).toEqual([
      { url: server.urls.ocsp('ca'), method: 'POST', type: 'application/ocsp-request' },
    ]);
  });
});

describe('when responders are down', () => {
  for (const outage of ['unavailable', 'reset'] as const) {
    it(`falls back to the CRL when OCSP is ${outage}`, async () => {
      server.outage.ocsp = outage;
      const before = server.requests.crl;
      const checker = online();
      const good = await checker.check(query('lanh-dao-phong'));
      expect(good).toMatchObject({ status: 'good', source: 'crl', embedded: false });
      expect(good.evidence?.crls).toHaveLength(1);
      expect(good.detail).toMatch(/OCSP http:\/\/127\.0\.0\.1:\d+\/ocsp\/ca: /);
      expect(server.requests.crl).toBe(before + 1);
      const revoked = await checker.check(query('revoked'));
      expect(revoked).toMatchObject({ status: 'revoked', source: 'crl', reason: 'keyCompromise' });
      expect(revoked.revocationTime).toEqual(server.pki.get('revoked').revocation!.at);
      // one download per URL for the life of the checker
      expect(server.requests.crl).toBe(before + 1);
    });
  }

  it('says unknown and unavailable when both are down', async () => {
    server.outage.ocsp = 'unavailable';
    server.outage.crl = 'reset';
    const r = await online().check(query('lanh-dao-phong'));
    expect(r.status).toBe('unknown');
    expect(r.unavailable).toBe(true);
    expect(r.evidence).toBeUndefined();
    expect(r.detail).toContain('HTTP 503');
    expect(r.detail).toContain('/crl/ca.crl');
  });

  it('bounds a hanging responder by the timeout', async () => {
    server.outage.ocsp = 'hang';
    let started = Date.now();
    const viaCrl = await online({ timeoutMs: 400 }).check(query('lanh-dao-phong'));
    expect(viaCrl).toMatchObject({ status: 'good', source: 'crl' });
    expect(viaCrl.detail).toContain('no answer within 400 ms');
    expect(Date.now() - started).toBeLessThan(4_000);

    server.outage.crl = 'hang';
    started = Date.now();
    const none = await online({ timeoutMs: 400 }).check(query('lanh-dao-phong'));
    expect(none).toMatchObject({ status: 'unknown', unavailable: true });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("stops at the caller's cancellation", async () => {
    server.outage.ocsp = 'hang';
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await online({ timeoutMs: 10_000 })
      .check(query('lanh-dao-phong'), { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(isKysoError(error, 'ABORTED')).toBe(true);
  });
});

describe('modes', () => {
  it("'off' checks nothing", async () => {
    const before = { ...server.requests };
    const r = await createRevocationChecker({ mode: 'off', fetch }).check(query('revoked'));
    expect(r).toEqual({ status: 'unknown', detail: 'not checked' });
    expect(server.requests).toEqual(before);
  });

  it("'embedded' never goes to the network", async () => {
    const before = { ...server.requests };
    const r = await createRevocationChecker({ mode: 'embedded', fetch }).check(query('revoked'));
    expect(r).toMatchObject({ status: 'unknown', unavailable: true });
    expect(r.detail).toContain('nothing embedded');
    expect(server.requests).toEqual(before);
  });

  it('refuses an issuer that is not the certificate’s issuer', async () => {
    const q = query('lanh-dao-phong');
    const error = await online()
      .check({ ...q, issuer: cert('root') })
      .catch((e: unknown) => e);
    expect(isKysoError(error, 'INVALID_INPUT')).toBe(true);
  });
});

describe('evidence is reusable', () => {
  it('gives the same answers from the evidence alone once the server is gone', async () => {
    const own = await startTestPki({ include: ['lanh-dao-phong', 'revoked'] });
    const ask = (id: string): RevocationQuery => ({
      certificate: parseCertificate(own.pki.get(id).certificate),
      issuer: parseCertificate(own.pki.get(id).issuer!.certificate),
      time: new Date(),
    });
    const cases: [string, RevocationResult][] = [];
    try {
      const checker = createRevocationChecker({ mode: 'online', fetch });
      for (const id of ['lanh-dao-phong', 'revoked', 'ca']) cases.push([id, await checker.check(ask(id))]);
      own.outage.ocsp = 'unavailable';
      const viaCrl = createRevocationChecker({ mode: 'online', fetch });
      cases.push(['revoked', await viaCrl.check(ask('revoked'))]);
    } finally {
      await own.close();
    }
    expect(cases.map(([, r]) => r.source)).toEqual(['ocsp', 'ocsp', 'ocsp', 'crl']);
    for (const [id, first] of cases) {
      const embedded = createRevocationChecker({
        mode: 'embedded',
        fetch,
        embedded: {
          ocspResponses: first.evidence!.ocspResponses,
          crls: first.evidence!.crls,
          certificates: first.evidence!.certificates,
        },
      });
      const again = await embedded.check(ask(id));
      expect(again).toMatchObject({
        status: first.status,
        source: first.source,
        embedded: true,
        ...(first.revocationTime ? { revocationTime: first.revocationTime, reason: first.reason } : {}),
      });
      // and online mode with the server closed gets there from the evidence, before any fetch
      const onlineAgain = await createRevocationChecker({
        mode: 'online',
        fetch,
        embedded: first.evidence!,
      }).check(ask(id));
      expect(onlineAgain).toMatchObject({ status: first.status, embedded: true });
    }
  });
});
