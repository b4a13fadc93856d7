import { createTestPki, type TestPki } from '@kyso/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../src/asn1/index.js';
import { readPssParameters } from '../src/crypto/algorithm-identifier.js';
import { encodePssParameters } from '../src/crypto/pss-parameters.js';
import { readPublicKey } from '../src/crypto/public-key.js';
import { chooseSignAlgorithm, cscAlgorithms } from '../src/csc/algorithms.js';
import { CscClient } from '../src/csc/client.js';
import { parseCscBaseUrl } from '../src/csc/endpoint.js';
import { cscErrorToKyso } from '../src/csc/errors.js';
import { OID } from '../src/oids.js';
import { CscSigner } from '../src/signers/csc-signer.js';
import { parseCertificate } from '../src/x509/certificate.js';
import { expectKysoError } from './csc-fakes/checks.js';
import { expectedPssParams } from './csc-fakes/v2-server.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki({ include: ['lanh-dao-phong', 'signer-p384'], baseUrl: 'http://127.0.0.1:1' });
}, 120_000);

/** A fetch that answers by path, recording the URLs asked: no network, no server. */
function fakeFetch(answers: Record<string, { status: number; body: unknown } | Error>) {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = String(input);
    urls.push(url);
    const path = new URL(url).pathname;
    const answer = answers[path] ?? { status: 404, body: 'Not Found' };
    if (answer instanceof Error) throw answer;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, { status: answer.status });
  };
  return { fetch, urls };
}

const INFO_V2 = { status: 200, body: { specs: '2.0.0.0', name: 'x', methods: [] } };

