import { createTestPki, type TestIdentity, type TestPki, VN_TEST_PKI } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { der } from '../src/asn1/index.js';
import { certIdFor } from '../src/revocation/cert-id.js';
import { createRevocationChecker } from '../src/revocation/checker.js';
import { buildOcspRequest } from '../src/revocation/ocsp-request.js';
import { parseOcspResponse } from '../src/revocation/ocsp-response.js';
import type { RevocationQuery } from '../src/revocation/types.js';
import { parseCertificate } from '../src/x509/certificate.js';
import {
  at,
  buildOcsp,
  DAY,
  type Embedded,
  embeddedCheck,
  expectRefused,
  extension,
  HOUR,
  tamperProducedAt,
} from './revocation-helpers.js';

/**
 * Evidence that must not be believed. Every case is checked in 'embedded' mode (no network), and
 * every refusal is paired with the genuine article being accepted, so the test fails if the
 * checker refuses everything.
 */

let pki: TestPki;
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

const cert = (id: string) => parseCertificate(pki.get(id).certificate);
const query = (id: string, time = NOW): RevocationQuery => ({
  certificate: cert(id),
  issuer: cert(pki.get(id).issuer!.id),
  time,
});

const judge = (q: RevocationQuery, embedded: Embedded, now = NOW) => embeddedCheck(q, embedded, now);

/** What the testkit responder answers about `id`, as of `now`. */
async function genuine(
  id: string,
  now = NOW,
  nonce: boolean | Uint8Array = false,
  signWithCa = false,
): Promise<Uint8Array> {
  const q = query(id);
  return pki.respondOcsp(buildOcspRequest(q.certificate, q.issuer, { nonce }).der, { now, signWithCa });
}

beforeAll(async () => {
  const spec = {
    authorities: VN_TEST_PKI.authorities,
    entities: [
      ...VN_TEST_PKI.entities,
      // a responder of the impostor CA (same names as the real one)
      {
        id: 'look-alike-ocsp',
        issuer: 'look-alike-ca',
        profile: 'ocsp' as const,
        key: 'ec-p256' as const,
        subject: { C: 'VN', CN: 'OCSP — look-alike' },
      },
      {
        id: 'ocsp-expired',
        issuer: 'ca',
        profile: 'ocsp' as const,
        key: 'ec-p256' as const,
        subject: { C: 'VN', CN: 'OCSP — expired responder' },
        validity: 'expired' as const,
      },
    ],
  };
  pki = await createTestPki({
    spec,
    now: NOW,
    baseUrl: 'http://127.0.0.1:1',
    include: ['lanh-dao-phong', 'chuyen-vien', 'revoked', 'expired', 'look-alike', 'tsa'],
  });
});

const signer = (id: string): TestIdentity => pki.get(id);

describe('OCSP responder authorisation', () => {
  it('accepts the genuine answers: delegated responder and CA-signed', async () => {
    expect(
      await judge(query('lanh-dao-phong'), { ocspResponses: [await genuine('lanh-dao-phong')] }),
    ).toMatchObject({
      status: 'good',
      source: 'ocsp',
      embedded: true,
    });
    const byCa = await pki.respondOcsp(
      buildOcspRequest(cert('lanh-dao-phong'), cert('ca'), { nonce: false }).der,
      { now: NOW, signWithCa: true },
    );
    const r = await judge(query('lanh-dao-phong'), { ocspResponses: [byCa] });
    expect(r).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(r.detail).toContain('by the CA');
  });

  /** An answer "good" about `id`, signed by `by`, naming it as responder. */
  const forged = async (
    id: string,
    by: string,
    options: { responderId?: 'name' | 'key'; producedAt?: Date } = {},
  ) => {
    const q = query(id);
    return buildOcsp({
      signer: signer(by),
      responderId: options.responderId ?? 'name',
      certs: [pki.get(by).certificate],
      producedAt: options.producedAt ?? NOW,
      singles: [
        {
          certId: certIdFor(q.certificate, q.issuer),
          status: 'good',
          thisUpdate: NOW,
          nextUpdate: at(NOW, DAY),
        },
      ],
    });
  };

  it('accepts a hand-made answer from the real delegated responder (the forgery kit works)', async () => {
    for (const responderId of ['name', 'key'] as const) {
      const r = await judge(query('lanh-dao-phong'), {
        ocspResponses: [await forged('lanh-dao-phong', 'ocsp', { responderId })],
      });
      expect(r.status).toBe('good');
    }
  });

  it('refuses an answer about the intermediate CA signed by a certificate the root did not authorise', async () => {
    // 'tsa' is issued by 'ca', not by the root, and is no OCSP responder
    const r = await judge(query('ca'), { ocspResponses: [await forged('ca', 'tsa')] });
    expectRefused(r, /not authorised for this CA: it was not issued by the CA in question/);
  });

  it('refuses a certificate of the right CA without id-kp-OCSPSigning', async () => {
    const r = await judge(query('lanh-dao-phong'), {
      ocspResponses: [await forged('lanh-dao-phong', 'chuyen-vien')],
    });
    expectRefused(r, /lacks id-kp-OCSPSigning/);
  });

  it('refuses the impostor CA that bears the real CA’s name', async () => {
    const r = await judge(query('lanh-dao-phong'), {
      ocspResponses: [await forged('lanh-dao-phong', 'look-alike-ca')],
    });
    expectRefused(r, /signed in the name of the CA, but the signature .* does not verify/);
  });

  it('refuses a responder certified by the impostor CA', async () => {
    const r = await judge(query('lanh-dao-phong'), {
      ocspResponses: [await forged('lanh-dao-phong', 'look-alike-ocsp')],
    });
    expectRefused(r, /its certificate is not signed by the CA/);
  });

  it('refuses another CA (the root) speaking for the issuing CA’s certificates', async () => {
    const r = await judge(query('lanh-dao-phong'), {
      ocspResponses: [await forged('lanh-dao-phong', 'root')],
    });
    expectRefused(r, /not authorised for this CA|no certificate at hand matches/);
  });

  it('refuses a delegated responder outside its validity at producedAt', async () => {
    const r = await judge(query('lanh-dao-phong'), {
      ocspResponses: [await forged('lanh-dao-phong', 'ocsp-expired')],
    });
    expectRefused(r, /not valid at producedAt/);
  });

  it('finds a delegated responder among the certificates carried with the document', async () => {
    const q = query('lanh-dao-phong');
    const bare = await buildOcsp({
      signer: signer('ocsp'),
      producedAt: NOW,
      singles: [
        {
          certId: certIdFor(q.certificate, q.issuer),
          status: 'good',
          thisUpdate: NOW,
          nextUpdate: at(NOW, DAY),
        },
      ],
    });
    expectRefused(
      await judge(q, { ocspResponses: [bare] }),
      /no certificate at hand matches the responder ID/,
    );
    const r = await judge(q, { ocspResponses: [bare], certificates: [pki.get('ocsp').certificate] });
    expect(r.status).toBe('good');
  });
});

