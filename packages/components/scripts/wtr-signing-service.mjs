// kyso's signing service (@kyso/node-adapter, CSC v2, a PKCS#12 key) for the <sign-pdf> browser tests.
// The service listens on 127.0.0.1 like a real deployment; the test server forwards
// /signing-service/kyso/* to it (same origin: no CORS) and records every request body, so a test can
// prove that only digests left the browser. GET /signing-service/pki-requests counts what testkit's
// TSA, OCSP and CRL servers received (through the service's proxies). POST /signing-service/pdfsig runs poppler's pdfsig on a
// signed file, as an independent judge in Node.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KysoError } from '@kyso/core';
import { bearerTokens, createSigningService, pkcs12Credential, serve } from '@kyso/node-adapter';
import { oneSignerSpec } from '@kyso/testkit';
import { run, startTestPki, tempDir } from '@kyso/testkit/node';

const PREFIX = '/signing-service';
/** What the browser test uses (throwaway values: a test PKI on the loopback). */
export const SIGNING_SERVICE = {
  base: `${PREFIX}/kyso`,
  token: 'tok-sign-pdf-test',
  pin: '246810',
  /** A credential whose PIN is asked at credentials/authorize. */
  withPin: 'nhan-vien-pin',
  /** One unlocked by the service (implicit authorization). */
  implicit: 'nhan-vien',
  /** One the service unlocks only with a one-time password (OTP) at credentials/authorize. */
  withOtp: 'nhan-vien-otp',
  otp: '135790',
};

/**
 * A small hierarchy that builds in a second: an EC root, a personal RSA-2048 signer and a TSA, served
 * by testkit on 127.0.0.1 (OCSP, CRL, TSA) — which the browser reaches only through the service.
 */
const SPEC = oneSignerSpec({
  root: { C: 'VN', O: 'Ban Cơ yếu Chính phủ', CN: 'RootCA thử nghiệm của dịch vụ ký số' },
  signer: {
    C: 'VN',
    ST: 'Thử Nghiệm',
    O: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
    title: 'Chánh Văn phòng',
    CN: 'Đỗ Minh Khôi',
    UID: 'CCCD:034080000123',
  },
  tsa: { C: 'VN', O: 'Ban Cơ yếu Chính phủ', CN: 'Dịch vụ cấp dấu thời gian thử nghiệm' },
});