describe('CSC error mapping', () => {
  const cases: [string, number, unknown, string, { sentPin?: boolean; sentOtp?: boolean }?][] = [
    [
      'v1 wrong PIN',
      400,
      { error: 'invalid_request', error_description: 'The PIN is invalid' },
      'PIN_INCORRECT',
    ],
    ['invalid_pin', 400, { error: 'invalid_pin' }, 'PIN_INCORRECT'],
    ['v1 PIN locked', 400, { error: 'invalid_request', error_description: 'PIN locked' }, 'PIN_LOCKED'],
    [
      'v2 credential locked',
      400,
      { error: 'invalid_request', error_description: 'Credential locked' },
      'PIN_LOCKED',
    ],
    ['blocked PIN', 400, { error: 'invalid_pin', error_description: 'PIN blocked' }, 'PIN_LOCKED'],
    ['v2 wrong auth data', 400, { error: 'invalid_authentication_data' }, 'PIN_INCORRECT', { sentPin: true }],
    ['v2 wrong OTP only', 400, { error: 'invalid_authentication_data' }, 'OTP_INCORRECT', { sentOtp: true }],
    ['invalid_otp', 400, { error: 'invalid_otp', error_description: 'The OTP is invalid' }, 'OTP_INCORRECT'],
    [
      'unknown credential',
      400,
      { error: 'invalid_request', error_description: 'Invalid parameter credentialID' },
      'KEY_NOT_FOUND',
    ],
    [
      'credential not found',
      404,
      { error: 'invalid_request', error_description: 'Credential not found' },
      'KEY_NOT_FOUND',
    ],
    [
      'expired SAD',
      400,
      { error: 'invalid_request', error_description: 'SAD expired' },
      'CREDENTIAL_NOT_AUTHORIZED',
    ],
    [
      'invalid SAD',
      400,
      { error: 'invalid_request', error_description: 'Invalid parameter SAD' },
      'CREDENTIAL_NOT_AUTHORIZED',
    ],
    [
      'unbound hash',
      400,
      { error: 'invalid_request', error_description: 'Hash is not authorized by the SAD' },
      'CREDENTIAL_NOT_AUTHORIZED',
    ],
    ['invalid token', 401, { error: 'invalid_token' }, 'CREDENTIAL_NOT_AUTHORIZED'],
    ['expired token', 400, { error: 'expired_token' }, 'CREDENTIAL_NOT_AUTHORIZED'],
    ['access denied', 400, { error: 'access_denied' }, 'CREDENTIAL_NOT_AUTHORIZED'],
    ['bare 403', 403, 'Forbidden', 'CREDENTIAL_NOT_AUTHORIZED'],
    [
      'missing parameter',
      400,
      {
        error: 'invalid_request',
        error_description: 'Missing (or invalid type) string parameter credentialID',
      },
      'REMOTE_SIGNER_ERROR',
    ],
    [
      'digest length',
      400,
      { error: 'invalid_request', error_description: 'Invalid digest value length' },
      'REMOTE_SIGNER_ERROR',
    ],
    ['server error', 500, { error: 'server_error' }, 'REMOTE_SIGNER_ERROR'],
    ['html gateway page', 502, '<html>Bad Gateway</html>', 'REMOTE_SIGNER_ERROR'],
  ];
  it.each(cases)('%s', (_, status, body, code, sent) => {
    const error = cscErrorToKyso(body, { method: 'credentials/authorize', status, ...sent });
    expect(error.code).toBe(code);
    expect(String(error.params['detail'])).toContain(`credentials/authorize: HTTP ${status}`);
  });

  it('keeps the service description in params.detail, on one bounded line', () => {
    const error = cscErrorToKyso(
      { error: 'temporarily_unavailable', error_description: `Maintenance\n${'x'.repeat(1000)}` },
      { method: 'signatures/signHash', status: 503 },
    );
    expect(error.code).toBe('REMOTE_SIGNER_ERROR');
    expect(error.params['cscError']).toBe('temporarily_unavailable');
    expect(String(error.params['detail'])).toMatch(
      /^signatures\/signHash: HTTP 503: temporarily_unavailable: Maintenance x+\.\.\.$/,
    );
    expect(String(error.params['detail']).length).toBe(300);
  });

  it('rebuilds a kyso error sent under error or beside the CSC fields', () => {
    const kyso = { name: 'KysoError', code: 'TOKEN_NOT_PRESENT', message: 'x', params: {} };
    expect(cscErrorToKyso({ error: kyso }, { method: 'credentials/authorize', status: 503 }).code).toBe(
      'TOKEN_NOT_PRESENT',
    );
    const beside = { error: 'server_error', error_description: 'token removed', kyso };
    expect(cscErrorToKyso(beside, { method: 'credentials/authorize', status: 500, lang: 'vi' }).message).toBe(
      'Không tìm thấy thiết bị ký (token).',
    );
  });

  it('rebuilds a kyso error through a signer call', async () => {
    const { fetch } = fakeFetch({
      '/csc/v2/credentials/info': {
        status: 404,
        body: {
          error: 'invalid_request',
          error_description: 'no',
          kyso: { name: 'KysoError', code: 'KEY_NOT_FOUND', message: 'gone' },
        },
      },
    });
    const s = new CscSigner({ baseUrl: 'https://csc.example/csc/v2', credentialId: 'c', fetch });
    await expectKysoError(s.certificates(), 'KEY_NOT_FOUND');
  });
});

