import { createTestPki, type TestPki } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTimestampRequest,
  checkTimestampToken,
  digest,
  finishCms,
  parseTimestampResponse,
  prepareCms,
  resolveProvider,
  validateSignature,
} from '../../src/index.js';
import { signWithIdentity } from '../support/sign-with-identity.js';

/**
 * A representative slice of core in Chromium, with no Node at all: the testkit PKI (pkijs on
 * WebCrypto), CMS prepare/finish and verification, and RFC 3161 tokens from testkit's TSA logic.
 */
let pki: TestPki;
const provider = resolveProvider();
const content = new TextEncoder().encode('Văn bản ký trong trình duyệt');

beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong', 'signer-p256', 'tsa'] });
});

describe('core in Chromium', () => {
  it('is really a browser', () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
  });

  it.each([
    ['lanh-dao-phong', 'RSASSA-PKCS1-v1_5'],
    ['lanh-dao-phong', 'RSASSA-PSS'],
    ['signer-p256', 'ECDSA'],
  ] as const)('signs and verifies CMS with %s (%s)', async (id, scheme) => {
    const identity = pki.get(id);
    const prepared = await prepareCms({
      signerCertificate: identity.certificate,
      contentDigest: await digest('SHA-256', content),
      hash: 'SHA-256',
      scheme,
      provider,
    });
    const value = await signWithIdentity(identity, prepared.data, 'SHA-256', scheme);
    const cms = await finishCms(prepared.state, value, { certificates: identity.chain, provider });
    const ok = await validateSignature({
      cms,
      detached: true,
      contentDigest: (a) => digest(a, content),
      anchors: [pki.get('root').certificate],
      revocation: { mode: 'off' },
    });
    expect(ok.indication).toBe('TOTAL_PASSED');
    const bad = await validateSignature({
      cms,
      detached: true,
      contentDigest: (a) => digest(a, new Uint8Array([1])),
      anchors: [pki.get('root').certificate],
      revocation: { mode: 'off' },
    });
    expect(bad.subIndication).toBe('HASH_FAILURE');
  });

  it('checks RFC 3161 tokens: imprint, nonce, TSA certificate', async () => {
    const imprint = await digest('SHA-256', content);
    const request = buildTimestampRequest({ hash: 'SHA-256', digest: imprint });
    const response = parseTimestampResponse(await pki.respondTimestamp(request.der));
    expect(response.status).toBe(0);
    const good = await checkTimestampToken(response.token!, {
      messageImprint: async () => imprint,
      nonce: request.nonce!,
      provider,
    });
    expect(good.indication).toBe('TOTAL_PASSED');
    const other = await checkTimestampToken(response.token!, {
      messageImprint: async () => new Uint8Array(32),
      provider,
    });
    expect(other.subIndication).toBe('HASH_FAILURE');
    const nonce = await checkTimestampToken(response.token!, {
      messageImprint: async () => imprint,
      nonce: new Uint8Array([1, 2, 3]),
      provider,
    });
    expect(nonce.indication).toBe('TOTAL_FAILED');
  });
});

describe('path validation with revocation in Chromium (OCSP and CRL answered by a fetch the page injects)', () => {
  it('good, revoked and unavailable', async () => {
    const small = await createTestPki({ include: ['lanh-dao-phong', 'revoked'], baseUrl: 'http://pki.test' });
    let ocspUp = true;
    // the injected fetch stands in for the node-adapter's revocation helper
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      if (url.pathname.startsWith('/ocsp/') && ocspUp) {
        const body = new Uint8Array(await new Response(init?.body as BodyInit).arrayBuffer());
        return new Response(new Uint8Array(await small.respondOcsp(body)), {
          headers: { 'content-type': 'application/ocsp-response' },
        });
      }
      if (url.pathname.startsWith('/crl/'))
        return new Response(new Uint8Array(await small.crl(url.pathname.slice(5, -4))), {
          headers: { 'content-type': 'application/pkix-crl' },
        });
      return new Response('down', { status: 503 });
    }) as typeof fetch;
    const { createRevocationChecker, parseCertificate, validatePath } = await import('../../src/index.js');
    const check = (id: string) =>
      validatePath(parseCertificate(small.get(id).certificate), {
        anchors: [parseCertificate(small.get('root').certificate)],
        pool: [parseCertificate(small.get('ca').certificate)],
        time: new Date(),
        revocation: createRevocationChecker({ mode: 'online', fetch: fetchFn }),
        usage: 'signature',
        provider,
      });
    expect((await check('lanh-dao-phong')).indication).toBe('TOTAL_PASSED');
    expect((await check('revoked')).subIndication).toBe('REVOKED_NO_POE');
    ocspUp = false;
    expect((await check('lanh-dao-phong')).revocation?.source).toBe('crl');
  });
});