describe('OCSP answers that are not about the question', () => {
  it('does not take an answer about another serial', async () => {
    const r = await judge(query('lanh-dao-phong'), { ocspResponses: [await genuine('chuyen-vien')] });
    expectRefused(r, /1 embedded answer\(s\) concern other certificates/);
  });

  it('does not take an answer about the same serial under the impostor CA', async () => {
    const q = query('lanh-dao-phong');
    const r = await judge(q, {
      ocspResponses: [
        await buildOcsp({
          signer: signer('look-alike-ca'),
          producedAt: NOW,
          singles: [
            { certId: certIdFor(q.certificate, cert('look-alike-ca')), status: 'good', thisUpdate: NOW },
          ],
        }),
      ],
    });
    expectRefused(r, /concern other certificates/);
  });

  it('does not take an answer whose CertID names another issuer name', async () => {
    const q = query('lanh-dao-phong');
    const make = (nameHash?: Uint8Array) => {
      const id = certIdFor(q.certificate, q.issuer);
      return buildOcsp({
        signer: signer('ocsp'),
        certs: [pki.get('ocsp').certificate],
        producedAt: NOW,
        singles: [
          {
            certId: nameHash ? { ...id, issuerNameHash: nameHash } : id,
            status: 'good',
            thisUpdate: NOW,
            nextUpdate: at(NOW, DAY),
          },
        ],
      });
    };
    expect((await judge(q, { ocspResponses: [await make()] })).status).toBe('good');
    const otherName = certIdFor(cert('ca'), cert('root')).issuerNameHash; // hash of the root's name
    expectRefused(await judge(q, { ocspResponses: [await make(otherName)] }), /concern other certificates/);
  });

  it('refuses a tampered answer', async () => {
    const good = await genuine('lanh-dao-phong');
    const tampered = tamperProducedAt(good);
    expect(tampered).not.toEqual(good);
    expectRefused(await judge(query('lanh-dao-phong'), { ocspResponses: [tampered] }), /does not verify/);

    const signature = parseOcspResponse(good).basic!.signature;
    const sigFlip = good.slice();
    sigFlip[signature.byteOffset - good.byteOffset + 5]! ^= 0x01;
    expectRefused(await judge(query('lanh-dao-phong'), { ocspResponses: [sigFlip] }), /does not verify/);
  });

  it('passes over malformed evidence without throwing', async () => {
    const r = await judge(query('lanh-dao-phong'), {
      ocspResponses: [new Uint8Array([0x30, 0x03, 0x0a, 0x01]), new Uint8Array(10)],
      crls: [new Uint8Array([1, 2, 3])],
      certificates: [new Uint8Array([0x30, 0x00])],
    });
    expectRefused(r, /embedded OCSP response 1: malformed.*embedded CRL 1: Invalid input/);
  });

  it('reports a responder that refused to answer', async () => {
    const q = query('lanh-dao-phong');
    const tryLater = await pki.respondOcsp(buildOcspRequest(q.certificate, q.issuer).der, {
      forceStatus: 'tryLater',
    });
    expectRefused(await judge(q, { ocspResponses: [tryLater] }), /the responder answered tryLater/);
  });

  it('accepts a bare BasicOCSPResponse, as some CMS carry', async () => {
    const basic = parseOcspResponse(await genuine('revoked')).basic!.der;
    const r = await judge(query('revoked'), { ocspResponses: [basic] });
    expect(r).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
  });

  it('refuses an answer with an unknown critical extension', async () => {
    const q = query('lanh-dao-phong');
    const make = (critical: boolean) =>
      buildOcsp({
        signer: signer('ocsp'),
        certs: [pki.get('ocsp').certificate],
        producedAt: NOW,
        extensions: [extension('1.2.3.4.5', der.nul(), critical)],
        singles: [
          {
            certId: certIdFor(q.certificate, q.issuer),
            status: 'good',
            thisUpdate: NOW,
            nextUpdate: at(NOW, DAY),
          },
        ],
      });
    expect((await judge(q, { ocspResponses: [await make(false)] })).status).toBe('good');
    expectRefused(
      await judge(q, { ocspResponses: [await make(true)] }),
      /unprocessed critical extension 1\.2\.3\.4\.5/,
    );
  });
});

