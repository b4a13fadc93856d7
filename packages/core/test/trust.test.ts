import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '@kyso/testkit';
import { trustDir } from '@kyso/testkit/node';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificatesFrom,
  digest,
  finishCms,
  type KysoError,
  loadTrustProfile,
  parseCertificate,
  prepareCms,
  registerTrustProfile,
  resolveProvider,
  resolveTrustProfile,
  type TrustProfileDefinition,
  toBase64,
  trustProfileNames,
  validatePath,
  validateSignature,
} from '../src/index.js';
import { signWithIdentity } from './support/sign-with-identity.js';

const provider = resolveProvider();
const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex').toUpperCase();

async function rejection(promise: Promise<unknown>): Promise<KysoError> {
  try {
    await promise;
  } catch (error) {
    return error as KysoError;
  }
  throw new Error('expected a rejection');
}

// The pins as ../shared/trust/vn/README.md publishes them (cross-checked there against a second source).
const PUBLISHED = {
  'vgca-rootca-g2.pem': 'F04BA4B459A7C9A1B971AD9B1CB833E695A80C79AEA63B174B66A70EDFE2FDB8',
  'vgca-ca-g2.pem': 'D8CAB7A4AEF92E6BB2509D7C61CEE7B44F3731B2D21074963530277B366FAE4B',
  'neac-vietnam-national-root-ca.pem': 'BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7',
  'vnpt-ca-sha2.pem': '7D6BA5245317F9ED5D8BC765A4634D26AC6340D36B9F584DF3B52D9C4A81A306',
};

