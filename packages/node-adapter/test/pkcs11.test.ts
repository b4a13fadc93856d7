import { constants, publicDecrypt, X509Certificate } from 'node:crypto';
import { CscSigner, isKysoError } from '@kyso/core';
import { signedBytes, signPdf } from '@kyso/pdf';
import { createTestPki, makeTestPdf, type TestPki } from '@kyso/testkit';
import { createSoftHsmToken, SOFTHSM_LIBRARY, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerTokens,
  type Cryptoki,
  Pkcs11Module,
  Pkcs11Signer,
  pkcs11Credential,
  SAD_HEADER,
} from '../src/index.js';
import { b64, cscCall, kysoCode, SHA256_OID, SHA256_WITH_RSA, sha256 } from './support/csc-calls.js';
import { pdfsig } from './support/judges.js';
import { startService, type TestService } from './support/servers.js';

const PIN = '246810';
const TOKEN = 'kyso-test';
const off = { mode: 'off' as const };
let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
let module: Pkcs11Module;
let svc: TestService;

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

beforeAll(async () => {
  pki = await createTestPki({ include: ['signer-rsa2048', 'signer-p256'] });
  dir = await tempDir('kyso-softhsm-');
  await createSoftHsmToken(dir.path, {
    label: TOKEN,
    pin: PIN,
    soPin: '13579135',
    keys: [
      { label: 'rsa', id: '01', identity: pki.get('signer-rsa2048') },
      { label: 'ec', id: '02', identity: pki.get('signer-p256') },
    ],
  });
  module = await Pkcs11Module.open(SOFTHSM_LIBRARY);
  const token = { label: TOKEN };
  const chain = (id: string) => pki.get(id).chain.slice(1);
  svc = await startService({
    credentials: [
      pkcs11Credential({
        id: 'rsa',
        module,
        token,
        key: { label: 'rsa' },
        pin: 'client',
        certificates: chain('signer-rsa2048'),
      }),
      pkcs11Credential({
        id: 'ec',
        module,
        token,
        key: { id: '02' },
        pin: 'client',
        certificates: chain('signer-p256'),
      }),
      pkcs11Credential({ id: 'ghost', module, token, key: { label: 'no-such-key' }, pin: 'client' }),
      pkcs11Credential({
        id: 'absent',
        module,
        token: { label: 'no-such-token' },
        key: { label: 'rsa' },
        pin: 'client',
      }),
    ],
    authorize: bearerTokens({ 'tok-officer': 'officer' }),
    access: () => true,
    limits: { concurrency: { active: 8, queued: 150 } },
    pdf: { revocation: off },
  });
});
afterAll(async () => {
  await svc?.close();
  await module?.close();
  await dir?.remove();
});

function client(credentialId: string, pin = PIN) {
  return new CscSigner({ baseUrl: svc.url, credentialId, accessToken: 'tok-officer', pin: async () => pin });
}

/** Every session handle the library ever gave is closed (SoftHSM numbers them 1, 2, 3…). */
function assertNoSessionLeft(): void {
  expect(module.openSessions).toBe(0);
  const left: number[] = [];
  for (let i = 1; i <= module.sessionsOpened + 2; i++) {
    const handle = Buffer.alloc(8);
    handle.writeUInt32LE(i);
    try {
      module.api.C_GetSessionInfo(handle);
      left.push(i);
    } catch {
      // CKR_SESSION_HANDLE_INVALID: closed
    }
  }
  expect(left).toEqual([]);
}

