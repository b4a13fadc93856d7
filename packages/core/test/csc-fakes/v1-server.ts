import { randomInt, randomUUID } from 'node:crypto';
import type { TestIdentity } from '@kyso/testkit';
import { type Answer, type JsonServer, startJsonServer } from './http.js';
import { type FakeHash, HASH_LENGTH, HASH_OIDS, signEcdsa, signPkcs1 } from './signing.js';

/**
 * A small CSC v1 (1.0.4.0) service under a path prefix: `hash`/`hashAlgo` field names, `authMode` with
 * `PIN`/`OTP` presence objects, online OTPs sent by credentials/sendOTP, page tokens in
 * credentials/list, and the v1 error strings ("The PIN is invalid", "PIN locked", "The OTP is
 * invalid", all `invalid_request`, as the EU reference implementation of v1.0.4 answers).
 */

export interface V1Credential {
  id: string;
  identity: TestIdentity;
  algos: string[];
  pin: string;
  /** An online OTP, sent by credentials/sendOTP and good for one authorize. */
  otp?: boolean;
  multisign?: number;
  ecdsa?: 'raw' | 'der';
}

export interface FakeV1 extends JsonServer {
  /** The OTP last sent per credential ("by SMS"): what a test's otp callback reads. */
  sentOtps: Map<string, string>;
}