describe('CSC base URL and version detection', () => {
  it('splits a root from a /csc/vN suffix', () => {
    expect(parseCscBaseUrl('https://sign.example.vn/')).toEqual({ root: 'https://sign.example.vn' });
    expect(parseCscBaseUrl('https://sign.example.vn/api/csc/v2/')).toEqual({
      root: 'https://sign.example.vn/api',
      pinned: 'v2',
    });
    expect(parseCscBaseUrl('https://sign.example.vn/csc/V1')).toEqual({
      root: 'https://sign.example.vn',
      pinned: 'v1',
    });
    expect(parseCscBaseUrl('https://sign.example.vn/csc/v3')).toEqual({
      root: 'https://sign.example.vn/csc/v3',
    });
    expect(() => parseCscBaseUrl('not a url')).toThrow();
    expect(() => parseCscBaseUrl('https://sign.example.vn/?tenant=1')).toThrow(/query/);
    expect(() => parseCscBaseUrl('ftp://sign.example.vn/')).toThrow();
  });

  it('skips a path whose specs has the other major', async () => {
    const { fetch, urls } = fakeFetch({
      '/csc/v2/info': { status: 200, body: { specs: '1.0.4.0' } },
      '/csc/v1/info': { status: 200, body: { specs: '1.0.4.0' } },
    });
    expect(await new CscClient({ baseUrl: 'https://x.example', fetch }).version()).toBe('v1');
    expect(urls).toEqual(['https://x.example/csc/v2/info', 'https://x.example/csc/v1/info']);
  });

  it('says which paths failed when neither version answers', async () => {
    const { fetch } = fakeFetch({ '/csc/v2/info': { status: 500, body: { error: 'server_error' } } });
    const error = await expectKysoError(
      new CscClient({ baseUrl: 'https://x.example', fetch }).version(),
      'REMOTE_SIGNER_ERROR',
    );
    expect(error.params['detail']).toContain('v2: HTTP 500; v1: HTTP 404');
  });

  it('reports a refused token when info needs one', async () => {
    const refused = { status: 401, body: { error: 'invalid_token' } };
    const { fetch } = fakeFetch({ '/csc/v2/info': refused, '/csc/v1/info': refused });
    await expectKysoError(
      new CscClient({ baseUrl: 'https://x.example', fetch }).version(),
      'CREDENTIAL_NOT_AUTHORIZED',
    );
  });

  it('retries detection after a network failure', async () => {
    let down = true;
    const fetch: typeof globalThis.fetch = async (input) => {
      if (down)
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
        });
      return new Response(JSON.stringify(String(input).endsWith('/csc/v2/info') ? INFO_V2.body : {}));
    };
    const client = new CscClient({ baseUrl: 'https://x.example', fetch });
    const error = await expectKysoError(client.version(), 'NETWORK_ERROR');
    expect(error.message).toContain('ECONNREFUSED');
    down = false;
    expect(await client.version()).toBe('v2');
  });
});

