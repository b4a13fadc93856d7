// `npm start`: the most useful end-to-end thing kyso can do today. It keeps a dev PKI in .kyso/dev-pki
// (made on first run), serves its TSA, OCSP responder and CRLs on 127.0.0.1:8788, and checks them
// with openssl when it is installed. The e-office demo replaces this once it exists.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTestPki } from '@kyso/testkit';
import { readTestPki, servePki, writeTestPki } from '@kyso/testkit/node';

const DIR = resolve('.kyso/dev-pki');
const BASE_URL = 'http://127.0.0.1:8788';

async function loadOrCreate() {
  if (existsSync(join(DIR, 'pki.json'))) return { pki: await readTestPki(DIR), created: false };
  await mkdir(join(DIR, '..'), { recursive: true });
  const pki = await createTestPki({ baseUrl: BASE_URL });
  await writeTestPki(pki, DIR);
  return { pki, created: true };
}

function hasOpenssl() {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

// Asynchronous: openssl talks to the servers this same process runs.
function openssl(args) {
  return new Promise((done) =>
    execFile('openssl', args, (_error, stdout, stderr) => done(`${stdout}${stderr}`)),
  );
}

async function selfCheck(server) {
  const work = join(DIR, '..', 'self-check');
  await mkdir(work, { recursive: true });
  const file = (name) => join(work, name);
  await writeFile(file('sample.txt'), 'Công văn mẫu — kyso self-check\n');
  const certs = (id) => join(DIR, 'certs', `${id}.pem`);
  const lines = [];
  for (const id of ['lanh-dao-phong', 'revoked']) {
    const out = await openssl([
      'ocsp',
      '-issuer',
      certs('ca'),
      '-cert',
      certs(id),
      '-url',
      server.urls.ocsp('ca'),
      '-CAfile',
      join(DIR, 'trust-anchors.pem'),
    ]);
    const status = /: (good|revoked|unknown)/.exec(out)?.[1] ?? 'no answer';
    lines.push(
      `  OCSP  ${id.padEnd(16)} ${status}${out.includes('Response verify OK') ? ' (response verified)' : ''}`,
    );
  }
  await openssl([
    'ts',
    '-query',
    '-data',
    file('sample.txt'),
    '-sha256',
    '-cert',
    '-out',
    file('sample.tsq'),
  ]);
  const reply = await fetch(server.urls.tsa, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: await readFile(file('sample.tsq')),
  });
  await writeFile(file('sample.tsr'), new Uint8Array(await reply.arrayBuffer()));
  const verdict = await openssl([
    'ts',
    '-verify',
    '-in',
    file('sample.tsr'),
    '-queryfile',
    file('sample.tsq'),
    '-CAfile',
    join(DIR, 'trust-anchors.pem'),
    '-untrusted',
    certs('ca'),
  ]);
  lines.push(
    `  TSA   time-stamp of sample.txt ${verdict.includes('Verification: OK') ? 'verified by openssl ts -verify' : 'NOT verified'}`,
  );
  return lines.join('\n');
}

const { pki, created } = await loadOrCreate();
let server;
try {
  server = await servePki(pki);
} catch (error) {
  console.error(`kyso: cannot listen on ${pki.urls?.base ?? BASE_URL}: ${error.message}`);
  process.exit(2);
}

const people = pki.identities
  .filter((i) => i.role)
  .map((i) => `  ${i.role.padEnd(20)} ${i.commonName.padEnd(34)} p12/${i.id}.p12`)
  .join('\n');

console.log(`kyso dev PKI ${created ? 'created' : 'loaded'}: ${DIR}
Identities, roles and passwords: ${join(DIR, 'README.txt')} (password of every .p12: kyso-test)

Demo users (role, name, key file):
${people}

Serving for this PKI:
  TSA  ${server.urls.tsa}
  OCSP ${server.urls.ocsp('ca')}
  CRL  ${server.urls.crl('ca')}
`);
console.log(
  hasOpenssl()
    ? `Self-check with openssl:\n${await selfCheck(server)}\n`
    : 'openssl not found: self-check skipped.\n',
);
console.log('Press Ctrl-C to stop.');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