/** pdfsig's verdict per signed field: "Signature is Valid." or not. */
function pdfsigVerdicts(output) {
  return output
    .split(/^Signature #\d+:/m)
    .slice(1)
    .filter((b) => !/The signature form field is not signed\./.test(b))
    .map((b) => /Signature Validation: Signature is Valid\./.test(b));
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The service and its test endpoints: `plugin` starts and stops it with the test server,
 * `middleware` (which must run before the static files) answers under /signing-service.
 */
export function signingService() {
  /** @type {{ url: string, close: (o?: { timeoutMs?: number }) => Promise<void> } | undefined} */
  let running;
  /** @type {{ path: string, remove: () => Promise<void> } | undefined} */
  let dir;
  /** testkit's TSA, OCSP and CRL servers, reached by the browser only through the service's proxies */
  /** @type {import('@kyso/testkit/node').PkiServer | undefined} */
  let pkiServer;
  let rootPem = '';
  let judged = 0;
  /** Every request forwarded to the service: method, path, body size and text. */
  const log = [];
  let resolveReady;
  const ready = new Promise((r) => {
    resolveReady = r;
  });

  /** @type {import('@web/dev-server-core').Plugin} */
  const plugin = {
    name: 'kyso-signing-service',
    async serverStart() {
      pkiServer = await startTestPki({ spec: SPEC });
      const pki = pkiServer.pki;
      const who = pki.get('signer');
      rootPem = pki.get('root').certificatePem;
      const base = await pkcs12Credential({
        id: SIGNING_SERVICE.implicit,
        pkcs12: await who.toPkcs12(),
        password: who.password,
      });
      const check = async (pin) => {
        if (pin !== SIGNING_SERVICE.pin) throw new KysoError('PIN_INCORRECT');
      };
      // the same key behind a PIN the service checks at credentials/authorize
      const withPin = {
        ...base,
        id: SIGNING_SERVICE.withPin,
        pin: 'required',
        verifyPin: check,
        signDigests: async (requests, factors, options) => {
          await check(factors.pin);
          return base.signDigests(requests, factors, options);
        },
      };
      const service = createSigningService({
        basePath: '/kyso',
        credentials: [base, withPin, { ...base, id: SIGNING_SERVICE.withOtp }],
        // single use, as a real OTP policy must be
        otp: (() => {
          let used = false;
          return {
            appliesTo: (id) => id === SIGNING_SERVICE.withOtp,
            verify: ({ otp }) => {
              if (used || otp !== SIGNING_SERVICE.otp) return false;
              used = true;
              return true;
            },
          };
        })(),
        tsaProxy: { tsas: { test: { url: pkiServer.urls.tsa } } },
        // OCSP and CRL for the browser: URLs named by certificates of this root, on the loopback only
        revocationFetcher: { anchors: [pki.get('root').certificate], allowNetworks: ['127.0.0.1/32'] },
        authorize: bearerTokens({ [SIGNING_SERVICE.token]: 'chanh-van-phong' }),
        access: () => true,
        pdf: { revocation: { mode: 'off' } },
        onError: () => undefined,
      });
      running = await serve(service);
      dir = await tempDir('kyso-sign-pdf-');
      resolveReady();
    },
    async serverStop() {
      await running?.close({ timeoutMs: 1000 });
      await pkiServer?.close();
      await dir?.remove();
    },
  };

  /** @type {import('koa').Middleware} */
  const middleware = async (ctx, next) => {
    if (!ctx.path.startsWith(`${PREFIX}/`)) return next();
    await ready;
    if (ctx.path === `${PREFIX}/log` && ctx.method === 'GET') {
      ctx.body = log;
      return;
    }
    if (ctx.path === `${PREFIX}/pki-requests` && ctx.method === 'GET') {
      // requests testkit's servers received per service (tsa, ocsp, crl, ca)
      ctx.body = pkiServer?.requests ?? {};
      return;
    }
    if (ctx.path === `${PREFIX}/root.pem` && ctx.method === 'GET') {
      ctx.type = 'application/x-pem-file';
      ctx.body = rootPem;
      return;
    }
    if (ctx.path === `${PREFIX}/pdfsig` && ctx.method === 'POST') {
      const bytes = await readBody(ctx.req);
      const path = join(dir.path, `signed-${++judged}.pdf`);
      await writeFile(path, bytes);
      const r = await run('pdfsig', [path]);
      const output = r.stdout + r.stderr;
      ctx.body = { valid: pdfsigVerdicts(output), output, bytes: bytes.length };
      return;
    }
    if (ctx.path.startsWith(`${PREFIX}/kyso/`)) {
      const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readBody(ctx.req);
      const target = `${running.url}${ctx.path.slice(PREFIX.length)}${ctx.search}`;
      log.push({
        method: ctx.method,
        path: ctx.path.slice(PREFIX.length),
        bytes: body?.length ?? 0,
        body: body ? body.toString('latin1') : '',
      });
      const headers = {};
      for (const h of ['content-type', 'accept', 'authorization', 'x-kyso-sad'])
        if (ctx.get(h)) headers[h] = ctx.get(h);
      const response = await fetch(target, { method: ctx.method, headers, body });
      ctx.status = response.status;
      const type = response.headers.get('content-type');
      if (type) ctx.type = type;
      ctx.body = Buffer.from(await response.arrayBuffer());
      return;
    }
    return next();
  };

  return { plugin, middleware };
}
