import { randomBytes } from 'node:crypto';
import { createTestPki, type TestIdentity, type TestPki } from '@kyso/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derToRaw } from '../src/crypto/ecdsa-encoding.js';
import { CscClient } from '../src/csc/client.js';
import { OID } from '../src/oids.js';
import { CscSigner, type CscSignerOptions } from '../src/signers/csc-signer.js';
import type { SignRequest } from '../src/signers/signer.js';
import { expectKysoError, expectOnlyDigests, sha } from './csc-fakes/checks.js';
import { coreVerifies } from './csc-fakes/core-judge.js';
import { startJsonServer } from './csc-fakes/http.js';
import { opensslVerifies } from './csc-fakes/openssl-judge.js';
import { type FakeV2, startCscV2 } from './csc-fakes/v2-server.js';

const TOKEN = 'v2-access-token';
const PIN = '246810';
const SLOW = 60_000;

let pki: TestPki;
let rsa: TestIdentity;
let p256: TestIdentity;
let p384: TestIdentity;
let server: FakeV2;

beforeAll(async () => {
  pki = await createTestPki({
    include: ['lanh-dao-phong', 'signer-p256', 'signer-p384'],
    baseUrl: 'http://127.0.0.1:1',
  });
  rsa = pki.get('lanh-dao-phong');
  p256 = pki.get('signer-p256');
  p384 = pki.get('signer-p384');
  const rsaAlgos = [OID.sha256WithRSA, OID.sha384WithRSA];
  server = await startCscV2({
    token: TOKEN,
    credentials: [
      { id: 'rsa-pkcs1', identity: rsa, algos: rsaAlgos, auth: 'objects', pin: PIN, scal: '2', multisign: 5 },
      { id: 'rsa-pss', identity: rsa, algos: [OID.rsassaPss], auth: 'fields', pin: PIN, multisign: 1 },
      { id: 'p256-raw', identity: p256, algos: [OID.ecdsaSha256], auth: 'objects', pin: PIN, ecdsa: 'raw' },
      { id: 'p384-der', identity: p384, algos: [OID.ecPublicKey], auth: 'objects', pin: PIN, ecdsa: 'der' },
      {
        id: 'approval',
        identity: rsa,
        algos: [OID.rsaEncryption],
        auth: 'objects',
        pin: PIN,
        approvalPolls: 2,
      },
      { id: 'oauth', identity: p256, algos: [OID.ecdsaSha256], auth: 'oauth2code', ecdsa: 'der' },
      { id: 'bogus', identity: rsa, algos: rsaAlgos, auth: 'objects', pin: PIN, bogus: true },
      { id: 'lockable', identity: rsa, algos: rsaAlgos, auth: 'objects', pin: PIN },
      { id: 'slow', identity: rsa, algos: rsaAlgos, auth: 'objects', pin: PIN, hangAuthorize: true },
    ],
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

function signer(credentialId: string, extra: Partial<CscSignerOptions> = {}) {
  const prompts = { pin: 0 };
  const s = new CscSigner({
    baseUrl: server.url,
    credentialId,
    accessToken: TOKEN,
    pin: async () => {
      prompts.pin++;
      return PIN;
    },
    ...extra,
  });
  return { signer: s, prompts };
}

function request(scheme: SignRequest['scheme'], hash: SignRequest['hash']): SignRequest {
  const data = randomBytes(200);
  return { digest: sha(hash, data), hash, scheme, data };
}

/** The requests the fake saw while `run` ran. */
async function seen<T>(run: () => Promise<T>) {
  const from = server.requests.length;
  const result = await run();
  return { result, requests: server.requests.slice(from) };
}

/** The methods called, version detection (info) left out: it is tested on its own. */
const methodsOf = (requests: { path: string }[]) =>
  requests.map((r) => r.path.replace('/csc/v2/', '')).filter((m) => m !== 'info');

describe('CSC v2: discovery', () => {
  it('detects v2 from info, lists credentials and reads the chain and algorithms', async () => {
    const client = new CscClient({ baseUrl: server.url, accessToken: TOKEN });
    const { requests } = await seen(async () => {
      expect(await client.version()).toBe('v2');
      expect((await client.info()).specs).toBe('2.0.0.2');
    });
    expect(requests.map((r) => r.path)).toEqual(['/csc/v2/info']);
    expect(await client.listCredentials()).toContain('rsa-pss');

    const { signer: s } = signer('rsa-pkcs1');
    const certificates = await s.certificates();
    expect(certificates.map((c) => Buffer.from(c).toString('hex'))).toEqual(
      rsa.chain.map((c) => Buffer.from(c).toString('hex')),
    );
    expect(await s.algorithms()).toEqual([
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
    ]);
    const info = await s.credential();
    expect(info).toMatchObject({ authMode: 'explicit', pin: 'required', scal: '2', multisign: 5 });
    expect(info.authObjects?.map((o) => o.id)).toEqual(['PIN']);
    const infoRequest = server.requests.findLast((r) => r.path === '/csc/v2/credentials/info');
    expect(infoRequest?.body).toMatchObject({ credentialID: 'rsa-pkcs1', certificates: 'chain' });

    expect(await signer('rsa-pss').signer.algorithms()).toEqual([
      { scheme: 'RSASSA-PSS', hash: 'SHA-256' },
      { scheme: 'RSASSA-PSS', hash: 'SHA-384' },
      { scheme: 'RSASSA-PSS', hash: 'SHA-512' },
    ]);
    expect(await signer('p384-der').signer.algorithms()).toEqual([{ scheme: 'ECDSA', hash: 'SHA-384' }]);
    expect(await signer('p256-raw').signer.algorithms()).toEqual([{ scheme: 'ECDSA', hash: 'SHA-256' }]);
  });

  it('takes the version from a base URL ending in /csc/v2 without asking info', async () => {
    const client = new CscClient({ baseUrl: `${server.url}/csc/v2/`, accessToken: TOKEN });
    const { requests } = await seen(async () => {
      expect(await client.version()).toBe('v2');
      expect(await client.listCredentials()).toContain('oauth');
    });
    expect(requests.map((r) => r.path)).toEqual(['/csc/v2/credentials/list']);
    expect(() => new CscClient({ baseUrl: `${server.url}/csc/v2`, version: 'v1' })).toThrow(/contradicts/);
  });
});

describe('CSC v2: signing', () => {
  it(
    'signs RSA PKCS#1 with only the digest sent, bound to the SAD, verified by core and openssl',
    async () => {
      const { signer: s, prompts } = signer('rsa-pkcs1', { accessToken: async () => TOKEN });
      for (const hash of ['SHA-256', 'SHA-384'] as const) {
        const req = request('RSASSA-PKCS1-v1_5', hash);
        const { result, requests } = await seen(() => s.sign(req));
        expect(await coreVerifies(rsa.certificate, req, result)).toBe(true);
        expect(await opensslVerifies(rsa, req.scheme, hash, req.digest, result)).toBe(true);
        expectOnlyDigests(requests, [req.digest], [req.data!]);
        const authorize = requests.find((r) => r.path.endsWith('credentials/authorize'))!;
        expect(authorize.body['authData']).toEqual([{ id: 'PIN', value: PIN }]);
        expect(authorize.body['hashAlgorithmOID']).toBe(hash === 'SHA-256' ? OID.sha256 : OID.sha384);
        const signHash = requests.find((r) => r.path.endsWith('signatures/signHash'))!;
        expect(signHash.body['signAlgo']).toBe(hash === 'SHA-256' ? OID.sha256WithRSA : OID.sha384WithRSA);
        expect(signHash.body['hashAlgorithmOID']).toBe(authorize.body['hashAlgorithmOID']);
        // the judges can fail: a changed byte does not verify
        const broken = result.slice();
        broken[10]! ^= 1;
        expect(await coreVerifies(rsa.certificate, req, broken)).toBe(false);
        expect(await opensslVerifies(rsa, req.scheme, hash, req.digest, broken)).toBe(false);
      }
      expect(prompts.pin).toBe(2);
    },
    SLOW,
  );

  it(
    'signs RSA-PSS with the PSS parameters the service expects (v2.0.0.0 PIN field)',
    async () => {
      const { signer: s } = signer('rsa-pss');
      const req = request('RSASSA-PSS', 'SHA-256');
      const { result, requests } = await seen(() => s.sign(req));
      expect(await coreVerifies(rsa.certificate, req, result)).toBe(true);
      expect(await opensslVerifies(rsa, 'RSASSA-PSS', 'SHA-256', req.digest, result)).toBe(true);
      expect(await opensslVerifies(rsa, 'RSASSA-PKCS1-v1_5', 'SHA-256', req.digest, result)).toBe(false);
      expectOnlyDigests(requests, [req.digest], [req.data!]);
      const authorize = requests.find((r) => r.path.endsWith('credentials/authorize'))!;
      expect(authorize.body['PIN']).toBe(PIN);
      expect(authorize.body).not.toHaveProperty('authData');
      const signHash = requests.find((r) => r.path.endsWith('signatures/signHash'))!;
      expect(signHash.body).toMatchObject({ signAlgo: OID.rsassaPss, hashAlgorithmOID: OID.sha256 });
    },
    SLOW,
  );

  it(
    'turns an r‖s ECDSA P-256 answer into DER',
    async () => {
      const req = request('ECDSA', 'SHA-256');
      const { result, requests } = await seen(() => signer('p256-raw').signer.sign(req));
      const signHash = requests.find((r) => r.path.endsWith('signatures/signHash'))!;
      expect(signHash.body).toMatchObject({ signAlgo: OID.ecdsaSha256, hashAlgorithmOID: OID.sha256 });
      expect(result[0]).toBe(0x30);
      expect(derToRaw(result, 32)).toBeDefined();
      expect(await coreVerifies(p256.certificate, req, result)).toBe(true);
      expect(await opensslVerifies(p256, 'ECDSA', 'SHA-256', req.digest, result)).toBe(true);
      expectOnlyDigests(requests, [req.digest], [req.data!]);
    },
    SLOW,
  );

  it(
    'keeps a DER ECDSA P-384 answer, asking with id-ecPublicKey and the hash OID',
    async () => {
      const req = request('ECDSA', 'SHA-384');
      const { result, requests } = await seen(() => signer('p384-der').signer.sign(req));
      const signHash = requests.find((r) => r.path.endsWith('signatures/signHash'))!;
      expect(signHash.body).toMatchObject({ signAlgo: OID.ecPublicKey, hashAlgorithmOID: OID.sha384 });
      expect(result[0]).toBe(0x30);
      expect(derToRaw(result, 48)).toBeDefined();
      expect(await coreVerifies(p384.certificate, req, result)).toBe(true);
      expect(await opensslVerifies(p384, 'ECDSA', 'SHA-384', req.digest, result)).toBe(true);
      expectOnlyDigests(requests, [req.digest], [req.data!]);
    },
    SLOW,
  );

  it(
    'signs three digests with one PIN, one authorize and one signHash',
    async () => {
      const { signer: s, prompts } = signer('rsa-pkcs1');
      await s.credential();
      const reqs = [1, 2, 3].map(() => request('RSASSA-PKCS1-v1_5', 'SHA-256'));
      const { result, requests } = await seen(() => s.signMany(reqs));
      expect(methodsOf(requests)).toEqual(['credentials/authorize', 'signatures/signHash']);
      expect(requests[0]!.body['numSignatures']).toBe(3);
      expect(requests[0]!.body['hashes']).toHaveLength(3);
      expect(requests[1]!.body['hashes']).toHaveLength(3);
      expect(prompts.pin).toBe(1);
      for (const [i, req] of reqs.entries()) {
        expect(await coreVerifies(rsa.certificate, req, result[i]!)).toBe(true);
        expect(await opensslVerifies(rsa, req.scheme, req.hash, req.digest, result[i]!)).toBe(true);
      }
      expectOnlyDigests(
        requests,
        reqs.map((r) => r.digest),
        reqs.map((r) => r.data!),
      );
    },
    SLOW,
  );

  it('authorizes again beyond multisign, asking the PIN once', async () => {
    const { signer: s, prompts } = signer('rsa-pss');
    await s.credential();
    const reqs = [request('RSASSA-PSS', 'SHA-256'), request('RSASSA-PSS', 'SHA-256')];
    const { result, requests } = await seen(() => s.signMany(reqs));
    expect(methodsOf(requests)).toEqual([
      'credentials/authorize',
      'signatures/signHash',
      'credentials/authorize',
      'signatures/signHash',
    ]);
    expect(prompts.pin).toBe(1);
    for (const [i, req] of reqs.entries())
      expect(await coreVerifies(rsa.certificate, req, result[i]!)).toBe(true);
  });

  it('waits for an approval the service reports with 202 and a handle', async () => {
    const s = new CscSigner({
      baseUrl: server.url,
      credentialId: 'approval',
      accessToken: TOKEN,
      pin: async () => PIN,
      pollIntervalMs: 10,
    });
    const req = request('RSASSA-PKCS1-v1_5', 'SHA-512');
    const { result, requests } = await seen(() => s.sign(req));
    expect(methodsOf(requests)).toEqual([
      'credentials/info',
      'credentials/authorize',
      'credentials/authorizeCheck',
      'credentials/authorizeCheck',
      'signatures/signHash',
    ]);
    expect(requests.at(-1)!.body).toMatchObject({
      signAlgo: OID.rsaEncryption,
      hashAlgorithmOID: OID.sha512,
    });
    expect(await coreVerifies(rsa.certificate, req, result)).toBe(true);
  });

  it('skips credentials/authorize for an oauth2code credential', async () => {
    const { signer: s, prompts } = signer('oauth');
    const req = request('ECDSA', 'SHA-256');
    const { result, requests } = await seen(() => s.sign(req));
    expect(methodsOf(requests)).toEqual(['credentials/info', 'signatures/signHash']);
    expect(requests[1]!.body).not.toHaveProperty('SAD');
    expect(prompts.pin).toBe(0);
    expect(await coreVerifies(p256.certificate, req, result)).toBe(true);
  });

  it('refuses an algorithm the credential lacks before asking for a PIN', async () => {
    const { signer: s, prompts } = signer('rsa-pkcs1');
    await s.credential();
    const { requests } = await seen(() =>
      expectKysoError(s.sign(request('ECDSA', 'SHA-256')), 'UNSUPPORTED_ALGORITHM'),
    );
    await expectKysoError(s.sign(request('RSASSA-PSS', 'SHA-256')), 'UNSUPPORTED_ALGORITHM');
    expect(requests).toEqual([]);
    expect(prompts.pin).toBe(0);
  });

  it('refuses a digest of the wrong length', async () => {
    const req = request('RSASSA-PKCS1-v1_5', 'SHA-256');
    await expectKysoError(signer('rsa-pkcs1').signer.sign({ ...req, hash: 'SHA-384' }), 'INVALID_INPUT');
  });
});

describe('CSC v2: SAD rules', () => {
  it('holds a SAD to its hashes and its numSignatures', async () => {
    const client = new CscClient({ baseUrl: server.url, accessToken: TOKEN });
    const d1 = sha('SHA-256', randomBytes(10));
    const d2 = sha('SHA-256', randomBytes(10));
    const { sad } = await client.authorize({
      credentialId: 'rsa-pkcs1',
      numSignatures: 1,
      hashes: [d1],
      hashAlgorithmOid: OID.sha256,
      authData: [{ id: 'PIN', value: PIN }],
    });
    const sign = (hashes: Uint8Array[]) =>
      client.signHash({ credentialId: 'rsa-pkcs1', sad, hashes, signAlgo: OID.sha256WithRSA });
    const unbound = await expectKysoError(sign([d2]), 'CREDENTIAL_NOT_AUTHORIZED');
    expect(unbound.params['detail']).toContain('Hash is not authorized by the SAD');
    expect(await sign([d1])).toHaveLength(1);
    const used = await expectKysoError(sign([d1]), 'CREDENTIAL_NOT_AUTHORIZED');
    expect(used.params['detail']).toContain('SAD expired');
  });
});

describe('CSC v2: errors', () => {
  it('maps a wrong PIN to PIN_INCORRECT and the third to PIN_LOCKED', async () => {
    const wrong = new CscSigner({
      baseUrl: server.url,
      credentialId: 'lockable',
      accessToken: TOKEN,
      pin: async () => '000000',
      lang: 'vi',
    });
    const req = request('RSASSA-PKCS1-v1_5', 'SHA-256');
    const first = await expectKysoError(wrong.sign(req), 'PIN_INCORRECT');
    expect(first.message).toBe('Mã PIN không đúng.');
    await expectKysoError(wrong.sign(req), 'PIN_INCORRECT');
    await expectKysoError(wrong.sign(req), 'PIN_LOCKED');
    expect(server.failures.get('lockable')).toBe(3);
    await expectKysoError(signer('lockable').signer.sign(req), 'PIN_LOCKED');
  });

  it('maps an unknown credential to KEY_NOT_FOUND', async () => {
    await expectKysoError(signer('no-such-credential').signer.certificates(), 'KEY_NOT_FOUND');
    const client = new CscClient({ baseUrl: server.url, accessToken: TOKEN });
    await expectKysoError(
      client.authorize({ credentialId: 'no-such-credential', numSignatures: 1 }),
      'KEY_NOT_FOUND',
    );
  });

  it('maps a missing or wrong token to CREDENTIAL_NOT_AUTHORIZED', async () => {
    const anonymous = new CscSigner({ baseUrl: server.url, credentialId: 'rsa-pkcs1' });
    await expectKysoError(anonymous.certificates(), 'CREDENTIAL_NOT_AUTHORIZED');
    expect(server.requests.at(-1)!.authorization).toBeUndefined();
    const s = new CscSigner({ baseUrl: server.url, credentialId: 'rsa-pkcs1', accessToken: 'stolen' });
    await expectKysoError(s.certificates(), 'CREDENTIAL_NOT_AUTHORIZED');
    const last = server.requests.at(-1)!;
    expect(last.authorization).toBe('Bearer stolen');
  });

  it('maps a service that is down to NETWORK_ERROR', async () => {
    const gone = await startJsonServer(() => ({ status: 200, body: {} }));
    await gone.close();
    const s = new CscSigner({ baseUrl: gone.url, credentialId: 'rsa-pkcs1', accessToken: TOKEN });
    const error = await expectKysoError(s.certificates(), 'NETWORK_ERROR');
    expect(error.message).toContain(`${gone.url}/csc/v2/info`);
  });

  it('maps a cancelled request to ABORTED and a silent service to NETWORK_ERROR', async () => {
    const controller = new AbortController();
    const { signer: s } = signer('slow', { signal: controller.signal });
    await s.credential();
    const pending = s.sign(request('RSASSA-PKCS1-v1_5', 'SHA-256'));
    setTimeout(() => controller.abort(), 100);
    await expectKysoError(pending, 'ABORTED');
    // cancelled before anything is sent
    const before = server.requests.length;
    await expectKysoError(s.sign(request('RSASSA-PKCS1-v1_5', 'SHA-256')), 'ABORTED');
    expect(server.requests.length).toBe(before);

    const { signer: impatient } = signer('slow', { timeoutMs: 300 });
    const error = await expectKysoError(
      impatient.sign(request('RSASSA-PKCS1-v1_5', 'SHA-256')),
      'NETWORK_ERROR',
    );
    expect(error.message).toContain('300 ms');
  });

  it('refuses a signature that does not verify with REMOTE_SIGNER_ERROR', async () => {
    const req = request('RSASSA-PKCS1-v1_5', 'SHA-256');
    const error = await expectKysoError(signer('bogus').signer.sign(req), 'REMOTE_SIGNER_ERROR');
    expect(error.message).toContain('does not verify');
  });
});
