import { createTestPki, type TestPki } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { der } from '../src/asn1/index.js';
import { OID } from '../src/oids.js';
import { createRevocationChecker } from '../src/revocation/checker.js';
import type { RevocationQuery } from '../src/revocation/types.js';
import { parseCertificate } from '../src/x509/certificate.js';
import {
  at,
  buildCrl,
  DAY,
  type Embedded,
  embeddedCheck,
  expectRefused,
  extension,
  HOUR,
} from './revocation-helpers.js';

/** CRLs that must not be believed, each beside the genuine CRL being accepted ('embedded' mode). */

let pki: TestPki;
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

const cert = (id: string) => parseCertificate(pki.get(id).certificate);
const query = (id: string, time = NOW): RevocationQuery => ({
  certificate: cert(id),
  issuer: cert(pki.get(id).issuer!.id),
  time,
});
const judge = (q: RevocationQuery, embedded: Embedded) => embeddedCheck(q, embedded, NOW);
const signer = (id: string) => pki.get(id);

beforeAll(async () => {
  pki = await createTestPki({
    now: NOW,
    baseUrl: 'http://127.0.0.1:1',
    include: ['lanh-dao-phong', 'revoked', 'expired', 'look-alike'],
  });
});

describe('CRLs', () => {
  it('accepts the CA’s own CRL', async () => {
    const crl = await pki.crl('ca', { now: NOW });
    expect(await judge(query('lanh-dao-phong'), { crls: [crl] })).toMatchObject({
      status: 'good',
      source: 'crl',
    });
    expect(await judge(query('revoked'), { crls: [crl] })).toMatchObject({
      status: 'revoked',
      source: 'crl',
      reason: 'keyCompromise',
      revocationTime: pki.get('revoked').revocation!.at,
    });
  });

  it('refuses a CRL signed by the impostor CA with the same name', async () => {
    const crl = await pki.crl('look-alike-ca', { now: NOW });
    expectRefused(
      await judge(query('lanh-dao-phong'), { crls: [crl] }),
      /not signed by the CA: the signature .* does not verify/,
    );
  });

  it('refuses a CRL of another CA', async () => {
    const crl = await pki.crl('root', { now: NOW });
    expectRefused(
      await judge(query('lanh-dao-phong'), { crls: [crl] }),
      /issued by .*not by the certificate's issuer/,
    );
  });

  it('refuses a tampered CRL', async () => {
    const crl = await pki.crl('ca', { now: NOW });
    const tampered = crl.slice();
    tampered[tampered.length - 10]! ^= 0x40;
    expectRefused(await judge(query('revoked'), { crls: [tampered] }), /does not verify/);
  });

  it('says in detail why a delta CRL or a scoped CRL is not used', async () => {
    const make = (ext: Uint8Array) =>
      buildCrl({ signer: signer('ca'), thisUpdate: NOW, nextUpdate: at(NOW, DAY), extensions: [ext] });
    expect(
      (await judge(query('lanh-dao-phong'), { crls: [await make(extension(OID.cRLNumber, der.int(5)))] }))
        .status,
    ).toBe('good');
    expectRefused(
      await judge(query('lanh-dao-phong'), {
        crls: [await make(extension(OID.deltaCRLIndicator, der.int(4), true))],
      }),
      /delta CRL \(critical deltaCRLIndicator\)/,
    );
    expectRefused(
      await judge(query('lanh-dao-phong'), {
        crls: [await make(extension(OID.issuingDistributionPoint, der.seq(), true))],
      }),
      /critical issuingDistributionPoint: kyso does not process distribution-point scopes/,
    );
  });

  it('does not use a stale CRL, and reads a revocation after the time in question as good', async () => {
    const stale = await pki.crl('ca', { now: at(NOW, -3 * DAY) });
    expectRefused(await judge(query('lanh-dao-phong'), { crls: [stale] }), /stale for/);
    const revocation = pki.get('revoked').revocation!;
    const r = await judge(query('revoked', at(revocation.at, -HOUR)), {
      crls: [await pki.crl('ca', { now: NOW })],
    });
    expect(r.status).toBe('good');
    expect(r.detail).toContain('revoked later');
  });

  it('does not use a CRL from the future of the validation time', async () => {
    const future = await pki.crl('ca', { now: at(NOW, HOUR) });
    expectRefused(await judge(query('lanh-dao-phong'), { crls: [future] }), /thisUpdate .* is in the future/);
  });

  it('does not take absence from a CRL issued after the expiry as proof, unless it keeps expired entries', async () => {
    const expired = pki.get('expired');
    const whileValid = at(expired.notAfter, -DAY);
    const crl = await pki.crl('ca', { now: NOW });
    expectRefused(
      await judge(query('expired', whileValid), { crls: [crl] }),
      /after the certificate expired/,
    );
    const keeping = (since: Date) =>
      buildCrl({
        signer: signer('ca'),
        thisUpdate: NOW,
        nextUpdate: at(NOW, DAY),
        extensions: [extension(OID.expiredCertsOnCRL, der.generalizedTime(since))],
      });
    const kept = await judge(query('expired', whileValid), {
      crls: [await keeping(at(expired.notAfter, -30 * DAY))],
    });
    expect(kept).toMatchObject({ status: 'good', source: 'crl' });
    expectRefused(
      await judge(query('expired', whileValid), { crls: [await keeping(at(expired.notAfter, DAY))] }),
      /after the certificate expired/,
    );
  });

  it('refuses a CRL from a CA whose key usage lacks cRLSign', async () => {
    // 'ca' has keyCertSign and cRLSign; a CRL "issued" with chuyen-vien as issuer certificate does not
    const q = query('lanh-dao-phong');
    const r = await createRevocationChecker({
      mode: 'embedded',
      now: NOW,
      embedded: { crls: [await pki.crl('ca', { now: NOW })] },
    }).check({ ...q, issuer: { ...q.issuer, keyUsage: new Set(['keyCertSign']) } });
    expectRefused(r, /does not include cRLSign/);
  });
});
