// The service suite (issue 7): 200 signHash requests sent at once to the node-adapter's CSC API, in
// front of a SoftHSM2 token the bench makes in a temporary folder. Each request has its own SAD
// (credentials/authorize beforehand, not timed); every answer must be a signature that verifies or a
// clean 429 SERVICE_BUSY, and no PKCS#11 session may be left open. Run alone with
// `node src/service.mjs` (prints the section; `--write` also puts it into RESULTS.md).

import { spawnSync } from 'node:child_process';
import { createHash, publicDecrypt, constants as rsa, X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  bearerTokens,
  createSigningService,
  Pkcs11Module,
  pkcs11Credential,
  serve,
} from '@kyso/node-adapter';
import { createTestPki } from '@kyso/testkit';
import { createSoftHsmToken, SOFTHSM_LIBRARY, softHsmAvailable, tempDir } from '@kyso/testkit/node';

const SIGNER_ID = 'lanh-dao-phong';
const PIN = '271828';
const TOKEN_LABEL = 'kyso-bench';
const REQUESTS = 200;
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
/** The gate's settings measured: the default, one that queues everything, one that must refuse. */
const SCENARIOS = [
  { label: '8 / 64 (default)', concurrency: { active: 8, queued: 64 } },
  { label: '8 / 200', concurrency: { active: 8, queued: 200 } },
  { label: '2 / 20', concurrency: { active: 2, queued: 20 } },
];

const b64 = (bytes) => Buffer.from(bytes).toString('base64');

async function csc(url, method, body) {
  const response = await fetch(`${url}/csc/v2/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const percentile = (sorted, p) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Sessions the library still knows (SoftHSM numbers its handles 1, 2, 3…), besides the module's own count. */
function sessionsLeft(module) {
  let left = 0;
  for (let i = 1; i <= module.sessionsOpened + 2; i++) {
    const handle = Buffer.alloc(8);
    handle.writeUInt32LE(i);
    try {
      module.api.C_GetSessionInfo(handle);
      left++;
    } catch {
      // CKR_SESSION_HANDLE_INVALID: closed
    }
  }
  return Math.max(left, module.openSessions);
}

/** The signing service in front of the bench's token, the user typing the token PIN. */
function tokenService(module, options = {}) {
  return createSigningService({
    credentials: [
      pkcs11Credential({
        id: 'token',
        module,
        token: { label: TOKEN_LABEL },
        key: { label: 'rsa' },
        pin: 'client',
      }),
    ],
    authorize: bearerTokens({ bench: 'bench' }),
    access: () => true,
    ...options,
  });
}

async function scenario({ module, certificate, digests, label, concurrency }) {
  const service = tokenService(module, {
    // authorizations are made beforehand in batches, which the gate must let through
    limits: { concurrency },
  });
  const server = await serve(service, { port: 0 });
  try {
    const sads = [];
    for (let at = 0; at < digests.length; at += concurrency.active) {
      const batch = await Promise.all(
        digests.slice(at, at + concurrency.active).map((digest) =>
          csc(server.url, 'credentials/authorize', {
            credentialID: 'token',
            numSignatures: 1,
            hashes: [b64(digest)],
            hashAlgorithmOID: SHA256_OID,
            PIN,
          }),
        ),
      );
      for (const r of batch) {
        if (r.status !== 200) throw new Error(`credentials/authorize: ${r.status} ${JSON.stringify(r.json)}`);
        sads.push(r.json.SAD);
      }
    }
    const opened = module.sessionsOpened;
    const started = performance.now();
    const results = await Promise.all(
      digests.map(async (digest, i) => {
        const sent = performance.now();
        try {
          const r = await csc(server.url, 'signatures/signHash', {
            credentialID: 'token',
            SAD: sads[i],
            hashes: [b64(digest)],
            signAlgo: SHA256_WITH_RSA,
          });
          return { ...r, ms: performance.now() - sent };
        } catch (error) {
          return { status: 0, json: { error: String(error) }, ms: performance.now() - sent };
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    let signed = 0;
    let busy = 0;
    let errors = 0;
    const latencies = [];
    for (const [i, r] of results.entries()) {
      if (r.status === 200) {
        const value = Buffer.from(r.json.signatures?.[0] ?? '', 'base64');
        let ok = false;
        try {
          const decrypted = publicDecrypt({ key: certificate, padding: rsa.RSA_PKCS1_PADDING }, value);
          ok = decrypted.subarray(-32).equals(digests[i]);
        } catch {
          ok = false;
        }
        if (ok) {
          signed++;
          latencies.push(r.ms);
        } else errors++;
      } else if (r.status === 429 && r.json?.kyso?.code === 'SERVICE_BUSY') busy++;
      else errors++;
    }
    latencies.sort((a, b) => a - b);
    return {
      label,
      requests: digests.length,
      signed,
      busy,
      errors,
      seconds,
      perSecond: signed / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      sessionsOpened: module.sessionsOpened - opened,
      sessionsLeft: sessionsLeft(module),
      load: loadavg()[0],
    };
  } finally {
    await server.close({ timeoutMs: 5000 });
  }
}

/** One signHash of 100 hashes under one SAD: one login for the lot, for scale. */
async function batch({ module, digests }) {
  const service = tokenService(module);
  const server = await serve(service, { port: 0 });
  try {
    const hashes = digests.slice(0, 100).map(b64);
    const { json } = await csc(server.url, 'credentials/authorize', {
      credentialID: 'token',
      numSignatures: hashes.length,
      hashes,
      hashAlgorithmOID: SHA256_OID,
      PIN,
    });
    const started = performance.now();
    const r = await csc(server.url, 'signatures/signHash', {
      credentialID: 'token',
      SAD: json.SAD,
      hashes,
      signAlgo: SHA256_WITH_RSA,
    });
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 200 || r.json.signatures.length !== hashes.length) throw new Error(`batch: ${r.status}`);
    return { count: hashes.length, seconds };
  } finally {
    await server.close({ timeoutMs: 5000 });
  }
}

function softHsmVersion() {
  const r = spawnSync('softhsm2-util', ['--version'], { encoding: 'utf8' });
  return r.stdout.trim() || 'unknown';
}

/**
 * The suite: a token with the test PKI's `lanh-dao-phong` key (RSA-2048), then every scenario on it.
 * Resolves with `{ skipped }` when SoftHSM2 is not installed (the section says so), never half-run.
 */
export async function serviceBench() {
  if (!(await softHsmAvailable()))
    return { skipped: 'SoftHSM2 (softhsm2 and opensc: softhsm2-util, pkcs11-tool) is not installed' };
  const dir = await tempDir('kyso-bench-softhsm-');
  try {
    const pki = await createTestPki({ include: [SIGNER_ID] });
    const identity = pki.get(SIGNER_ID);
    await createSoftHsmToken(dir.path, {
      label: TOKEN_LABEL,
      pin: PIN,
      soPin: '31415926',
      keys: [{ label: 'rsa', id: '01', identity }],
    });
    const module = await Pkcs11Module.open(SOFTHSM_LIBRARY);
    try {
      const certificate = new X509Certificate(identity.certificate).publicKey;
      const digests = Array.from({ length: REQUESTS }, (_, i) =>
        createHash('sha256').update(`service bench ${i}`).digest(),
      );
      const rows = [];
      for (const s of SCENARIOS) {
        const row = await scenario({ module, certificate, digests, ...s });
        rows.push(row);
        console.log(
          `service ${s.label}: ${row.signed} signed, ${row.busy} refused 429, ${row.errors} errors in ${row.seconds.toFixed(2)} s`,
        );
      }
      return {
        rows,
        batch: await batch({ module, digests }),
        identity: { id: SIGNER_ID, keySpec: identity.keySpec },
        softhsm: softHsmVersion(),
      };
    } finally {
      await module.close();
    }
  } finally {
    await dir.remove();
  }
}

export function serviceTable(rows) {
  return [
    '| limits (active / queued) | requests | signed | refused 429 | errors | wall (s) | signatures/s | p50 (ms) | p95 (ms) | PKCS#11 sessions opened / left open |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.requests} | ${r.signed} | ${r.busy} | ${r.errors} | ${r.seconds.toFixed(3)} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.sessionsOpened} / ${r.sessionsLeft} |`,
    ),
  ].join('\n');
}