describe('freshness', () => {
  it('does not use a stale answer (nextUpdate and production before the time in question)', async () => {
    const old = await genuine('lanh-dao-phong', at(NOW, -2 * DAY)); // current for 24 hours
    expectRefused(await judge(query('lanh-dao-phong'), { ocspResponses: [old] }), /stale for/);
    // the same answer speaks for a time it covers
    const r = await judge(query('lanh-dao-phong', at(NOW, -1.5 * DAY)), { ocspResponses: [old] });
    expect(r.status).toBe('good');
  });

  it('uses an answer produced after the time in question', async () => {
    const r = await judge(query('lanh-dao-phong', at(NOW, -20 * DAY)), {
      ocspResponses: [await genuine('lanh-dao-phong')],
    });
    expect(r.status).toBe('good');
  });

  it('does not use an answer from the future of the validation time', async () => {
    const future = await genuine('lanh-dao-phong', at(NOW, HOUR));
    expectRefused(await judge(query('lanh-dao-phong'), { ocspResponses: [future] }), /in the future/);
    // within the clock skew it is fine
    const skewed = await genuine('lanh-dao-phong', at(NOW, 2 * 60_000));
    expect((await judge(query('lanh-dao-phong'), { ocspResponses: [skewed] })).status).toBe('good');
  });

  it('does not take "good" established after the certificate expired as proof', async () => {
    const expired = pki.get('expired');
    const whileValid = at(expired.notAfter, -DAY);
    const late = await genuine('expired');
    expectRefused(
      await judge(query('expired', whileValid), { ocspResponses: [late] }),
      /after the certificate expired/,
    );
    // (the delegated responder was not yet certified then: the CA signs)
    const timely = await genuine('expired', whileValid, false, true);
    expect((await judge(query('expired', whileValid), { ocspResponses: [timely] }, NOW)).status).toBe('good');
  });

  it('prefers a revocation over a "good" from another usable answer', async () => {
    const revokedAt = pki.get('revoked').revocation!.at;
    const before = await genuine('revoked', at(revokedAt, -HOUR)); // good, current until revokedAt + 23 h
    const after = await genuine('revoked'); // revoked
    const time = at(revokedAt, HOUR);
    expect((await judge(query('revoked', time), { ocspResponses: [before] })).status).toBe('good');
    const r = await judge(query('revoked', time), { ocspResponses: [before, after] });
    expect(r.status).toBe('revoked');
    expect(r.evidence?.ocspResponses).toEqual([after]);
  });
});

describe('nonces', () => {
  const replaying =
    (answer: Uint8Array): typeof fetch =>
    async (input) =>
      String(input).includes('/ocsp/')
        ? new Response(answer.slice(), { headers: { 'content-type': 'application/ocsp-response' } })
        : new Response('down', { status: 503 });

  it('refuses an answer whose nonce is not the one sent', async () => {
    const replay = await genuine('lanh-dao-phong', NOW, new Uint8Array(32).fill(7));
    const r = await createRevocationChecker({ mode: 'online', fetch: replaying(replay), now: NOW }).check(
      query('lanh-dao-phong'),
    );
    expectRefused(r, /nonce is not the one sent/);
  });

  it('accepts an answer without a nonce (RFC 5019 responders), saying so', async () => {
    const r = await createRevocationChecker({
      mode: 'online',
      fetch: replaying(await genuine('lanh-dao-phong')),
      now: NOW,
    }).check(query('lanh-dao-phong'));
    expect(r.status).toBe('good');
    expect(r.detail).toContain('no nonce echoed');
  });
});
