import { CscSigner, isKysoError } from '@kyso/core';
import { signedBytes, signPdf } from '@kyso/pdf';
import { createTestPki, makeTestPdf, type TestPki } from '@kyso/testkit';
import { tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerTokens, cscCredential, pkcs12Credential } from '../src/index.js';
import { sha256 } from './support/csc-calls.js';
import { type MiniCscV1, startMiniCscV1 } from './support/csc-v1-server.js';
import { pdfsig } from './support/judges.js';
import { startService, type TestService } from './support/servers.js';

const off = { mode: 'off' as const };
const PIN = '55779';
let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
let v1: MiniCscV1;
let origin: TestService;
let front: TestService;

beforeAll(async () => {
  pki = await createTestPki({ include: ['signer-rsa2048', 'signer-p256'] });
  dir = await tempDir('kyso-csc-remote-');
  v1 = await startMiniCscV1({
    token: 'v1-token',
    credentialId: 'remote-rsa',
    identity: pki.get('signer-rsa2048'),
    pin: PIN,
  });
  const who = pki.get('signer-p256');
  origin = await startService({
    credentials: [
      await pkcs12Credential({ id: 'origin-ec', pkcs12: await who.toPkcs12(), password: who.password }),
    ],
    authorize: bearerTokens({ 'service-account': 'front-service' }),
    access: (principal) => principal.id === 'front-service',
  });
  front = await startService({
    credentials: [
      // kyso fronting an existing v1 service: the user's PIN is passed on
      cscCredential({
        id: 'via-v1',
        remote: { baseUrl: v1.url, credentialId: 'remote-rsa', accessToken: 'v1-token' },
        forwardPin: true,
      }),
      // and another kyso (v2) with the front's own service account, no PIN
      cscCredential({
        id: 'via-v2',
        remote: { baseUrl: origin.url, credentialId: 'origin-ec', accessToken: 'service-account' },
      }),
    ],
    authorize: bearerTokens({ 'tok-user': 'user' }),
    access: () => true,
  });
});
afterAll(async () => {
  await front?.close();
  await origin?.close();
  await v1?.close();
  await dir?.remove();
});

describe('core CscSigner against an independently written CSC v1 server', () => {
  it('detects v1 and signs a PDF that pdfsig accepts', async () => {
    const signer = new CscSigner({
      baseUrl: v1.url,
      credentialId: 'remote-rsa',
      accessToken: 'v1-token',
      pin: async () => PIN,
    });
    expect(await signer.client.version()).toBe('v1');
    const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
    expect((await pdfsig(dir.path, 'v1.pdf', signed)).valid).toEqual([true]);
  });
});

describe('the service fronting remote CSC services', () => {
  it('passes signatures through from a v1 service, with the user PIN forwarded', async () => {
    const before = v1.signed;
    const signer = new CscSigner({
      baseUrl: `${front.url}/csc/v2`,
      credentialId: 'via-v1',
      accessToken: 'tok-user',
      pin: async () => PIN,
    });
    expect((await signer.credential()).pin).toBe('required');
    const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
    expect((await pdfsig(dir.path, 'via-v1.pdf', signed)).valid).toEqual([true]);
    expect(v1.signed).toBe(before + 1);
    const wrong = new CscSigner({
      baseUrl: front.url,
      credentialId: 'via-v1',
      accessToken: 'tok-user',
      pin: async () => '0000',
    });
    const error = await wrong
      .sign({ digest: new Uint8Array(sha256('w')), hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' })
      .catch((e: unknown) => e);
    expect(isKysoError(error, 'PIN_INCORRECT')).toBe(true);
    expect(front.lines.join('')).not.toContain(PIN);
  });

  it('passes signatures through from another kyso service (v2), ECDSA', async () => {
    const signer = new CscSigner({ baseUrl: front.url, credentialId: 'via-v2', accessToken: 'tok-user' });
    const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
    expect((await pdfsig(dir.path, 'via-v2.pdf', signed)).valid).toEqual([true]);
    expect(
      origin.audit.some(
        (e) => e.principal === 'front-service' && e.action === 'signatures/signHash' && e.outcome === 'ok',
      ),
    ).toBe(true);
  });
});
