import { createServer } from 'node:http';
import { CscSigner, isKysoError, KysoError } from '@kyso/core';
import { signedBytes, signPdf } from '@kyso/pdf';
import { createTestPki, makeTestPdf, type TestPki } from '@kyso/testkit';
import { tempDir } from '@kyso/testkit/node';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerTokens,
  createSigningService,
  NodeKeySigner,
  pkcs12Credential,
  SAD_HEADER,
  type SigningCredential,
  serve,
  signerCredential,
  toExpress,
} from '../src/index.js';
import { b64, cscCall, kysoCode, SHA256_OID, SHA256_WITH_RSA, sha256 } from './support/csc-calls.js';
import { pdfsig } from './support/judges.js';
import { closeServer, listen, startService, type TestService } from './support/servers.js';

const PIN = '918273';
const OTP = '424242';
const off = { mode: 'off' as const };
let pki: TestPki;
let dir: { path: string; remove: () => Promise<void> };
let rsa: SigningCredential;
let p256: SigningCredential;
let withPin: SigningCredential;
let svc: TestService;

/** A vendor's own credential: a key in memory behind a PIN the vendor checks itself. */
function pinCredential(base: SigningCredential): SigningCredential {
  const check = async (pin: string | undefined) => {
    if (pin !== PIN) throw new KysoError('PIN_INCORRECT');
  };
  return {
    ...base,
    id: 'with-pin',
    pin: 'required',
    verifyPin: check,
    signDigests: async (requests, factors, options) => {
      await check(factors.pin);
      return base.signDigests(requests, factors, options);
    },
  };
}

const tokens = bearerTokens({ 'tok-alice': 'alice', 'tok-bob': 'bob' });
const access = (principal: { id: string }, id: string) => principal.id === 'alice' || id === 'p256';

function client(credentialId: string, extra: Partial<ConstructorParameters<typeof CscSigner>[0]> = {}) {
  return new CscSigner({ baseUrl: `${svc.url}/kyso`, credentialId, accessToken: 'tok-alice', ...extra });
}

async function authorize(body: Record<string, unknown>, token = 'tok-alice') {
  return cscCall(`${svc.url}/kyso`, 'credentials/authorize', { credentialID: 'p256', ...body }, token);
}

async function signHash(sad: unknown, hashes: Buffer[], token = 'tok-alice', credentialID = 'p256') {
  return cscCall(
    `${svc.url}/kyso`,
    'signatures/signHash',
    {
      credentialID,
      SAD: sad,
      hashes: hashes.map(b64),
      hashAlgorithmOID: SHA256_OID,
      signAlgo: '1.2.840.10045.4.3.2',
    },
    token,
  );
}

beforeAll(async () => {
  pki = await createTestPki({ include: ['signer-rsa2048', 'signer-p256'] });
  dir = await tempDir('kyso-node-adapter-');
  const open = async (id: string, identity: string) => {
    const who = pki.get(identity);
    return pkcs12Credential({ id, pkcs12: await who.toPkcs12(), password: who.password });
  };
  rsa = await open('rsa', 'signer-rsa2048');
  p256 = await open('p256', 'signer-p256');
  withPin = pinCredential(rsa);
  svc = await startService({
    basePath: '/kyso',
    credentials: [rsa, p256, withPin],
    authorize: tokens,
    access,
    otp: { appliesTo: (id) => id === 'with-otp', verify: ({ otp }) => otp === OTP },
    limits: { jsonBytes: 16 * 1024, pdfBytes: 64 * 1024 },
    pdf: { revocation: off },
  });
});
afterAll(async () => {
  await svc?.close();
  await dir?.remove();
});