const invalid = (description: string): Answer => ({
  status: 400,
  body: { error: 'invalid_request', error_description: description },
});

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const ECDSA_WITH: Record<string, FakeHash> = {
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const RSA_WITH: Record<string, FakeHash> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

export async function startCscV1(options: {
  token: string;
  prefix: string;
  credentials: V1Credential[];
}): Promise<FakeV1> {
  const byId = new Map(options.credentials.map((c) => [c.id, c]));
  const failures = new Map<string, number>();
  const sentOtps = new Map<string, string>();
  const sads = new Map<
    string,
    { credentialId: string; remaining: number; hashes: Set<string> | undefined }
  >();
  const root = `${options.prefix}/csc/v1/`;

  function info(c: V1Credential) {
    return {
      description: `credential ${c.id}`,
      key: { status: 'enabled', algo: c.algos, len: 2048 },
      cert: { status: 'valid', certificates: c.identity.chain.map((d) => Buffer.from(d).toString('base64')) },
      authMode: 'explicit',
      PIN: { presence: 'true', format: 'N', label: 'PIN', description: 'Please enter the signature PIN' },
      ...(c.otp
        ? {
            OTP: {
              presence: 'true',
              type: 'online',
              format: 'N',
              label: 'Mobile OTP',
              ID: 'MB-SMS',
              provider: 'fake',
            },
          }
        : { OTP: { presence: 'false' } }),
      multisign: c.multisign ?? 1,
      lang: 'en-US',
    };
  }

  function authorize(body: Record<string, unknown>): Answer {
    if (typeof body['credentialID'] !== 'string')
      return invalid('Missing (or invalid type) string parameter credentialID');
    const c = byId.get(body['credentialID']);
    if (!c) return invalid('Invalid parameter credentialID');
    const n = body['numSignatures'];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
      return invalid('Missing (or invalid type) integer parameter numSignatures');
    if (n > (c.multisign ?? 1)) return invalid('Numbers of signatures is too high');
    let hashes: Set<string> | undefined;
    if (body['hash'] !== undefined) {
      const h = body['hash'];
      if (!Array.isArray(h) || h.length !== n || !h.every((v) => typeof v === 'string'))
        return invalid('Missing (or invalid type) array parameter hash');
      if (h.some((v: string) => Buffer.from(v, 'base64').toString('base64') !== v))
        return invalid('Invalid Base64 hash string parameter');
      hashes = new Set(h as string[]);
    }
    if (typeof body['PIN'] !== 'string') return invalid('Missing (or invalid type) string parameter PIN');
    if ((failures.get(c.id) ?? 0) >= 3) return invalid('PIN locked');
    if (body['PIN'] !== c.pin) {
      const count = (failures.get(c.id) ?? 0) + 1;
      failures.set(c.id, count);
      return invalid(count >= 3 ? 'PIN locked' : 'The PIN is invalid');
    }
    if (c.otp) {
      if (typeof body['OTP'] !== 'string') return invalid('Missing (or invalid type) string parameter OTP');
      const sent = sentOtps.get(c.id);
      sentOtps.delete(c.id);
      if (body['OTP'] !== sent) return invalid('The OTP is invalid');
    }
    failures.set(c.id, 0);
    const sad = randomUUID();
    sads.set(sad, { credentialId: c.id, remaining: n, hashes });
    return { status: 200, body: { SAD: sad, expiresIn: 120 } };
  }

  function signHash(body: Record<string, unknown>): Answer {
    if (typeof body['SAD'] !== 'string') return invalid('Missing (or invalid type) string parameter SAD');
    if (typeof body['credentialID'] !== 'string')
      return invalid('Missing (or invalid type) string parameter credentialID');
    const c = byId.get(body['credentialID']);
    if (!c) return invalid('Invalid parameter credentialID');
    const sad = sads.get(body['SAD']);
    if (!sad || sad.credentialId !== c.id) return invalid('Invalid parameter SAD');
    const h = body['hash'];
    if (!Array.isArray(h) || h.length === 0 || !h.every((v) => typeof v === 'string'))
      return invalid('Missing (or invalid type) array parameter hash');
    const signAlgo = body['signAlgo'];
    if (typeof signAlgo !== 'string') return invalid('Missing (or invalid type) string parameter signAlgo');
    if (!c.algos.includes(signAlgo)) return invalid('Invalid parameter signAlgo');
    let hash = ECDSA_WITH[signAlgo] ?? RSA_WITH[signAlgo];
    if (hash && body['hashAlgo'] !== undefined && body['hashAlgo'] !== HASH_OIDS[hash])
      return invalid('Invalid parameter hashAlgo');
    if (signAlgo === RSA_ENCRYPTION) {
      if (typeof body['hashAlgo'] !== 'string')
        return invalid('Missing (or invalid type) string parameter hashAlgo');
      hash = (Object.keys(HASH_OIDS) as FakeHash[]).find((k) => HASH_OIDS[k] === body['hashAlgo']);
      if (!hash) return invalid('Invalid parameter hashAlgo');
    }
    if (!hash) return invalid('Invalid parameter signAlgo');
    const digests = (h as string[]).map((v) => Buffer.from(v, 'base64'));
    if (digests.some((d) => d.length !== HASH_LENGTH[hash])) return invalid('Invalid digest value length');
    if (sad.hashes && (h as string[]).some((v) => !sad.hashes!.has(v)))
      return invalid('Hash is not authorized by the SAD');
    if (digests.length > sad.remaining) return invalid('Numbers of signatures is too high');
    sad.remaining -= digests.length;
    if (sad.remaining === 0) sads.delete(body['SAD']);
    const signatures = digests.map((d) =>
      (ECDSA_WITH[signAlgo]
        ? signEcdsa(c.identity, d, c.ecdsa ?? 'der')
        : signPkcs1(c.identity, hash, d)
      ).toString('base64'),
    );
    return { status: 200, body: { signatures } };
  }

  const server = await startJsonServer((path, body, headers) => {
    if (!path.startsWith(root)) return { status: 404, body: 'Not Found' };
    const method = path.slice(root.length);
    if (method === 'info')
      return {
        status: 200,
        body: {
          specs: '1.0.4.0',
          name: 'Fake CSC v1',
          logo: 'https://127.0.0.1/logo.png',
          region: 'VN',
          lang: 'en-US',
          description: 'fake CSC v1 service for kyso tests',
          authType: ['oauth2code'],
          oauth2: 'https://127.0.0.1/oauth2',
          methods: [
            'credentials/list',
            'credentials/info',
            'credentials/authorize',
            'credentials/sendOTP',
            'signatures/signHash',
          ],
        },
      };
    if (headers.authorization !== `Bearer ${options.token}`)
      return {
        status: 401,
        body: { error: 'invalid_token', error_description: 'The access token is not valid' },
      };
    switch (method) {
      case 'credentials/list': {
        // one credential per page, so the client must follow nextPageToken
        const ids = options.credentials.map((c) => c.id);
        const at = typeof body['pageToken'] === 'string' ? Number(body['pageToken']) : 0;
        const next = at + 1 < ids.length ? { nextPageToken: String(at + 1) } : {};
        return { status: 200, body: { credentialIDs: ids.slice(at, at + 1), ...next } };
      }
      case 'credentials/info': {
        if (typeof body['credentialID'] !== 'string')
          return invalid('Missing (or invalid type) string parameter credentialID');
        const c = byId.get(body['credentialID']);
        return c ? { status: 200, body: info(c) } : invalid('Invalid parameter credentialID');
      }
      case 'credentials/sendOTP': {
        const c = typeof body['credentialID'] === 'string' ? byId.get(body['credentialID']) : undefined;
        if (!c) return invalid('Invalid parameter credentialID');
        sentOtps.set(c.id, String(randomInt(100000, 999999)));
        return { status: 204 };
      }
      case 'credentials/authorize':
        return authorize(body);
      case 'signatures/signHash':
        return signHash(body);
      default:
        return { status: 404, body: 'Not Found' };
    }
  });
  return Object.assign(server, { sentOtps });
}
