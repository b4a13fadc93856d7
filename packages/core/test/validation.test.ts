import { type PkiServer, startTestPki } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRevocationChecker,
  digest,
  finishCms,
  parseCertificate,
  prepareCms,
  resolveProvider,
  validatePath,
  validateSignature,
} from '../src/index.js';
import { signWithIdentity } from './support/sign-with-identity.js';

let server: PkiServer;
const provider = resolveProvider();
const content = new TextEncoder().encode('Báo cáo tháng 11');

beforeAll(async () => {
  server = await startTestPki({
    include: [
      'lanh-dao-phong',
      'revoked',
      'expired',
      'not-yet-valid',
      'look-alike',
      'wrong-key-usage',
      'legacy-sha1',
      'legacy-rsa1024',
      'tsa',
    ],
  });
});
afterAll(() => server.close());

const cert = (id: string) => parseCertificate(server.pki.get(id).certificate);
const anchors = () => [cert('root')];
const pool = () => [cert('ca'), cert('look-alike-ca')];

async function path(id: string, mode: 'online' | 'embedded' = 'online', time = new Date()) {
  return validatePath(cert(id), {
    anchors: anchors(),
    pool: pool(),
    time,
    revocation: createRevocationChecker({ mode, fetch: globalThis.fetch }),
    usage: 'signature',
    provider,
  });
}