describe('CSC malformed answers', () => {
  const cert = () => Buffer.from(pki.get('lanh-dao-phong').certificate).toString('base64');
  const goodInfo = () => ({
    key: { status: 'enabled', algo: [OID.sha256WithRSA], len: 2048 },
    cert: { certificates: [cert()] },
    authMode: 'implicit',
    multisign: 1,
  });
  const signer = (answers: Record<string, { status: number; body: unknown }>) =>
    new CscSigner({
      baseUrl: 'https://x.example/csc/v2',
      credentialId: 'c',
      fetch: fakeFetch(answers).fetch,
    });
  const req = { digest: new Uint8Array(32).fill(7), hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' } as const;

  type Info = ReturnType<typeof goodInfo>;
  it.each<[string, (info: Info) => unknown, string]>([
    ['no key', (i) => ({ ...i, key: undefined }), 'key is not an object'],
    ['algo not an array', (i) => ({ ...i, key: { algo: 'x' } }), 'key.algo'],
    ['no certificate', (i) => ({ ...i, cert: { certificates: [] } }), 'cert.certificates is empty'],
    ['certificate not base64', (i) => ({ ...i, cert: { certificates: ['*'] } }), 'not base64'],
    ['unknown auth mode', (i) => ({ ...i, authMode: 'telepathy' }), 'authorization mode'],
    ['multisign 0', (i) => ({ ...i, multisign: 0 }), 'multisign'],
    ['not JSON', () => '<html/>', 'not a JSON object'],
  ])('credentials/info with %s is REMOTE_SIGNER_ERROR', async (_, body, detail) => {
    const error = await expectKysoError(
      signer({ '/csc/v2/credentials/info': { status: 200, body: body(goodInfo()) } }).certificates(),
      'REMOTE_SIGNER_ERROR',
    );
    expect(error.params['detail']).toContain(detail);
  });

  it('refuses a certificate that does not parse', async () => {
    const body = { ...goodInfo(), cert: { certificates: ['MAA='] } };
    const error = await expectKysoError(
      signer({ '/csc/v2/credentials/info': { status: 200, body } }).certificates(),
      'REMOTE_SIGNER_ERROR',
    );
    expect(error.params['detail']).toContain('does not parse');
  });

  it.each([
    ['no signatures', { status: 200, body: {} }, 'signatures is not an array'],
    ['too few signatures', { status: 200, body: { signatures: [] } }, '0 signatures for 1 hashes'],
    ['a number for a signature', { status: 200, body: { signatures: [1] } }, 'signatures is not an array'],
    ['an ECDSA-sized value for RSA', { status: 200, body: { signatures: ['AAAA'] } }, 'does not verify'],
  ])('signHash with %s is REMOTE_SIGNER_ERROR', async (_, answer, detail) => {
    const s = signer({
      '/csc/v2/credentials/info': { status: 200, body: goodInfo() },
      '/csc/v2/credentials/authorize': { status: 200, body: { SAD: 'sad' } },
      '/csc/v2/signatures/signHash': answer,
    });
    const error = await expectKysoError(s.sign(req), 'REMOTE_SIGNER_ERROR');
    expect(error.params['detail']).toContain(detail);
  });

  it('refuses an authorize answer without a SAD', async () => {
    const s = signer({
      '/csc/v2/credentials/info': { status: 200, body: goodInfo() },
      '/csc/v2/credentials/authorize': { status: 200, body: { sad: 'lowercase' } },
    });
    const error = await expectKysoError(s.sign(req), 'REMOTE_SIGNER_ERROR');
    expect(error.params['detail']).toContain('SAD is not a string');
  });

  it('refuses a disabled key before asking for a PIN', async () => {
    let asked = 0;
    const s = new CscSigner({
      baseUrl: 'https://x.example/csc/v2',
      credentialId: 'c',
      fetch: fakeFetch({
        '/csc/v2/credentials/info': {
          status: 200,
          body: { ...goodInfo(), key: { status: 'disabled', algo: [OID.sha256WithRSA] } },
        },
      }).fetch,
      pin: async () => {
        asked++;
        return '1';
      },
    });
    await expectKysoError(s.sign(req), 'CREDENTIAL_NOT_AUTHORIZED');
    expect(asked).toBe(0);
  });
});

describe('CSC algorithms', () => {
  it('maps key.algo OIDs to hash and scheme for the certificate key', () => {
    const rsaKey = parseCertificate(pki.get('lanh-dao-phong').certificate).publicKey!;
    const p384Key = parseCertificate(pki.get('signer-p384').certificate).publicKey!;
    expect(cscAlgorithms([OID.sha512WithRSA, OID.rsaEncryption, OID.ecdsaSha256, '1.2.3'], rsaKey)).toEqual([
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
    ]);
    expect(
      cscAlgorithms(
        [OID.ecPublicKey, OID.ecdsaSha512, `${OID.ecdsaPlainPrefix}.3`, OID.rsaEncryption],
        p384Key,
      ),
    ).toEqual([
      { scheme: 'ECDSA', hash: 'SHA-384' },
      { scheme: 'ECDSA', hash: 'SHA-512' },
      { scheme: 'ECDSA', hash: 'SHA-256' },
    ]);
    expect(
      chooseSignAlgorithm([OID.ecPublicKey, OID.ecdsaSha384], p384Key, { scheme: 'ECDSA', hash: 'SHA-384' }),
    ).toEqual({
      signAlgo: OID.ecdsaSha384,
      hashAlgorithmOid: OID.sha384,
    });
    expect(
      chooseSignAlgorithm([OID.rsaEncryption], rsaKey, { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }),
    ).toEqual({
      signAlgo: OID.rsaEncryption,
      hashAlgorithmOid: OID.sha256,
    });
    expect(() =>
      chooseSignAlgorithm([OID.ecPublicKey], p384Key, { scheme: 'ECDSA', hash: 'SHA-256' }),
    ).toThrow(/Unsupported algorithm/);
    expect(readPublicKey(decode(rsaKey.spki))?.kind).toBe('RSA');
  });

  it('writes RSASSA-PSS-params that read back as hash, MGF1 and salt', () => {
    for (const [hash, fake, oid, salt] of [
      ['SHA-256', 'sha256', OID.sha256, 32],
      ['SHA-384', 'sha384', OID.sha384, 48],
      ['SHA-512', 'sha512', OID.sha512, 64],
    ] as const) {
      const der = encodePssParameters(hash);
      expect(Buffer.from(der).toString('base64')).toBe(expectedPssParams(fake));
      expect(readPssParameters(decode(der))).toEqual({
        hashOid: oid,
        mgfOid: OID.mgf1,
        mgfHashOid: oid,
        saltLength: salt,
        trailerField: 1,
      });
    }
  });
});
