import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestIdentity } from '@kyso/testkit';
import { openssl } from '@kyso/testkit/node';
import { type Asn1, children, contentOf, decode, readOid } from '../src/asn1/index.js';
import { concat } from '../src/bytes/bytes.js';
import { OID } from '../src/oids.js';

/** Debian's OpenSSL 3.0 keeps RC2 and the PKCS#12 PBEs in the legacy provider. */
export const LEGACY_PROVIDER = ['-provider', 'legacy', '-provider', 'default'];

export interface ExportOptions {
  password?: string;
  /** Extra certificates (-certfile), in the order given. */
  extra?: readonly Uint8Array[];
  args?: readonly string[];
  /** Leave out the key's certificate (-nocerts). */
  noCerts?: boolean;
}

const pem = (der: Uint8Array, label: string) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

/** `openssl pkcs12 -export` of an identity's key and certificate; throws with openssl's message. */
export async function exportPkcs12(dir: string, identity: TestIdentity, options: ExportOptions = {}) {
  const key = join(dir, `${identity.id}.key.pem`);
  const cert = join(dir, `${identity.id}.crt.pem`);
  const out = join(dir, `${identity.id}-${Math.random().toString(36).slice(2)}.p12`);
  await writeFile(key, identity.privateKeyPem);
  await writeFile(cert, identity.certificatePem);
  const args = ['pkcs12', '-export', '-inkey', key, '-passout', `pass:${options.password ?? 'kyso-test'}`];
  if (options.noCerts) args.push('-nocerts');
  else args.push('-in', cert);
  if (options.extra?.length) {
    const file = join(dir, `extra-${Math.random().toString(36).slice(2)}.pem`);
    await writeFile(file, options.extra.map((c) => pem(c, 'CERTIFICATE')).join(''));
    args.push('-certfile', file);
  }
  args.push(...(options.args ?? []), '-out', out);
  const r = await openssl(args);
  if (r.code !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return new Uint8Array(await readFile(out));
}

/** What `openssl pkcs12 -info` says about a file's algorithms (to prove a test used what it claims). */
export async function describePkcs12(dir: string, bytes: Uint8Array, password: string): Promise<string> {
  const file = join(dir, `info-${Math.random().toString(36).slice(2)}.p12`);
  await writeFile(file, bytes);
  const r = await openssl([
    'pkcs12',
    '-info',
    '-noout',
    '-in',
    file,
    '-passin',
    `pass:${password}`,
    ...LEGACY_PROVIDER,
  ]);
  return r.stdout + r.stderr;
}

const CHUNK = 50;

function header(identifier: number): Uint8Array {
  return new Uint8Array([identifier, 0x80]);
}
const EOC = new Uint8Array([0, 0]);

/** Content octets as a constructed, indefinite-length string of small primitive pieces. */
function chunked(identifier: number, content: Uint8Array): Uint8Array {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < content.length; at += CHUNK) {
    const part = content.subarray(at, at + CHUNK);
    pieces.push(new Uint8Array([0x04, part.length]), part);
  }
  return concat(header(identifier | 0x20), ...pieces, EOC);
}

/**
 * Re-encodes a PKCS#12 file the way Windows writes one: indefinite lengths on every constructed
 * element and OCTET STRINGs cut into pieces. `deep` also rewrites what is inside id-data contents
 * (the authSafe and plain SafeContents), which breaks a MAC but not a file without one.
 */
export function windowsStyleBer(bytes: Uint8Array, deep: boolean): Uint8Array {
  const rewrite = (node: Asn1, descend: boolean): Uint8Array => {
    const id = node.source[node.start]!;
    if (!node.constructed) {
      const content = contentOf(node);
      if (node.cls === 0 && node.tag === 4) {
        const inner = descend ? rewrite(decode(content), false) : content;
        return chunked(0x04, inner);
      }
      // encryptedContent [0] IMPLICIT OCTET STRING
      if (node.cls === 2 && node.tag === 0) return chunked(0x80, content);
      return node.source.slice(node.start, node.end);
    }
    const kids = children(node);
    const first = kids[0];
    const isDataContentInfo =
      first !== undefined && first.cls === 0 && first.tag === 6 && readOid(first) === OID.data;
    return concat(
      header(id),
      ...kids.map((kid, i) => {
        // ContentInfo { id-data, [0] { OCTET STRING } }: the OCTET STRING holds BER too
        if (deep && isDataContentInfo && i === 1 && kid.cls === 2 && kid.constructed) {
          const [octets] = children(kid);
          return concat(header(0xa0), rewrite(octets!, true), EOC);
        }
        return rewrite(kid, false);
      }),
      EOC,
    );
  };
  return rewrite(decode(bytes), false);
}