describe('certificate paths with testkit OCSP and CRL servers', () => {
  it('passes a valid signer, asking OCSP', async () => {
    const before = server.requests.ocsp;
    const r = await path('lanh-dao-phong');
    expect(r.indication, JSON.stringify(r.errors)).toBe('TOTAL_PASSED');
    expect(r.chain.map((c) => c.serialHex)).toEqual([
      server.pki.get('lanh-dao-phong').serialNumberHex,
      server.pki.get('ca').serialNumberHex,
      server.pki.get('root').serialNumberHex,
    ]);
    expect(r.revocation).toMatchObject({ status: 'good', source: 'ocsp', embedded: false });
    expect(server.requests.ocsp).toBeGreaterThan(before);
  });

  it('revoked → REVOKED_NO_POE; expired and not yet valid → OUT_OF_BOUNDS_NO_POE', async () => {
    const revoked = await path('revoked');
    expect([revoked.indication, revoked.subIndication]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE']);
    expect(revoked.revocation?.reason).toBe('keyCompromise');
    expect((await path('expired')).subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    expect((await path('not-yet-valid')).subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('the look-alike (same names, other keys) → NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const r = await path('look-alike');
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND']);
    expect(r.anchor).toBeUndefined();
  });

  it('wrong key usage → CHAIN_CONSTRAINTS_FAILURE', async () => {
    expect((await path('wrong-key-usage')).subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE');
  });

  it('OCSP down → the CRL answers; both down → TRY_LATER, never valid', async () => {
    server.outage.ocsp = 'unavailable';
    const crlBefore = server.requests.crl;
    const viaCrl = await path('lanh-dao-phong');
    expect(viaCrl.indication).toBe('TOTAL_PASSED');
    expect(viaCrl.revocation).toMatchObject({ status: 'good', source: 'crl' });
    expect(server.requests.crl).toBeGreaterThan(crlBefore);
    const revokedViaCrl = await path('revoked');
    expect(revokedViaCrl.subIndication).toBe('REVOKED_NO_POE');
    server.outage.crl = 'reset';
    const none = await path('lanh-dao-phong');
    server.outage.ocsp = server.outage.crl = 'none';
    expect([none.indication, none.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    // mode embedded with nothing embedded: never valid either
    const embedded = await path('lanh-dao-phong', 'embedded');
    expect(embedded.subIndication).toBe('TRY_LATER');
  });

  it('finds the path whatever the order of the certificates at hand, ignoring extras', async () => {
    const r = await validatePath(cert('lanh-dao-phong'), {
      anchors: anchors(),
      pool: [cert('tsa'), cert('look-alike-ca'), cert('ca'), cert('revoked')].reverse(),
      time: new Date(),
      usage: 'signature',
      provider,
    });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.warnings.map((w) => w.code)).toContain('REVOCATION_NOT_CHECKED');
  });

  it('reports weak algorithms in the path (SHA-1 certificate, RSA-1024 key)', async () => {
    const sha1 = await validatePath(cert('legacy-sha1'), {
      anchors: anchors(),
      pool: pool(),
      time: new Date(),
      usage: 'signature',
      provider,
    });
    expect(sha1.weakAlgorithms.map((w) => w.detail).join()).toMatch(/SHA-1/);
    const rsa = await validatePath(cert('legacy-rsa1024'), {
      anchors: anchors(),
      pool: pool(),
      time: new Date(),
      usage: 'signature',
      provider,
    });
    expect(rsa.weakAlgorithms.map((w) => w.detail).join()).toMatch(/1024-bit RSA/);
  });
});

describe('signatures: time-stamps as proof of existence, weak-algorithm policy', () => {
  async function sign(id: string, withTimestamp: boolean) {
    const identity = server.pki.get(id);
    const prepared = await prepareCms({
      signerCertificate: identity.certificate,
      contentDigest: await digest('SHA-256', content),
      hash: 'SHA-256',
      scheme: 'RSASSA-PKCS1-v1_5',
      provider,
    });
    const value = await signWithIdentity(identity, prepared.data, 'SHA-256', 'RSASSA-PKCS1-v1_5');
    const { signatureTimestampAttribute } = await import('../src/index.js');
    const unsigned = withTimestamp
      ? [await signatureTimestampAttribute(value, 'SHA-256', { url: server.urls.tsa }, provider)]
      : [];
    return finishCms(prepared.state, value, { certificates: identity.chain.slice(0, -1), provider }).then(
      async (plain) => {
        if (!withTimestamp) return plain;
        const { assembleCms } = await import('../src/index.js');
        return assembleCms(prepared.state, value, {
          certificates: identity.chain.slice(0, -1),
          unsignedAttributes: unsigned,
        });
      },
    );
  }
  const validate = (cms: Uint8Array, extra: Partial<Parameters<typeof validateSignature>[0]> = {}) =>
    validateSignature({
      cms,
      detached: true,
      contentDigest: (a) => digest(a, content),
      anchors: [server.pki.get('root').certificate],
      revocation: { mode: 'online', fetch: globalThis.fetch },
      ...extra,
    });

  it('a B-T signature reports its time-stamp and validates its TSA', async () => {
    const v = await validate(await sign('lanh-dao-phong', true));
    expect(v.indication, JSON.stringify(v.errors)).toBe('TOTAL_PASSED');
    expect(v.timestamps[0]?.indication).toBe('TOTAL_PASSED');
    expect(v.atSigningTime).toMatchObject({ basis: 'timestamp', certificateValid: true, revocation: 'good' });
  });

  it('a certificate revoked after a time-stamped signature: valid at the time-stamp time', async () => {
    const cms = await sign('lanh-dao-phong', true);
    const untimedCms = await sign('lanh-dao-phong', false);
    // revoked just after the time-stamp; answers carry whole seconds, so ask once the next second began
    const at = Math.ceil((Date.now() + 1) / 1000) * 1000;
    server.pki.revoke('lanh-dao-phong', { at: new Date(at), reason: 'affiliationChanged' });
    await new Promise((r) => setTimeout(r, at - Date.now() + 50));
    try {
      const v = await validate(cms);
      expect(v.indication, JSON.stringify(v.errors)).toBe('TOTAL_PASSED');
      expect(v.warnings.map((w) => w.code)).toContain('VALIDATED_AT_TIMESTAMP');
      const untimed = await validate(untimedCms);
      expect(untimed.subIndication).toBe('REVOKED_NO_POE');
    } finally {
      server.pki.get('lanh-dao-phong').revocation = undefined;
    }
  });

  it('SHA-1 or RSA-1024 without an earlier proof is CRYPTO_CONSTRAINTS_FAILURE_NO_POE unless accepted', async () => {
    const cms = await sign('legacy-rsa1024', false);
    const strict = await validate(cms);
    expect([strict.indication, strict.subIndication]).toEqual([
      'INDETERMINATE',
      'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
    ]);
    expect(strict.errors.map((e) => e.code)).toContain('WEAK_ALGORITHM');
    const accepted = await validate(cms, { weakAlgorithms: 'accept' });
    expect(accepted.indication).toBe('TOTAL_PASSED');
    expect(accepted.warnings.map((w) => w.code)).toContain('WEAK_ALGORITHM');
  });
});