describe('CSC v2 with core CscSigner as the client', () => {
  it('answers info without authentication', async () => {
    const res = await fetch(`${svc.url}/kyso/csc/v2/info`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ specs: '2.0.0.2', authType: ['external'] });
  });

  it('signs PDFs with RSA and ECDSA keys that pdfsig accepts', async () => {
    for (const id of ['rsa', 'p256']) {
      const signer = client(id);
      const info = await signer.credential();
      expect(info.authMode).toBe('implicit');
      const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
      const judged = await pdfsig(dir.path, `${id}.pdf`, signed);
      expect(judged.valid, judged.output).toEqual([true]);
    }
  });

  it('signs RSASSA-PSS and batches (one authorization for several hashes)', async () => {
    const signer = client('rsa');
    const digests = ['a', 'b', 'c'].map((t) => new Uint8Array(sha256(t)));
    // CscSigner checks every value against the certificate before returning it
    const values = await signer.signMany(
      digests.map((digest) => ({ digest, hash: 'SHA-256', scheme: 'RSASSA-PSS' })),
    );
    expect(values).toHaveLength(3);
    const before = svc.audit.filter((e) => e.action === 'signatures/signHash').length;
    await signer.signMany(
      digests.map((digest) => ({ digest, hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' })),
    );
    expect(svc.audit.filter((e) => e.action === 'signatures/signHash').length).toBe(before + 1);
  });

  it('asks for the PIN, refuses a wrong one with PIN_INCORRECT, and never logs it', async () => {
    const info = await client('with-pin', { pin: async () => PIN }).credential();
    expect(info).toMatchObject({ authMode: 'explicit', pin: 'required' });
    const wrong = client('with-pin', { pin: async () => `${PIN}0` });
    const error = await wrong
      .sign({ digest: new Uint8Array(sha256('x')), hash: 'SHA-256', scheme: 'RSASSA-PKCS1-v1_5' })
      .catch((e: unknown) => e);
    expect(isKysoError(error, 'PIN_INCORRECT')).toBe(true);
    const right = client('with-pin', { pin: async () => PIN });
    const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer: right, revocation: off }));
    expect((await pdfsig(dir.path, 'pin.pdf', signed)).valid).toEqual([true]);
    // a SAD-bearing /sign-pdf too, then: not one audit line holds a PIN, a SAD or an OTP
    const { json } = await cscCall(
      `${svc.url}/kyso`,
      'credentials/authorize',
      { credentialID: 'with-pin', numSignatures: 1, PIN },
      'tok-alice',
    );
    const sad = json['SAD'] as string;
    const res = await fetch(`${svc.url}/kyso/sign-pdf?credentialID=with-pin`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-alice', [SAD_HEADER]: sad },
      body: new Uint8Array(await makeTestPdf()),
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(svc.lines.length).toBeGreaterThan(5);
    for (const line of svc.lines) {
      expect(line).not.toContain(PIN);
      expect(line).not.toContain(sad);
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
      expect(() => JSON.parse(line)).not.toThrow();
    }
    const refused = svc.audit.find((e) => e.code === 'PIN_INCORRECT');
    expect(refused).toMatchObject({
      action: 'credentials/authorize',
      outcome: 'refused',
      principal: 'alice',
      credential: 'with-pin',
      status: 400,
    });
    const ok = svc.audit.filter(
      (e) => e.action === 'signatures/signHash' && e.credential === 'with-pin' && e.outcome === 'ok',
    );
    expect(ok[0]?.digests?.[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('SADs', () => {
  const h1 = sha256('one');
  const h2 = sha256('two');

  it('are spent once: a SAD bound to a hash signs it once, then is refused', async () => {
    const { json } = await authorize({ numSignatures: 1, hashes: [b64(h1)], hashAlgorithmOID: SHA256_OID });
    expect((await signHash(json['SAD'], [h1])).status).toBe(200);
    const again = await signHash(json['SAD'], [h1]);
    expect(again.status).toBe(400);
    expect(again.json['error']).toBe('invalid_request');
    expect(kysoCode(again.json)).toBe('CREDENTIAL_NOT_AUTHORIZED');
  });

  it('bound to a count allow that many signatures and no more', async () => {
    const { json } = await authorize({ numSignatures: 2 });
    expect((await signHash(json['SAD'], [h1])).status).toBe(200);
    expect((await signHash(json['SAD'], [h2])).status).toBe(200);
    expect((await signHash(json['SAD'], [h1])).status).toBe(400);
    const many = await authorize({ numSignatures: 1 });
    expect(kysoCode((await signHash(many.json['SAD'], [h1, h2])).json)).toBe('CREDENTIAL_NOT_AUTHORIZED');
  });

  it('refuse other hashes, another user, another credential — and are then void', async () => {
    const bound = await authorize({ numSignatures: 1, hashes: [b64(h1)], hashAlgorithmOID: SHA256_OID });
    const other = await signHash(bound.json['SAD'], [h2]);
    expect(other.status).toBe(400);
    expect(other.json['error_description']).toContain('Hash is not authorized by the SAD');
    expect((await signHash(bound.json['SAD'], [h1])).status).toBe(400);

    const alices = await authorize({ numSignatures: 1 });
    expect(kysoCode((await signHash(alices.json['SAD'], [h1], 'tok-bob')).json)).toBe(
      'CREDENTIAL_NOT_AUTHORIZED',
    );
    const forP256 = await authorize({ numSignatures: 1 });
    const onRsa = await cscCall(
      `${svc.url}/kyso`,
      'signatures/signHash',
      { credentialID: 'rsa', SAD: forP256.json['SAD'], hashes: [b64(h1)], signAlgo: SHA256_WITH_RSA },
      'tok-alice',
    );
    expect(onRsa.status).toBe(400);
    expect((await signHash('not-a-sad', [h1])).status).toBe(400);
  });

  it('are spent by exactly one of two racing requests', async () => {
    const { json } = await authorize({ numSignatures: 1 });
    const results = await Promise.all([signHash(json['SAD'], [h1]), signHash(json['SAD'], [h1])]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('must be bound to hashes under SCAL 2', async () => {
    const scal2 = await startService({ credentials: [p256], authorize: tokens, access, sad: { scal: '2' } });
    try {
      const res = await cscCall(
        scal2.url,
        'credentials/authorize',
        { credentialID: 'p256', numSignatures: 1 },
        'tok-alice',
      );
      expect(res.status).toBe(400);
      expect(
        (
          await new CscSigner({
            baseUrl: scal2.url,
            credentialId: 'p256',
            accessToken: 'tok-alice',
          }).credential()
        ).scal,
      ).toBe('2');
    } finally {
      await scal2.close();
    }
  });
});

describe('refusals', () => {
  it('401 without or with a wrong token, 403 for a credential the principal may not use', async () => {
    const none = await cscCall(`${svc.url}/kyso`, 'credentials/list', {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(kysoCode(none.json)).toBe('NOT_AUTHENTICATED');
    expect((await cscCall(`${svc.url}/kyso`, 'credentials/list', {}, 'tok-mallory')).status).toBe(401);
    expect((await cscCall(`${svc.url}/kyso`, 'credentials/list', {}, 'tok-bob')).json).toEqual({
      credentialIDs: ['p256'],
    });
    const denied = await cscCall(`${svc.url}/kyso`, 'credentials/info', { credentialID: 'rsa' }, 'tok-bob');
    expect(denied.status).toBe(403);
    expect(denied.json['error']).toBe('access_denied');
    const error = await new CscSigner({
      baseUrl: `${svc.url}/kyso`,
      credentialId: 'rsa',
      accessToken: 'tok-bob',
    })
      .certificates()
      .catch((e: unknown) => e);
    expect(isKysoError(error, 'CREDENTIAL_NOT_AUTHORIZED')).toBe(true);
    const unknown = await cscCall(
      `${svc.url}/kyso`,
      'credentials/info',
      { credentialID: 'nope' },
      'tok-alice',
    );
    expect([unknown.status, kysoCode(unknown.json)]).toEqual([400, 'KEY_NOT_FOUND']);
  });

  it('413 for a body over the limit, declared or streamed', async () => {
    const big = await cscCall(
      `${svc.url}/kyso`,
      'credentials/list',
      { pad: 'x'.repeat(20_000) },
      'tok-alice',
    );
    expect([big.status, kysoCode(big.json)]).toEqual([413, 'REQUEST_TOO_LARGE']);
    const pdf = await fetch(`${svc.url}/kyso/sign-pdf?credentialID=rsa`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-alice' },
      body: new Uint8Array(100 * 1024),
    });
    expect(pdf.status).toBe(413);
    let sent = 0;
    const streamed = await fetch(`${svc.url}/kyso/sign-pdf?credentialID=rsa`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-alice' },
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 40) controller.enqueue(new Uint8Array(4096));
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('asks an OTP where the policy says, and refuses a wrong one', async () => {
    const otpService = await startService({
      credentials: [{ ...p256, id: 'with-otp' }],
      authorize: tokens,
      access,
      otp: { verify: ({ otp }) => otp === OTP },
    });
    try {
      const missing = await cscCall(
        otpService.url,
        'credentials/authorize',
        { credentialID: 'with-otp', numSignatures: 1 },
        'tok-alice',
      );
      expect(missing.status).toBe(400);
      const base = { baseUrl: otpService.url, credentialId: 'with-otp', accessToken: 'tok-alice' };
      const request = {
        digest: new Uint8Array(sha256('otp')),
        hash: 'SHA-256' as const,
        scheme: 'ECDSA' as const,
      };
      const wrong = await new CscSigner({ ...base, otp: async () => '000000' })
        .sign(request)
        .catch((e: unknown) => e);
      expect(isKysoError(wrong, 'OTP_INCORRECT')).toBe(true);
      expect(await new CscSigner({ ...base, otp: async () => OTP }).sign(request)).toBeInstanceOf(Uint8Array);
      expect(otpService.lines.join('')).not.toContain(OTP);
    } finally {
      await otpService.close();
    }
  });

  it('429 beyond the concurrency limit and the rate limit; no crash', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: SigningCredential = {
      ...p256,
      id: 'slow',
      signDigests: async (requests, factors, options) => {
        await held;
        return p256.signDigests(requests, factors, options);
      },
    };
    const busy = await startService({
      credentials: [slow],
      authorize: tokens,
      access,
      limits: { concurrency: { active: 1, queued: 0 }, rate: { requests: 3, windowMs: 60_000 } },
    });
    try {
      const sad = (
        await cscCall(
          busy.url,
          'credentials/authorize',
          { credentialID: 'slow', numSignatures: 1 },
          'tok-alice',
        )
      ).json['SAD'];
      const first = cscCall(
        busy.url,
        'signatures/signHash',
        {
          credentialID: 'slow',
          SAD: sad,
          hashes: [b64(sha256('1'))],
          hashAlgorithmOID: SHA256_OID,
          signAlgo: '1.2.840.10045.2.1',
        },
        'tok-alice',
      );
      await new Promise((r) => setTimeout(r, 50));
      const second = await cscCall(busy.url, 'credentials/list', {}, 'tok-alice');
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(kysoCode(second.json)).toBe('SERVICE_BUSY');
      release();
      expect((await first).status).toBe(200);
      expect((await cscCall(busy.url, 'credentials/list', {}, 'tok-alice')).status).toBe(200);
      // alice's fourth counted request (authorize, signHash, list; the refused list never passed the gate)
      const limited = await cscCall(busy.url, 'credentials/list', {}, 'tok-alice');
      expect([limited.status, kysoCode(limited.json)]).toEqual([429, 'SERVICE_BUSY']);
      expect((await cscCall(busy.url, 'credentials/list', {}, 'tok-bob')).status).toBe(200);
    } finally {
      release();
      await busy.close();
    }
  });
});

describe('operations', () => {
  it('drains in-flight requests on shutdown and refuses new ones', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: SigningCredential = {
      ...p256,
      id: 'slow',
      signDigests: async (requests, factors, options) => {
        await held;
        return p256.signDigests(requests, factors, options);
      },
    };
    const s = await startService({ credentials: [slow], authorize: tokens, access });
    const sad = (
      await cscCall(s.url, 'credentials/authorize', { credentialID: 'slow', numSignatures: 1 }, 'tok-alice')
    ).json['SAD'];
    const inFlight = cscCall(
      s.url,
      'signatures/signHash',
      {
        credentialID: 'slow',
        SAD: sad,
        hashes: [b64(sha256('d'))],
        hashAlgorithmOID: SHA256_OID,
        signAlgo: '1.2.840.10045.4.3.2',
      },
      'tok-alice',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(s.service.inFlight).toBe(1);
    const drained = s.service.drain({ timeoutMs: 5000 });
    const health = await fetch(`${s.url}/health`);
    expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([503, 'draining']);
    const refused = await cscCall(s.url, 'credentials/list', {}, 'tok-alice');
    expect([refused.status, kysoCode(refused.json)]).toEqual([503, 'SERVICE_BUSY']);
    release();
    expect((await inFlight).status).toBe(200);
    expect(await drained).toBe(true);
    await s.close();
  });

  it('serve() shuts down gracefully: the request in flight is answered, then the port closes', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: SigningCredential = {
      ...p256,
      id: 'slow',
      signDigests: async (requests, factors, options) => {
        await held;
        return p256.signDigests(requests, factors, options);
      },
    };
    const running = await serve(createSigningService({ credentials: [slow], authorize: tokens, access }), {});
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const sad = (
      await cscCall(
        running.url,
        'credentials/authorize',
        { credentialID: 'slow', numSignatures: 1 },
        'tok-alice',
      )
    ).json['SAD'];
    const inFlight = cscCall(
      running.url,
      'signatures/signHash',
      {
        credentialID: 'slow',
        SAD: sad,
        hashes: [b64(sha256('g'))],
        hashAlgorithmOID: SHA256_OID,
        signAlgo: '1.2.840.10045.4.3.2',
      },
      'tok-alice',
    );
    await new Promise((r) => setTimeout(r, 50));
    const closed = running.close({ timeoutMs: 5000 });
    setTimeout(release, 50);
    expect((await inFlight).status).toBe(200);
    await closed;
    expect(
      await fetch(`${running.url}/health`).then(
        () => 'open',
        () => 'closed',
      ),
    ).toBe('closed');
  });

  it('signs a whole PDF streamed through POST /sign-pdf', async () => {
    const pdf = await makeTestPdf();
    const res = await fetch(
      `${svc.url}/kyso/sign-pdf?credentialID=rsa&reason=${encodeURIComponent('Phê duyệt')}`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer tok-alice', 'content-type': 'application/pdf' },
        body: new Uint8Array(pdf),
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const signed = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    expect((await pdfsig(dir.path, 'sign-pdf.pdf', signed)).valid).toEqual([true]);
    const needsSad = await fetch(`${svc.url}/kyso/sign-pdf?credentialID=with-pin`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-alice' },
      body: new Uint8Array(pdf),
    });
    expect(needsSad.status).toBe(400);
    const notPdf = await fetch(`${svc.url}/kyso/sign-pdf?credentialID=rsa`, {
      method: 'POST',
      headers: { authorization: 'Bearer tok-alice' },
      body: 'hello',
    });
    expect([notPdf.status, kysoCode((await notPdf.json()) as Record<string, unknown>)]).toEqual([
      400,
      'PDF_STRUCTURE',
    ]);
  });

  it('serves the same API through Express 5, behind express.json()', async () => {
    const app = express();
    app.use(express.json());
    const service = svc.service;
    app.use('/kyso', toExpress(service.handler));
    app.get('/other', (_req, res) => {
      res.send('host route');
    });
    const server = createServer(app);
    const url = await listen(server);
    try {
      const signer = new CscSigner({
        baseUrl: `${url}/kyso`,
        credentialId: 'p256',
        accessToken: 'tok-alice',
      });
      expect(await signer.client.listCredentials()).toEqual(['rsa', 'p256', 'with-pin']);
      const signed = await signedBytes(await signPdf(await makeTestPdf(), { signer, revocation: off }));
      expect((await pdfsig(dir.path, 'express.pdf', signed)).valid).toEqual([true]);
      expect(await (await fetch(`${url}/other`)).text()).toBe('host route');
    } finally {
      await closeServer(server);
    }
  });

  it('wraps any digest-signing Signer as a credential', async () => {
    const who = pki.get('signer-p256');
    const credential = signerCredential({ id: 'vendor', signer: new NodeKeySigner(who.pkcs8, who.chain) });
    expect(credential.pin).toBe('none');
    expect(await credential.certificates()).toHaveLength(who.chain.length);
  });
});