describe('PKCS#11 (SoftHSM2) through the service, core CscSigner as the client', () => {
  it('signs PDFs with the token RSA and ECDSA keys that pdfsig accepts', async () => {
    for (const id of ['rsa', 'ec']) {
      const signer = client(id);
      expect((await signer.credential()).pin).toBe('required');
      const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
      const judged = await pdfsig(dir.path, `token-${id}.pdf`, signed);
      expect(judged.valid, judged.output).toEqual([true]);
    }
    assertNoSessionLeft();
  });

  it('signs RSASSA-PSS on the token (CKM_RSA_PKCS_PSS)', async () => {
    const digest = new Uint8Array(sha256('pss'));
    // CscSigner returns a value only once it verified against the certificate (RSASSA-PSS, salt 32)
    const value = await client('rsa').sign({ digest, hash: 'SHA-256', scheme: 'RSASSA-PSS' });
    expect(value).toHaveLength(256);
  });

  it('signs a whole PDF through /sign-pdf with a SAD from credentials/authorize', async () => {
    const { json } = await cscCall(
      svc.url,
      'credentials/authorize',
      { credentialID: 'ec', numSignatures: 1, PIN },
      'tok-officer',
    );
    const res = await fetch(`${svc.url}/sign-pdf?credentialID=ec`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-officer', [SAD_HEADER]: json['SAD'] as string },
      body: new Uint8Array(await makeTestPdf()),
    });
    expect(res.status).toBe(200);
    expect(
      (await pdfsig(dir.path, 'token-sign-pdf.pdf', new Uint8Array(await res.arrayBuffer()))).valid,
    ).toEqual([true]);
  });

  it('maps a wrong PIN, a missing key and a missing token to their codes', async () => {
    const wrong = await cscCall(
      svc.url,
      'credentials/authorize',
      { credentialID: 'rsa', numSignatures: 1, PIN: '000000' },
      'tok-officer',
    );
    expect([wrong.status, wrong.json['error'], kysoCode(wrong.json)]).toEqual([
      400,
      'invalid_pin',
      'PIN_INCORRECT',
    ]);
    const viaClient = await errorOf(
      client('rsa', '111111').sign({
        digest: new Uint8Array(sha256('w')),
        hash: 'SHA-256',
        scheme: 'RSASSA-PKCS1-v1_5',
      }),
    );
    expect(isKysoError(viaClient, 'PIN_INCORRECT')).toBe(true);
    const ghost = await cscCall(svc.url, 'credentials/info', { credentialID: 'ghost' }, 'tok-officer');
    expect([ghost.status, kysoCode(ghost.json)]).toEqual([400, 'KEY_NOT_FOUND']);
    const absent = await cscCall(svc.url, 'credentials/info', { credentialID: 'absent' }, 'tok-officer');
    expect([absent.status, kysoCode(absent.json)]).toEqual([503, 'TOKEN_NOT_PRESENT']);
    // the certificate given, the key missing: found out at signing, after login
    const keyless = new Pkcs11Signer({
      module,
      token: { label: TOKEN },
      key: { label: 'no-such-key' },
      pin: PIN,
      certificates: pki.get('signer-p256').chain,
    });
    const missing = await errorOf(
      keyless.sign({ digest: new Uint8Array(sha256('k')), hash: 'SHA-256', scheme: 'ECDSA' }),
    );
    expect(isKysoError(missing, 'KEY_NOT_FOUND')).toBe(true);
    assertNoSessionLeft();
  });

  it('maps CKR_PIN_LOCKED to PIN_LOCKED (SoftHSM 2.6 never locks a user PIN)', async () => {
    // SoftHSM counts nothing: ten wrong PINs, then the right one still works
    const signer = new Pkcs11Signer({ module, token: { label: TOKEN }, key: { label: 'rsa' }, pin: PIN });
    for (let i = 0; i < 10; i++)
      expect(isKysoError(await errorOf(signer.verifyPin('999999')), 'PIN_INCORRECT')).toBe(true);
    await signer.verifyPin(PIN);
    // a token that does lock, played by the real library with C_Login answering CKR_PIN_LOCKED
    const real = module.api;
    const locked = new Proxy(real, {
      get(target, name) {
        if (name === 'C_Login')
          return () => {
            throw Object.assign(new Error('CKR_PIN_LOCKED'), { code: 0xa4 });
          };
        if (name === 'C_Finalize') return () => {};
        const value = Reflect.get(target, name) as unknown;
        // the native methods need the real object as `this`
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Cryptoki;
    const lockedModule = await Pkcs11Module.open('locked-token', {
      cryptoki: { api: locked, pssParamsType: 0, unload: () => {} },
    });
    try {
      const onLocked = new Pkcs11Signer({
        module: lockedModule,
        token: { label: TOKEN },
        key: { label: 'rsa' },
        pin: PIN,
      });
      expect(isKysoError(await errorOf(onLocked.verifyPin(PIN)), 'PIN_LOCKED')).toBe(true);
      expect(lockedModule.openSessions).toBe(0);
    } finally {
      await lockedModule.close();
    }
  });

  it('signs with Pkcs11Signer directly (kyso sign --pkcs11), one login for a batch', async () => {
    for (const [label, id] of [
      ['rsa', 'signer-rsa2048'],
      ['ec', 'signer-p256'],
    ] as const) {
      const signer = new Pkcs11Signer({
        module,
        token: { label: TOKEN },
        key: { label },
        pin: PIN,
        certificates: pki.get(id).chain,
      });
      expect((await signer.certificates()).length).toBe(pki.get(id).chain.length);
      const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
      expect((await pdfsig(dir.path, `direct-${label}.pdf`, signed)).valid).toEqual([true]);
    }
    const signer = new Pkcs11Signer({ module, token: { label: TOKEN }, key: { id: '01' }, pin: PIN });
    await signer.algorithms(); // reads the certificate (one session without login)
    const digests = Array.from({ length: 20 }, (_, i) => new Uint8Array(sha256(`batch ${i}`)));
    const opened = module.sessionsOpened;
    const values = await signer.signMany(
      digests.map((digest) => ({ digest, hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' })),
    );
    expect(module.sessionsOpened - opened).toBe(1);
    const key = new X509Certificate(pki.get('signer-rsa2048').certificate).publicKey;
    for (const [i, value] of values.entries()) {
      const decrypted = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, value);
      expect(decrypted.subarray(-32).equals(Buffer.from(digests[i]!))).toBe(true);
    }
  });
});

describe('load', () => {
  it('200 concurrent signHash requests: each signed or cleanly refused with 429, no session left', async () => {
    const n = 200;
    const digests = Array.from({ length: n }, (_, i) => sha256(`load ${i}`));
    const sads: string[] = [];
    for (let at = 0; at < n; at += 20) {
      const batch = await Promise.all(
        digests.slice(at, at + 20).map((digest) =>
          cscCall(
            svc.url,
            'credentials/authorize',
            {
              credentialID: 'rsa',
              numSignatures: 1,
              hashes: [b64(digest)],
              hashAlgorithmOID: SHA256_OID,
              PIN,
            },
            'tok-officer',
          ),
        ),
      );
      for (const r of batch) {
        expect(r.status).toBe(200);
        sads.push(r.json['SAD'] as string);
      }
    }
    const started = performance.now();
    const results = await Promise.all(
      digests.map((digest, i) =>
        cscCall(
          svc.url,
          'signatures/signHash',
          { credentialID: 'rsa', SAD: sads[i], hashes: [b64(digest)], signAlgo: SHA256_WITH_RSA },
          'tok-officer',
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const ok = results.filter((r) => r.status === 200);
    const busy = results.filter((r) => r.status === 429);
    expect(ok.length + busy.length).toBe(n);
    for (const r of busy) expect(kysoCode(r.json)).toBe('SERVICE_BUSY');
    expect(ok.length).toBeGreaterThanOrEqual(158);
    const certificate = new X509Certificate(pki.get('signer-rsa2048').certificate).publicKey;
    for (const [i, r] of results.entries()) {
      if (r.status !== 200) continue;
      const [value] = r.json['signatures'] as string[];
      const decrypted = publicDecrypt(
        { key: certificate, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(value!, 'base64'),
      );
      expect(decrypted.subarray(-32).equals(digests[i]!)).toBe(true);
    }
    assertNoSessionLeft();

    // the same load as one batch: one authorization, one login, 100 signatures
    const batch = digests.slice(0, 100);
    const { json } = await cscCall(
      svc.url,
      'credentials/authorize',
      { credentialID: 'rsa', numSignatures: 100, hashes: batch.map(b64), hashAlgorithmOID: SHA256_OID, PIN },
      'tok-officer',
    );
    const batchStart = performance.now();
    const one = await cscCall(
      svc.url,
      'signatures/signHash',
      { credentialID: 'rsa', SAD: json['SAD'], hashes: batch.map(b64), signAlgo: SHA256_WITH_RSA },
      'tok-officer',
    );
    const batchSeconds = (performance.now() - batchStart) / 1000;
    expect((one.json['signatures'] as string[]).length).toBe(100);
    assertNoSessionLeft();
    // the same 200 against a tight limit (2 working, 20 waiting): the rest are refused, cleanly
    const tight = await startService({
      credentials: [
        pkcs11Credential({
          id: 'rsa',
          module,
          token: { label: TOKEN },
          key: { label: 'rsa' },
          pin: 'client',
        }),
      ],
      authorize: bearerTokens({ 'tok-officer': 'officer' }),
      access: () => true,
      limits: { concurrency: { active: 2, queued: 20 } },
    });
    let tightOk = 0;
    let tightBusy = 0;
    let tightSeconds = 0;
    try {
      const tightSads: string[] = [];
      for (let at = 0; at < n; at += 20) {
        const batch = await Promise.all(
          digests.slice(at, at + 20).map((digest) =>
            cscCall(
              tight.url,
              'credentials/authorize',
              {
                credentialID: 'rsa',
                numSignatures: 1,
                hashes: [b64(digest)],
                hashAlgorithmOID: SHA256_OID,
                PIN,
              },
              'tok-officer',
            ),
          ),
        );
        for (const r of batch) tightSads.push(r.json['SAD'] as string);
      }
      const tightStart = performance.now();
      const tightResults = await Promise.all(
        digests.map((digest, i) =>
          cscCall(
            tight.url,
            'signatures/signHash',
            { credentialID: 'rsa', SAD: tightSads[i], hashes: [b64(digest)], signAlgo: SHA256_WITH_RSA },
            'tok-officer',
          ),
        ),
      );
      tightSeconds = (performance.now() - tightStart) / 1000;
      tightOk = tightResults.filter((r) => r.status === 200).length;
      tightBusy = tightResults.filter((r) => r.status === 429 && kysoCode(r.json) === 'SERVICE_BUSY').length;
      expect(tightOk + tightBusy).toBe(n);
      expect(tightOk).toBeGreaterThanOrEqual(22);
      expect(tightBusy).toBeGreaterThan(0);
      expect((await tight.service.handler(new Request('http://x/health'))).status).toBe(200);
    } finally {
      await tight.close();
    }
    assertNoSessionLeft();

    console.log(
      `[throughput] tight limit (2 active/20 queued): ${tightOk} signed, ${tightBusy} refused 429 in ${tightSeconds.toFixed(2)} s`,
    );
    console.log(
      `[throughput] 200 concurrent signHash (RSA-2048, SoftHSM, login per request, 8 active/150 queued): ` +
        `${ok.length} signed, ${busy.length} refused 429 in ${seconds.toFixed(2)} s = ${(ok.length / seconds).toFixed(0)} signatures/s; ` +
        `one signHash of 100 hashes: ${batchSeconds.toFixed(2)} s = ${(100 / batchSeconds).toFixed(0)} signatures/s`,
    );
  });
});
