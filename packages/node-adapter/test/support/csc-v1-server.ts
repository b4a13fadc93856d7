import { constants, createPrivateKey, privateEncrypt, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { TestIdentity } from '@kyso/testkit';
import { closeServer, listen } from './servers.js';

/**
 * A minimal CSC API v1.0.4 service written for these tests alone (not core's fakes): one RSA
 * credential with a PIN, `hash`/`hashAlgo` field names, SADs bound to hashes and a count, signing
 * with Node's raw RSA over a DigestInfo. Just enough for a CSC v1 client, and for the service to
 * front it.
 */
export interface MiniCscV1 {
  url: string;
  /** signHash calls served. */
  signed: number;
  close(): Promise<void>;
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const RSA = '1.2.840.113549.1.1.1';
const SHA256_RSA = '1.2.840.113549.1.1.11';
const DIGEST_INFO_SHA256 = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export async function startMiniCscV1(options: {
  token: string;
  credentialId: string;
  identity: TestIdentity;
  pin: string;
}): Promise<MiniCscV1> {
  const key = createPrivateKey(options.identity.privateKeyPem);
  const sads = new Map<string, { left: number; hashes: string[] | undefined }>();
  const state = { signed: 0 };
  const fail = (description: string, status = 400) => ({
    status,
    body: { error: 'invalid_request', error_description: description },
  });

  const answer = (method: string, body: Record<string, unknown>, auth: string | undefined) => {
    if (method === 'info')
      return {
        status: 200,
        body: {
          specs: '1.0.4.0',
          name: 'mini v1',
          logo: '',
          region: 'VN',
          lang: 'en-US',
          description: 'test',
          authType: ['oauth2code'],
          methods: ['credentials/list', 'credentials/info', 'credentials/authorize', 'signatures/signHash'],
        },
      };
    if (auth !== `Bearer ${options.token}`)
      return { status: 401, body: { error: 'invalid_token', error_description: 'Invalid access token' } };
    if (method === 'credentials/list')
      return { status: 200, body: { credentialIDs: [options.credentialId] } };
    if (body['credentialID'] !== options.credentialId) return fail('Invalid parameter credentialID');
    if (method === 'credentials/info')
      return {
        status: 200,
        body: {
          key: { status: 'enabled', algo: [SHA256_RSA, RSA], len: 2048 },
          cert: {
            status: 'valid',
            certificates: options.identity.chain.map((c) => Buffer.from(c).toString('base64')),
          },
          authMode: 'explicit',
          PIN: { presence: 'true', format: 'N', label: 'PIN' },
          OTP: { presence: 'false' },
          multisign: 5,
        },
      };
    if (method === 'credentials/authorize') {
      if (body['PIN'] !== options.pin) return fail('The PIN is invalid');
      const n = body['numSignatures'];
      if (typeof n !== 'number' || n < 1 || n > 5) return fail('Invalid parameter numSignatures');
      const hashes = Array.isArray(body['hash']) ? (body['hash'] as string[]) : undefined;
      const sad = randomBytes(16).toString('hex');
      sads.set(sad, { left: n, hashes });
      return { status: 200, body: { SAD: sad, expiresIn: 60 } };
    }
    if (method === 'signatures/signHash') {
      const grant = typeof body['SAD'] === 'string' ? sads.get(body['SAD']) : undefined;
      if (!grant) return fail('Invalid parameter SAD');
      const hashes = body['hash'];
      if (!Array.isArray(hashes) || hashes.length === 0 || hashes.length > grant.left)
        return fail('Invalid parameter hash');
      if (grant.hashes && hashes.some((h) => !grant.hashes!.includes(h as string)))
        return fail('Hash is not authorized by the SAD');
      const algo = body['signAlgo'];
      if (algo !== SHA256_RSA && !(algo === RSA && body['hashAlgo'] === SHA256))
        return fail('Invalid parameter signAlgo');
      grant.left -= hashes.length;
      if (grant.left === 0) sads.delete(body['SAD'] as string);
      state.signed++;
      const signatures = (hashes as string[]).map((h) => {
        const digest = Buffer.from(h, 'base64');
        if (digest.length !== 32) throw new Error('not a SHA-256 digest');
        return privateEncrypt(
          { key, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([DIGEST_INFO_SHA256, digest]),
        ).toString('base64');
      });
      return { status: 200, body: { signatures } };
    }
    return { status: 404, body: { error: 'invalid_request', error_description: 'Unknown method' } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const method = path.startsWith('/csc/v1/') ? path.slice('/csc/v1/'.length) : '';
      let body: Record<string, unknown> = {};
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const { status, body: out } = method
        ? answer(method, body, req.headers.authorization)
        : { status: 404, body: { error: 'not_found' } };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(out));
    });
  });
  const url = await listen(server);
  return {
    url,
    get signed() {
      return state.signed;
    },
    close: () => closeServer(server),
  };
}
