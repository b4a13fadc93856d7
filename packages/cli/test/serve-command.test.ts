import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestPki, makeTestPdf } from '@kyso/testkit';
import { createSoftHsmToken, run, SOFTHSM_LIBRARY, softHsmAvailable, tempDir } from '@kyso/testkit/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `kyso serve`: the signing service (and the local bridge) as a process, stopped by a signal. */
const bin = fileURLToPath(new URL('../bin/kyso.js', import.meta.url));
// a real token: SoftHSM2 is installed by .ci/run; elsewhere that test says it was skipped
const softHsm = process.env.CI === 'true' || (await softHsmAvailable());
let dir: { path: string; remove: () => Promise<void> };
const file = (n: string) => join(dir.path, n);
const kyso = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [bin, ...args], { cwd: dir.path, env: { KYSO_LANG: 'en', ...env } });

interface Served {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first match of `pattern` in stdout (waiting for it to be printed). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();

function startServe(args: string[], env: Record<string, string> = {}): Served {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    cwd: dir.path,
    env: { ...process.env, KYSO_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => running.delete(child));
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (m) {
            child.stdout!.off('data', check);
            resolve(m);
          }
        };
        child.stdout!.on('data', check);
        check();
        void exited.then((code) =>
          reject(new Error(`kyso serve exited (${code}) before ${pattern}:\n${out}${err}`)),
        );
      }),
    stop: (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** One request with the headers given, Host included (fetch would not send a forged Host). */
function raw(url: string, path: string, headers: Record<string, string>, body?: unknown) {
  const { hostname, port } = new URL(url);
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path,
        method: data === undefined ? 'GET' : 'POST',
        headers: {
          host: `127.0.0.1:${port}`,
          ...(data ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The audit lines a run wrote (JSON lines on stdout), apart from the human text. */
const auditLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('{'));

beforeAll(async () => {
  dir = await tempDir('kyso-serve-cli-');
  await writeFile(file('draft.pdf'), await makeTestPdf({ title: 'Cong van so 12' }));
});
afterAll(async () => {
  // a test that failed half-way leaves its server: stop it the polite way (it removes its files)
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await dir?.remove();
});

describe('kyso serve --dev', () => {
  it('serves CSC v2 with a ready credential: kyso sign --csc signs through it, pdfsig agrees; SIGTERM stops it', async () => {
    const served = startServe(['--dev', '--port', '0']);
    const [, url] = await served.waitFor(/^kyso signing service: (http:\/\/127\.0\.0\.1:\d+)$/m);
    const [, token] = await served.waitFor(/^Access token: (\S+)/m);
    const [, tsa] = await served.waitFor(/^ {2}TSA {3}(http:\/\/\S+)/m);
    const [, anchors] = await served.waitFor(/trust anchors: (\S+)/);
    await served.waitFor(/Press Ctrl-C to stop\./);
    expect(served.stdout()).toMatch(/lanh-dao-phong \(Nguyễn Thị Hồng Hạnh\): no PIN/);

    const info = await fetch(`${url}/csc/v2/info`, { method: 'POST', body: '{}' });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      specs: '2.0.0.2',
      methods: expect.arrayContaining(['signatures/signHash']),
    });
    const refused = await fetch(`${url}/csc/v2/credentials/list`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);

    const signed = await kyso(
      [
        'sign',
        'draft.pdf',
        '-o',
        'signed.pdf',
        '--csc',
        url!,
        '--credential',
        'lanh-dao-phong',
        '--token-env',
        'KYSO_TOKEN',
        '--tsa',
        tsa!,
      ],
      { KYSO_TOKEN: token! },
    );
    expect(signed.code, signed.stderr).toBe(0);
    const sig = await run('pdfsig', [file('signed.pdf')]);
    expect(sig.stdout).toContain('Signature is Valid.');
    expect(sig.stdout).toContain('Nguyễn Thị Hồng Hạnh');
    // the dev PKI answers OCSP and time-stamps: kyso verify says valid with its anchors
    const verified = await kyso(['verify', 'signed.pdf', '--trust', anchors!, '--json']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    const audit = auditLines(served.stdout()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit.map((e) => e['action'])).toEqual(
      expect.arrayContaining(['credentials/info', 'credentials/authorize', 'signatures/signHash']),
    );
    expect(audit.every((e) => e['principal'] === undefined || e['principal'] === 'kyso-serve')).toBe(true);
    for (const line of auditLines(served.stdout())) {
      expect(line).not.toContain(token);
      expect(line).not.toMatch(/"(SAD|PIN|sad|pin)"/);
    }

    expect(await served.stop('SIGTERM')).toBe(0);
    expect(served.stdout()).toMatch(/SIGTERM: stopping.*\nStopped\.\n$/);
    expect(served.stderr()).toBe('');
    // the port is closed and the dev PKI's files are gone
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    expect(existsSync(anchors!)).toBe(false);
  });
});

describe('kyso serve --bridge', () => {
  it('refuses to listen beyond loopback, and other unusable command lines, with USAGE', async () => {
    for (const args of [
      ['--bridge', '--dev', '--host', '0.0.0.0', '--allow-origin', 'https://eoffice.example'],
      ['--bridge', '--dev', '--host', '192.168.1.20', '--allow-origin', 'https://eoffice.example'],
      ['--bridge', '--dev'],
      ['--bridge', '--dev', '--allow-origin', 'not a url'],
      ['--dev', '--allow-origin', 'https://eoffice.example'],
      ['--port', '99999', '--dev'],
      [],
      ['--dev', 'extra.pdf'],
    ]) {
      const r = await kyso(['serve', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^kyso: USAGE: [^\n]+\n$/);
    }
    const help = await kyso(['--help']);
    expect(help.stdout).toContain('serve [<key>]');
    expect(help.stdout).toContain('--allow-origin URL');
    expect((await kyso(['--lang', 'vi', '--help'])).stdout).toContain('cầu nối cho token cắm trên máy này');
    const vi = await kyso([
      '--lang',
      'vi',
      'serve',
      '--bridge',
      '--dev',
      '--host',
      '0.0.0.0',
      '--allow-origin',
      'https://a.example',
    ]);
    expect(vi.stderr).toMatch(/^kyso: USAGE: Cách dùng không hợp lệ: --bridge listens on 127\.0\.0\.1 only/);
  });

  it('pairs an allowed page with the printed code and refuses a forged Host (in Vietnamese)', async () => {
    const app = 'https://eoffice.example.gov.vn';
    const served = startServe(['--dev', '--bridge', '--port', '0', '--allow-origin', app], {
      KYSO_LANG: 'vi',
    });
    const [, url] = await served.waitFor(/^Cầu nối ký số kyso: (http:\/\/127\.0\.0\.1:\d+)$/m);
    await served.waitFor(/Nhấn Ctrl-C để dừng\./);
    expect(served.stdout()).not.toMatch(/Mã truy cập/);

    const asked = await raw(url!, '/bridge/pair', { origin: app }, {});
    expect(asked.status).toBe(202);
    const [, code] = await served.waitFor(
      /^Mã ghép nối cho https:\/\/eoffice\.example\.gov\.vn: ([A-Z2-9]{4}-[A-Z2-9]{4})/m,
    );
    const paired = await raw(url!, '/bridge/pair', { origin: app }, { code });
    expect(paired.status).toBe(200);
    const token = paired.json['access_token'] as string;
    const list = await raw(
      url!,
      '/csc/v2/credentials/list',
      { origin: app, authorization: `Bearer ${token}` },
      {},
    );
    expect([list.status, list.json['credentialIDs']]).toEqual([200, ['lanh-dao-phong']]);
    const { port } = new URL(url!);
    const rebound = await raw(
      url!,
      '/csc/v2/credentials/list',
      { host: `attacker.example:${port}`, origin: app, authorization: `Bearer ${token}` },
      {},
    );
    expect(rebound.status).toBe(421);
    const stranger = await raw(url!, '/csc/v2/info', { origin: 'https://evil.example' }, {});
    expect(stranger.status).toBe(403);

    for (const line of auditLines(served.stdout())) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(code);
    }
    expect(await served.stop('SIGINT')).toBe(0);
    expect(served.stdout()).toMatch(/Đã dừng\.\n$/);
  });
});

describe('kyso serve <key options>', () => {
  it('serves a .p12 under --credential, with the token from KYSO_SERVE_TOKEN', async () => {
    const pki = await createTestPki({ include: ['to-chuc'] });
    const identity = pki.get('to-chuc');
    await writeFile(file('org.p12'), await identity.toPkcs12());
    const served = startServe(
      ['--p12', 'org.p12', '--password-env', 'P12_PASSWORD', '--credential', 'so-noi-vu', '--port', '0'],
      { P12_PASSWORD: identity.password, KYSO_SERVE_TOKEN: 'token-of-the-operator-0123456789' },
    );
    const [, url] = await served.waitFor(/^kyso signing service: (http:\/\/127\.0\.0\.1:\d+)$/m);
    await served.waitFor(/Press Ctrl-C to stop\./);
    expect(served.stdout()).toContain('Access token: from KYSO_SERVE_TOKEN');
    expect(served.stdout()).not.toContain('token-of-the-operator');
    const list = await fetch(`${url}/csc/v2/credentials/list`, {
      method: 'POST',
      headers: { authorization: 'Bearer token-of-the-operator-0123456789' },
      body: '{}',
    });
    expect(((await list.json()) as { credentialIDs: string[] }).credentialIDs).toEqual(['so-noi-vu']);
    expect(await served.stop()).toBe(0);
  });

  it.skipIf(!softHsm)('serves a token key whose PIN the client types (SoftHSM2)', async () => {
    const pki = await createTestPki({ include: ['lanh-dao-phong'] });
    await createSoftHsmToken(join(dir.path, 'hsm'), {
      label: 'kyso-serve',
      pin: '135790',
      soPin: '24682468',
      keys: [{ label: 'hanh', id: '01', identity: pki.get('lanh-dao-phong') }],
    });
    const served = startServe(
      ['--pkcs11', SOFTHSM_LIBRARY, '--token-label', 'kyso-serve', '--key-label', 'hanh', '--port', '0'],
      { KYSO_SERVE_TOKEN: 'operator-token-for-the-token-test' },
    );
    const [, url] = await served.waitFor(/^kyso signing service: (http:\/\/127\.0\.0\.1:\d+)$/m);
    await served.waitFor(/Press Ctrl-C to stop\./);
    expect(served.stdout()).toContain('hanh (Nguyễn Thị Hồng Hạnh): the user types the PIN');
    const sign = (out: string, pin: string) =>
      kyso(
        [
          'sign',
          'draft.pdf',
          '-o',
          out,
          '--csc',
          url!,
          '--credential',
          'hanh',
          '--token-env',
          'T',
          '--pin-env',
          'PIN',
          '--revocation',
          'off',
        ],
        { T: 'operator-token-for-the-token-test', PIN: pin },
      );
    const wrong = await sign('wrong.pdf', '000000');
    expect(wrong.stderr).toMatch(/^kyso: PIN_INCORRECT: /);
    const signed = await sign('token.pdf', '135790');
    expect(signed.code, signed.stderr).toBe(0);
    expect((await run('pdfsig', [file('token.pdf')])).stdout).toContain('Signature is Valid.');
    for (const line of auditLines(served.stdout())) {
      expect(line).not.toContain('135790');
      expect(line).not.toContain('000000');
    }
    expect(await served.stop()).toBe(0);
    expect(served.stderr()).toBe('');
  });
});