describe('built-in Vietnamese trust profiles', () => {
  it('are named vn-gov and vn-public', () => {
    expect(trustProfileNames().slice(0, 2)).toEqual(['vn-gov', 'vn-public']);
  });

  it('hold each certificate under the SHA-256 it is pinned to, recomputed here', async () => {
    const gov = await loadTrustProfile('vn-gov');
    const pub = await loadTrustProfile('vn-public');
    expect([...gov.anchors, ...gov.intermediates].map(sha256)).toEqual([
      PUBLISHED['vgca-rootca-g2.pem'],
      PUBLISHED['vgca-ca-g2.pem'],
    ]);
    expect([...pub.anchors, ...pub.intermediates].map(sha256)).toEqual([
      PUBLISHED['neac-vietnam-national-root-ca.pem'],
      PUBLISHED['vnpt-ca-sha2.pem'],
    ]);
    expect(gov.anchorInfo).toEqual([
      {
        subject: 'CN=RootCA chuyên dùng Chính phủ G2,O=Ban Cơ yếu Chính phủ,C=VN',
        sha256: PUBLISHED['vgca-rootca-g2.pem'],
      },
    ]);
    expect(pub.anchorInfo[0]?.subject).toContain('CN=Vietnam National Root CA');
  });

  // Shown as skipped on a machine without the shared folder; under CI=true trustDir throws instead.
  const dir = trustDir();
  it.skipIf(!dir)('ship byte for byte the certificates in shared/trust/vn', async () => {
    if (!dir) return;
    const shipped = [
      ...(await loadTrustProfile('vn-gov')).anchors,
      ...(await loadTrustProfile('vn-gov')).intermediates,
      ...(await loadTrustProfile('vn-public')).anchors,
      ...(await loadTrustProfile('vn-public')).intermediates,
    ].map(sha256);
    for (const [file, pin] of Object.entries(PUBLISHED)) {
      const [der] = certificatesFrom(new Uint8Array(await readFile(join(dir, file))));
      expect(sha256(der!), file).toBe(pin);
      expect(shipped).toContain(pin);
    }
    const readme = await readFile(join(dir, 'README.md'), 'utf8');
    for (const pin of Object.values(PUBLISHED)) expect(readme).toContain(pin);
  });

  it('have roots only as anchors and keep the government and public stores apart', async () => {
    for (const name of ['vn-gov', 'vn-public']) {
      const p = await loadTrustProfile(name);
      for (const der of p.anchors) expect(parseCertificate(der).selfIssued).toBe(true);
      for (const der of p.intermediates) expect(parseCertificate(der).selfIssued).toBe(false);
    }
    const gov = await loadTrustProfile('vn-gov');
    const pub = await loadTrustProfile('vn-public');
    const govPins = new Set([...gov.anchors, ...gov.intermediates].map(sha256));
    for (const der of [...pub.anchors, ...pub.intermediates]) expect(govPins.has(sha256(der))).toBe(false);
  });

  // The real issuing CAs stand in for a leaf: their signatures are the real roots' signatures.
  it.each([
    ['vn-gov', 'vn-gov', 'TOTAL_PASSED'],
    ['vn-gov', 'vn-public', 'INDETERMINATE'],
    ['vn-public', 'vn-public', 'TOTAL_PASSED'],
    ['vn-public', 'vn-gov', 'INDETERMINATE'],
  ])('a path from the %s issuing CA under profile %s is %s', async (from, under, expected) => {
    const source = await loadTrustProfile(from);
    const profile = await loadTrustProfile(under);
    const r = await validatePath(parseCertificate(source.intermediates[0]!), {
      anchors: profile.anchors.map(parseCertificate),
      pool: profile.intermediates.map(parseCertificate),
      time: new Date('2026-11-28T00:00:00Z'),
      usage: 'any',
      provider,
    });
    expect(r.indication, JSON.stringify(r.errors)).toBe(expected);
    if (expected === 'TOTAL_PASSED')
      expect(r.anchor && sha256(r.anchor.der)).toBe(sha256(source.anchors[0]!));
    else expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('refuses an unknown name, listing the known ones', async () => {
    const e = await rejection(loadTrustProfile('vn-bogus'));
    expect(e.code).toBe('UNKNOWN_TRUST_PROFILE');
    expect(e.message).toContain('vn-gov, vn-public');
  });
});

describe('integrators’ trust profiles', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki({ include: ['lanh-dao-phong'] });
  });
  const pinned = (der: Uint8Array) => ({ der, sha256: sha256(der) });

  it('checks every pin: one changed byte is TRUST_PIN_MISMATCH', () => {
    const root = pki.get('root').certificate;
    const tampered = root.slice();
    tampered[tampered.length - 10]! ^= 1;
    const definition: TrustProfileDefinition = {
      name: 'tampered',
      description: { vi: 'thử', en: 'test' },
      anchors: [{ der: tampered, sha256: sha256(root) }],
    };
    let e: KysoError | undefined;
    try {
      resolveTrustProfile(definition);
    } catch (error) {
      e = error as KysoError;
    }
    expect(e?.code).toBe('TRUST_PIN_MISMATCH');
    expect(e?.message).toContain(sha256(root));
  });

  it('accepts base64 and colon-separated lower-case pins', () => {
    const root = pki.get('root').certificate;
    const pin = sha256(root).toLowerCase().match(/../g)!.join(':');
    const p = resolveTrustProfile({
      name: 'b64',
      description: { vi: 'thử', en: 'test' },
      anchors: [{ base64: toBase64(root), sha256: pin }],
    });
    expect(p.anchorInfo[0]?.sha256).toBe(sha256(root));
  });

  it.each([
    [
      'an intermediate as anchor',
      (p: TestPki) => ({ anchors: [p.get('ca').certificate] }),
      'only roots are anchors',
    ],
    [
      'a root as intermediate',
      (p: TestPki) => ({ anchors: [p.get('root').certificate], intermediates: [p.get('root').certificate] }),
      'is a root',
    ],
    [
      'an end-entity certificate',
      (p: TestPki) => ({
        anchors: [p.get('root').certificate],
        intermediates: [p.get('lanh-dao-phong').certificate],
      }),
      'is not a CA',
    ],
    ['no anchor', () => ({ anchors: [] }), 'at least one anchor'],
  ])('refuses %s with TRUST_PROFILE_INVALID', (_, shape, detail) => {
    const { anchors, intermediates = [] } = shape(pki) as {
      anchors: Uint8Array[];
      intermediates?: Uint8Array[];
    };
    try {
      resolveTrustProfile({
        name: 'bad',
        description: { vi: 'thử', en: 'test' },
        anchors: anchors.map(pinned),
        intermediates: intermediates.map(pinned),
      });
      expect.unreachable();
    } catch (error) {
      expect((error as KysoError).code).toBe('TRUST_PROFILE_INVALID');
      expect((error as KysoError).message).toContain(detail);
    }
  });

  it('registers a profile once, never over a built-in one', () => {
    const definition = {
      name: 'so-noi-vu',
      description: { vi: 'Sở Nội vụ (thử nghiệm)', en: 'Department of Home Affairs (test)' },
      anchors: [pinned(pki.get('root').certificate)],
      intermediates: [pinned(pki.get('ca').certificate)],
    };
    registerTrustProfile(definition);
    expect(trustProfileNames()).toContain('so-noi-vu');
    expect(() => registerTrustProfile(definition)).toThrow(/already exists/);
    expect(() => registerTrustProfile({ ...definition, name: 'vn-gov' })).toThrow(/already exists/);
  });

  // A CMS that carries only the signer's certificate: the profile's intermediate completes the path,
  // and without its anchor the same intermediate does not make the signature trusted.
  it('completes paths with its intermediates, which never end a path', async () => {
    const content = new TextEncoder().encode('Tờ trình số 07');
    const identity = pki.get('lanh-dao-phong');
    const prepared = await prepareCms({
      signerCertificate: identity.certificate,
      contentDigest: await digest('SHA-256', content),
      hash: 'SHA-256',
      scheme: 'RSASSA-PKCS1-v1_5',
      provider,
    });
    const value = await signWithIdentity(identity, prepared.data, 'SHA-256', 'RSASSA-PKCS1-v1_5');
    const cms = await finishCms(prepared.state, value, { certificates: [identity.certificate], provider });
    const profile = await loadTrustProfile('so-noi-vu');
    const validate = (anchors: Uint8Array[], intermediates: Uint8Array[]) =>
      validateSignature({
        cms,
        detached: true,
        contentDigest: (a) => digest(a, content),
        anchors,
        intermediates,
        revocation: { mode: 'off' },
        provider,
      });
    const trusted = await validate(profile.anchors, profile.intermediates);
    expect(trusted.indication, JSON.stringify(trusted.errors)).toBe('TOTAL_PASSED');
    expect(trusted.path?.anchor && sha256(trusted.path.anchor.der)).toBe(profile.anchorInfo[0]?.sha256);
    const withoutIntermediate = await validate(profile.anchors, []);
    expect(withoutIntermediate.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const withoutAnchor = await validate([], profile.intermediates);
    expect(withoutAnchor.indication).toBe('INDETERMINATE');
    expect(withoutAnchor.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });
});