/** The RESULTS.md section (its heading included). */
export function serviceSection(result, { apart } = {}) {
  const heading = '## Signing service (issue 7)';
  if (result.skipped) return [heading, `Not run this time: ${result.skipped}.`].join('\n\n');
  const { rows, batch: one } = result;
  const clean = rows.every((r) => r.errors === 0 && r.sessionsLeft === 0 && r.signed + r.busy === r.requests);
  return [
    heading,
    `${REQUESTS} \`signatures/signHash\` requests sent at once over HTTP (127.0.0.1) to the node-adapter's CSC API,
each with its own SAD bound to its hash (\`credentials/authorize\` with the PIN beforehand, not timed), all
for the \`${result.identity.id}\` key (${result.identity.keySpec}) on a SoftHSM2 ${result.softhsm} token the bench creates in a
temporary folder. The token works on one request at a time (a session, a login, the signature, logout
and close each), so the service's gate decides how many wait and how many are refused at once. Every
signature is checked against the certificate; anything but a valid signature or a 429 SERVICE_BUSY
counts as an error. Client and service share one Node process; latencies are those of the signed
requests, from send to answer.${apart ? `\n\n${apart}` : ''}`,
    serviceTable(rows),
    `For scale, one \`signHash\` of ${one.count} hashes under one SAD (one login for the lot): ${one.seconds.toFixed(3)} s, ${(one.count / one.seconds).toFixed(0)} signatures/s.`,
    `Target from issue 7: ${REQUESTS} at once give only signatures and clean 429s, no error, no crash, no PKCS#11 session left open — ${clean ? '**met**' : '**not met**'}.`,
  ].join('\n\n');
}

/** Puts the section into RESULTS.md: in place of its previous version, or before the opt-in 3 GiB one. */
async function writeSection(section) {
  const path = fileURLToPath(new URL('../RESULTS.md', import.meta.url));
  const text = await readFile(path, 'utf8');
  const start = text.indexOf('## Signing service (issue 7)');
  let next;
  if (start >= 0) {
    const end = text.indexOf('\n## ', start + 1);
    next = `${text.slice(0, start)}${section}\n${end >= 0 ? text.slice(end) : ''}`;
  } else {
    const at = text.indexOf('## 3 GiB (opt-in)');
    next =
      at >= 0 ? `${text.slice(0, at)}${section}\n\n${text.slice(at)}` : `${text.trimEnd()}\n\n${section}\n`;
  }
  await writeFile(path, next);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const loadAtStart = loadavg()[0];
  const result = await serviceBench();
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; 1-minute load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end`;
  const section = serviceSection(result, {
    apart: `Measured on its own by \`node src/service.mjs --write\` (not in the same run as the sections above): ${machine}.`,
  });
  console.log(`\n${section}`);
  if (process.argv.includes('--write')) {
    await writeSection(section);
    console.log('\nbench/RESULTS.md updated');
  }
}
