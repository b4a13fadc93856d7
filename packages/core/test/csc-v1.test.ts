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
import { opensslVerifies } from './csc-fakes/openssl-judge.js';
import { type FakeV1, startCscV1 } from './csc-fakes/v1-server.js';

const TOKEN = 'v1-access-token';
const PIN = '1357';
const SLOW = 60_000;

let pki: TestPki;
let rsa: TestIdentity;
let p256: TestIdentity;
let p384: TestIdentity;
let server: FakeV1;
let base: string;

beforeAll(async () => {
  pki = await createTestPki({
    include: ['lanh-dao-phong', 'signer-p256', 'signer-p384'],
    baseUrl: 'http://127.0.0.1:1',
  });
  rsa = pki.get('lanh-dao-phong');
  p256 = pki.get('signer-p256');
  p384 = pki.get('signer-p384');
  server = await startCscV1({
    token: TOKEN,
    prefix: '/api',
    credentials: [
      { id: 'rsa-otp', identity: rsa, algos: [OID.rsaEncryption], pin: PIN, otp: true },
      { id: 'rsa-batch', identity: rsa, algos: [OID.sha256WithRSA], pin: PIN, multisign: 3 },
      { id: 'p384-der', identity: p384, algos: [OID.ecdsaSha384], pin: PIN, ecdsa: 'der' },
      { id: 'p256-raw', identity: p256, algos: [OID.ecdsaSha256], pin: PIN, ecdsa: 'raw' },
      { id: 'lockable', identity: rsa, algos: [OID.sha256WithRSA], pin: PIN },
    ],
  });
  base = `${server.url}/api`;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

function signer(credentialId: string, extra: Partial<CscSignerOptions> = {}) {
  const prompts = { pin: 0, otp: 0 };
  const s = new CscSigner({
    baseUrl: `${base}/csc/v1`,
    credentialId,
    accessToken: TOKEN,
    pin: async () => {
      prompts.pin++;
      return PIN;
    },
    otp: async () => {
      prompts.otp++;
      return server.sentOtps.get(credentialId) ?? 'none sent';
    },
    ...extra,
  });
  return { signer: s, prompts };
}

function request(scheme: SignRequest['scheme'], hash: SignRequest['hash']): SignRequest {
  const data = randomBytes(300);
  return { digest: sha(hash, data), hash, scheme, data };
}

async function seen<T>(run: () => Promise<T>) {
  const from = server.requests.length;
  const result = await run();
  return { result, requests: server.requests.slice(from) };
}

const methodsOf = (requests: { path: string }[]) => requests.map((r) => r.path.replace('/api/csc/v1/', ''));

describe('CSC v1: discovery', () => {
  it('falls back to v1 when /csc/v2 is not served, and follows list page tokens', async () => {
    const client = new CscClient({ baseUrl: `${base}/`, accessToken: TOKEN });
    const { requests } = await seen(async () => {
      expect(await client.version()).toBe('v1');
      expect((await client.info()).specs).toBe('1.0.4.0');
      expect(await client.listCredentials()).toEqual([
        'rsa-otp',
        'rsa-batch',
        'p384-der',
        'p256-raw',
        'lockable',
      ]);
    });
    expect(requests.map((r) => r.path).slice(0, 2)).toEqual(['/api/csc/v2/info', '/api/csc/v1/info']);
    expect(requests.filter((r) => r.path.endsWith('credentials/list'))).toHaveLength(5);
  });

  it('reads v1 credential info: chain, PIN and online OTP, algorithms', async () => {
    const { signer: s } = signer('rsa-otp');
    expect((await s.certificates()).map((c) => Buffer.from(c).toString('hex'))).toEqual(
      rsa.chain.map((c) => Buffer.from(c).toString('hex')),
    );
    expect(await s.credential()).toMatchObject({
      authMode: 'explicit',
      pin: 'required',
      otp: 'required',
      otpType: 'online',
      multisign: 1,
      scal: '1',
    });
    expect(await s.algorithms()).toEqual([
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
      { scheme: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
    ]);
  });
});

describe('CSC v1: signing', () => {
  it(
    'signs with rsaEncryption and hashAlgo after an online OTP, only digests sent',
    async () => {
      const { signer: s, prompts } = signer('rsa-otp');
      await s.credential();
      const req = request('RSASSA-PKCS1-v1_5', 'SHA-384');
      const { result, requests } = await seen(() => s.sign(req));
      expect(methodsOf(requests)).toEqual([
        'credentials/sendOTP',
        'credentials/authorize',
        'signatures/signHash',
      ]);
      expect(prompts).toEqual({ pin: 1, otp: 1 });
      const [, authorize, signHash] = requests;
      expect(authorize!.body).toMatchObject({ credentialID: 'rsa-otp', numSignatures: 1, PIN: PIN });
      expect(authorize!.body['hash']).toEqual([Buffer.from(req.digest).toString('base64')]);
      expect(signHash!.body).toMatchObject({ signAlgo: OID.rsaEncryption, hashAlgo: OID.sha384 });
      expect(signHash!.body).not.toHaveProperty('hashes');
      expectOnlyDigests(requests, [req.digest], [req.data!]);
      expect(await coreVerifies(rsa.certificate, req, result)).toBe(true);
      expect(await opensslVerifies(rsa, req.scheme, req.hash, req.digest, result)).toBe(true);
      expect(await opensslVerifies(rsa, req.scheme, 'SHA-256', sha('SHA-256', req.data!), result)).toBe(
        false,
      );
    },
    SLOW,
  );

  it(
    'signs ECDSA P-384 (DER answer) and P-256 (r‖s answer) as DER',
    async () => {
      for (const [id, identity, hash, size] of [
        ['p384-der', p384, 'SHA-384', 48],
        ['p256-raw', p256, 'SHA-256', 32],
      ] as const) {
        const req = request('ECDSA', hash);
        const { result, requests } = await seen(() => signer(id).signer.sign(req));
        expect(result[0]).toBe(0x30);
        expect(derToRaw(result, size)).toBeDefined();
        expect(await coreVerifies(identity.certificate, req, result)).toBe(true);
        expect(await opensslVerifies(identity, 'ECDSA', hash, req.digest, result)).toBe(true);
        expectOnlyDigests(requests, [req.digest], [req.data!]);
      }
    },
    SLOW,
  );

  it(
    'signs three digests with one authorize and one signHash',
    async () => {
      const { signer: s, prompts } = signer('rsa-batch');
      await s.credential();
      const reqs = [1, 2, 3].map(() => request('RSASSA-PKCS1-v1_5', 'SHA-256'));
      const { result, requests } = await seen(() => s.signMany(reqs));
      expect(methodsOf(requests)).toEqual(['credentials/authorize', 'signatures/signHash']);
      expect(requests[0]!.body['numSignatures']).toBe(3);
      expect(requests[0]!.body['hash']).toHaveLength(3);
      expect(requests[1]!.body['hash']).toHaveLength(3);
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
});

describe('CSC v1: errors', () => {
  it('maps "The PIN is invalid" to PIN_INCORRECT and "PIN locked" to PIN_LOCKED', async () => {
    const { signer: wrong } = signer('lockable', { pin: async () => '9999' });
    const req = request('RSASSA-PKCS1-v1_5', 'SHA-256');
    const first = await expectKysoError(wrong.sign(req), 'PIN_INCORRECT');
    expect(first.params['detail']).toContain('The PIN is invalid');
    await expectKysoError(wrong.sign(req), 'PIN_INCORRECT');
    const locked = await expectKysoError(wrong.sign(req), 'PIN_LOCKED');
    expect(locked.params['detail']).toContain('PIN locked');
    await expectKysoError(signer('lockable').signer.sign(req), 'PIN_LOCKED');
  });

  it('maps a wrong OTP to OTP_INCORRECT', async () => {
    const { signer: s } = signer('rsa-otp', { otp: async () => '000000' });
    const error = await expectKysoError(s.sign(request('RSASSA-PKCS1-v1_5', 'SHA-256')), 'OTP_INCORRECT');
    expect(error.params['detail']).toContain('The OTP is invalid');
  });

  it('maps an unknown credential and a bad token', async () => {
    await expectKysoError(signer('nobody').signer.credential(), 'KEY_NOT_FOUND');
    await expectKysoError(
      signer('rsa-batch', { accessToken: 'expired' }).signer.credential(),
      'CREDENTIAL_NOT_AUTHORIZED',
    );
  });

  it('needs a PIN callback when the credential asks for a PIN', async () => {
    const s = new CscSigner({ baseUrl: base, version: 'v1', credentialId: 'rsa-batch', accessToken: TOKEN });
    const error = await expectKysoError(s.sign(request('RSASSA-PKCS1-v1_5', 'SHA-256')), 'INVALID_INPUT');
    expect(error.params['detail']).toContain('needs a PIN');

    // an online OTP is not sent (by SMS, say) when nobody can type it in
    const noOtp = new CscSigner({
      baseUrl: base,
      credentialId: 'rsa-otp',
      accessToken: TOKEN,
      pin: async () => PIN,
    });
    await noOtp.credential();
    const { requests } = await seen(() =>
      expectKysoError(noOtp.sign(request('RSASSA-PKCS1-v1_5', 'SHA-256')), 'INVALID_INPUT'),
    );
    expect(requests).toEqual([]);
  });
});
