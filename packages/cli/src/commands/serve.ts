import { randomBytes } from 'node:crypto';
import { commonName, KysoError, parseCertificate } from '@kyso/core';
import {
  bearerTokens,
  createSigningService,
  jsonLinesAudit,
  type RunningServer,
  type SigningCredential,
  type SigningServiceOptions,
  serveBridge,
  serve as serveService,
} from '@kyso/node-adapter';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { parseServeArgs } from '../options/serve-options.js';
import { DEV_IDENTITY, type DevSetup, startDevSetup } from '../serve/dev-setup.js';
import { SERVE_TEXT, type ServeBanner } from '../serve/messages.js';
import { openServedKey, type ServedKey } from '../serve/served-key.js';
import { nextStopSignal } from '../serve/signals.js';
import { cliVersion } from '../version.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

async function nameOf(credential: SigningCredential): Promise<string | undefined> {
  try {
    const [leaf] = await credential.certificates();
    return leaf ? commonName(parseCertificate(leaf).subject) : undefined;
  } catch {
    // a token not plugged in yet: it is named when it signs
    return undefined;
  }
}

/** A port taken or an address this machine does not have: said as an I/O error, not a crash. */
function listenError(error: unknown, host: string, port: number, ctx: CliContext): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new KysoError('IO_ERROR', {
    params: { path: `${host}:${port}`, detail: code },
    lang: ctx.lang,
    cause: error,
  });
}

/**
 * kyso serve [--dev] [--bridge] [--port N] [--host H] [--allow-origin URL]... <key options>
 *
 * The node-adapter signing service with the key the options name as its credential. Without
 * --bridge, clients send a bearer token (generated and printed, or KYSO_SERVE_TOKEN); with --bridge,
 * the local bridge: 127.0.0.1 only, the allowed web applications pair with codes printed here.
 * --dev adds a throwaway PKI (TSA, OCSP, CRL) in this process and a key of it. Audit lines go to
 * stdout as JSON; SIGINT or SIGTERM stop it gracefully.
 */
export async function serve(args: string[], ctx: CliContext): Promise<number> {
  const settings = parseServeArgs(args, ctx.lang);
  const text = SERVE_TEXT[ctx.lang];
  let key: ServedKey | undefined;
  let dev: DevSetup | undefined;
  let server: RunningServer | undefined;
  try {
    key = settings.key ? await openServedKey(settings.key, ctx.env, ctx.lang) : undefined;
    dev = settings.dev ? await startDevSetup() : undefined;
    const credentials = [dev?.credential, key?.credential].filter((c) => c !== undefined);
    const common: SigningServiceOptions = {
      version: cliVersion(),
      credentials,
      audit: jsonLinesAudit((line) => ctx.stdout(line)),
      onError: (error, { requestId }) =>
        ctx.stderr(`kyso serve: ${requestId}: ${error.code}: ${error.message}\n`),
      ...dev?.service,
    };
    const tokenFromEnv = !settings.bridge && ctx.env['KYSO_SERVE_TOKEN'] !== undefined;
    const token = settings.bridge
      ? undefined
      : (ctx.env['KYSO_SERVE_TOKEN'] ?? randomBytes(24).toString('base64url'));
    try {
      server = settings.bridge
        ? await serveBridge({
            ...common,
            allowOrigins: settings.allowOrigins,
            onPairingCode: (pairing) => ctx.stdout(text.pairing(pairing)),
            host: settings.host,
            port: settings.port,
          })
        : await serveService(
            createSigningService({
              ...common,
              authorize: bearerTokens({ [token!]: 'kyso-serve' }),
              access: () => true,
            }),
            { host: settings.host, port: settings.port },
          );
    } catch (error) {
      throw listenError(error, settings.host, settings.port, ctx);
    }
    const banner: ServeBanner = {
      url: server.url,
      bridge: settings.bridge,
      allowOrigins: settings.allowOrigins,
      credentials: await Promise.all(
        credentials.map(async (c) => {
          const name = await nameOf(c);
          return { id: c.id, pin: c.pin, ...(name ? { name } : {}) };
        }),
      ),
      ...(token && !tokenFromEnv ? { token } : {}),
      tokenFromEnv,
      exposed: !LOOPBACK.has(settings.host),
      ...(dev
        ? {
            dev: {
              tsa: dev.pki.urls.tsa,
              ocsp: dev.pki.urls.ocsp('ca'),
              crl: dev.pki.urls.crl('ca'),
              anchorsFile: dev.anchorsFile,
              credentialId: DEV_IDENTITY,
            },
          }
        : {}),
    };
    ctx.stdout(text.banner(banner));
    const signal = await nextStopSignal();
    ctx.stdout(text.stopping(signal));
    await server.close({ timeoutMs: 10_000 });
    server = undefined;
    ctx.stdout(text.stopped);
    return EXIT.ok;
  } finally {
    await server?.close({ timeoutMs: 0 });
    await dev?.close();
    await key?.close();
  }
}
