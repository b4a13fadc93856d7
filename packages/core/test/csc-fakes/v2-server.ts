import { randomUUID } from 'node:crypto';
import type { TestIdentity } from '@kyso/testkit';
import { type Answer, type JsonServer, startJsonServer } from './http.js';
import { type FakeHash, HASH_LENGTH, HASH_OIDS, signEcdsa, signPkcs1, signPss } from './signing.js';

/**
 * A small CSC v2 (2.0.0.2) service: bearer token, PIN in `authData` (or the 2.0.0.0 `PIN` field),
 * three wrong PINs lock the credential, SADs bound to their hashes and to `numSignatures`, a 202
 * approval that is polled, and ECDSA answered as r‖s or DER. Error strings as the v2 spec writes them.
 */

export interface V2Credential {
  id: string;
  identity: TestIdentity;
  algos: string[];
  /** 'objects': v2.0.0.2 auth.objects/authData; 'fields': v2.0.0.0 authMode/PIN; 'oauth2code': no authorize. */
  auth: 'objects' | 'fields' | 'oauth2code';
  pin?: string;
  scal?: '1' | '2';
  multisign?: number;
  ecdsa?: 'raw' | 'der';
  /** Returns signatures that do not verify. */
  bogus?: boolean;
  /** authorize answers 202 and authorizeCheck answers 202 this many times before the SAD. */
  approvalPolls?: number;
  /** authorize never answers (for timeouts and cancellation). */
  hangAuthorize?: boolean;
}

interface Sad {
  credentialId: string;
  remaining: number;
  hashes: Set<string> | undefined;
}

export interface FakeV2 extends JsonServer {
  /** Wrong PIN attempts so far, per credential. */
  failures: Map<string, number>;
  liveSads: Map<string, Sad>;
}

const bad = (error: string, description: string, status = 400): Answer => ({
  status,
  body: { error, error_description: description },
});
const invalid = (description: string) => bad('invalid_request', description);

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const NAMED: Record<string, { kind: 'pkcs1' | 'ecdsa'; hash: FakeHash }> = {
  '1.2.840.113549.1.1.11': { kind: 'pkcs1', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { kind: 'pkcs1', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { kind: 'pkcs1', hash: 'sha512' },
  '1.2.840.10045.4.3.2': { kind: 'ecdsa', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { kind: 'ecdsa', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { kind: 'ecdsa', hash: 'sha512' },
};

function hashOfOid(oid: unknown): FakeHash | undefined {
  return (Object.keys(HASH_OIDS) as FakeHash[]).find((h) => HASH_OIDS[h] === oid);
}

/** RSASSA-PSS-params with MGF1 and salt = hash length, written out by hand (NULL hash parameters). */
export function expectedPssParams(hash: FakeHash): string {
  const n = { sha256: '01', sha384: '02', sha512: '03' }[hash];
  const hashId = `300d06096086480165030402${n}0500`;
  const salt = HASH_LENGTH[hash].toString(16);
  return Buffer.from(
    `3034a00f${hashId}a11c301a06092a864886f70d010108${hashId}a2030201${salt}`,
    'hex',
  ).toString('base64');
}

function decodeHashes(value: unknown, hash: FakeHash | undefined): Buffer[] | Answer {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string'))
    return invalid('Missing (or invalid type) array parameter hashes');
  const out = value.map((v: string) => Buffer.from(v, 'base64'));
  if (out.some((b, i) => b.toString('base64') !== value[i]))
    return invalid('Invalid Base64 hashes string parameter');
  if (hash && out.some((b) => b.length !== HASH_LENGTH[hash])) return invalid('Invalid digest value length');
  return out;
}

export async function startCscV2(options: { token: string; credentials: V2Credential[] }): Promise<FakeV2> {
  const failures = new Map<string, number>();
  const sads = new Map<string, Sad>();
  const pending = new Map<string, { credential: V2Credential; sad: Sad; polls: number }>();
  const byId = new Map(options.credentials.map((c) => [c.id, c]));

  function credentialInfo(c: V2Credential) {
    const base = {
      key: { status: 'enabled', algo: c.algos, len: c.identity.keySpec.startsWith('rsa') ? 2048 : 256 },
      cert: { status: 'valid', certificates: c.identity.chain.map((d) => Buffer.from(d).toString('base64')) },
      SCAL: c.scal ?? '1',
      multisign: c.multisign ?? 1,
      lang: 'vi-VN',
    };
    if (c.auth === 'oauth2code') return { ...base, auth: { mode: 'oauth2code' } };
    if (c.auth === 'fields')
      return { ...base, authMode: 'explicit', PIN: { presence: 'true', format: 'N', label: 'PIN' } };
    return {
      ...base,
      auth: {
        mode: 'explicit',
        expression: 'PIN',
        objects: [
          { type: 'Password', id: 'PIN', format: 'N', label: 'Mã PIN', description: 'Nhập mã PIN ký số' },
        ],
      },
    };
  }

  function authorize(body: Record<string, unknown>): Answer {
    if (typeof body['credentialID'] !== 'string')
      return invalid('Missing (or invalid type) string parameter credentialID');
    const c = byId.get(body['credentialID']);
    if (!c) return invalid('Invalid parameter credentialID');
    if (c.auth === 'oauth2code')
      return bad('invalid_request', 'credentials/authorize is not used in oauth2code mode');
    if (c.hangAuthorize) return 'hang';
    const n = body['numSignatures'];
    if (typeof n !== 'number' || !Number.isInteger(n))
      return invalid('Missing (or invalid type) integer parameter numSignatures');
    if (n < 1) return invalid('Invalid value for parameter numSignatures');
    if (n > (c.multisign ?? 1)) return invalid('Numbers of signatures is too high');
    let hashes: Set<string> | undefined;
    if (body['hashes'] !== undefined || c.scal === '2') {
      const hash = hashOfOid(body['hashAlgorithmOID']);
      if (!hash) return invalid('Missing (or invalid type) string parameter hashAlgorithmOID');
      const decoded = decodeHashes(body['hashes'], hash);
      if (!Array.isArray(decoded)) return decoded;
      if (decoded.length !== n) return invalid('Invalid parameter hashes');
      hashes = new Set(decoded.map((b) => b.toString('base64')));
    }
    if ((failures.get(c.id) ?? 0) >= 3) return invalid('Credential locked');
    const given =
      c.auth === 'objects'
        ? (Array.isArray(body['authData'])
            ? (body['authData'] as { id?: unknown; value?: unknown }[])
            : []
          ).find((a) => a.id === 'PIN')?.value
        : body['PIN'];
    if (given !== c.pin) {
      const count = (failures.get(c.id) ?? 0) + 1;
      failures.set(c.id, count);
      return count >= 3
        ? invalid('Credential locked')
        : bad('invalid_authentication_data', 'The authentication data is invalid');
    }
    failures.set(c.id, 0);
    const sad: Sad = { credentialId: c.id, remaining: n, hashes };
    if (c.approvalPolls) {
      const handle = randomUUID();
      pending.set(handle, { credential: c, sad, polls: c.approvalPolls });
      return { status: 202, body: { handle } };
    }
    const id = randomUUID();
    sads.set(id, sad);
    return { status: 200, body: { SAD: id, expiresIn: 300 } };
  }

  function authorizeCheck(body: Record<string, unknown>): Answer {
    const p = typeof body['handle'] === 'string' ? pending.get(body['handle']) : undefined;
    if (!p) return invalid('Invalid parameter handle');
    if (--p.polls > 0) return { status: 202, body: { handle: body['handle'] } };
    pending.delete(body['handle'] as string);
    const id = randomUUID();
    sads.set(id, p.sad);
    return { status: 200, body: { SAD: id } };
  }

  function signHash(body: Record<string, unknown>): Answer {
    if (typeof body['credentialID'] !== 'string')
      return invalid('Missing (or invalid type) string parameter credentialID');
    const c = byId.get(body['credentialID']);
    if (!c) return invalid('Invalid parameter credentialID');
    const signAlgo = body['signAlgo'];
    if (typeof signAlgo !== 'string') return invalid('Missing (or invalid type) string parameter signAlgo');
    if (!c.algos.includes(signAlgo)) return invalid('Invalid parameter signAlgo');
    const named = NAMED[signAlgo];
    if (named && body['hashAlgorithmOID'] !== undefined && hashOfOid(body['hashAlgorithmOID']) !== named.hash)
      return invalid('String parameter hashAlgorithmOID contradicts with signAlgo parameter');
    const hash = named?.hash ?? hashOfOid(body['hashAlgorithmOID']);
    if (!hash) return invalid('Missing (or invalid type) string parameter hashAlgorithmOID');
    if (signAlgo === RSASSA_PSS && body['signAlgoParams'] !== expectedPssParams(hash))
      return invalid('Invalid parameter signAlgoParams');
    const digests = decodeHashes(body['hashes'], hash);
    if (!Array.isArray(digests)) return digests;
    let sad: Sad | undefined;
    if (c.auth !== 'oauth2code') {
      if (typeof body['SAD'] !== 'string') return invalid('Missing (or invalid type) string parameter SAD');
      sad = sads.get(body['SAD']);
      if (!sad) return invalid('SAD expired');
      if (sad.credentialId !== c.id) return invalid('Invalid parameter SAD');
      if (sad.hashes && digests.some((d) => !sad!.hashes!.has(d.toString('base64'))))
        return invalid('Hash is not authorized by the SAD');
      if (digests.length > sad.remaining) return invalid('Numbers of signatures is too high');
      sad.remaining -= digests.length;
      if (sad.remaining === 0) sads.delete(body['SAD']);
    }
    const signatures = digests.map((digest) => {
      const kind =
        named?.kind ?? (signAlgo === RSA_ENCRYPTION ? 'pkcs1' : signAlgo === EC_PUBLIC_KEY ? 'ecdsa' : 'pss');
      let value =
        kind === 'pkcs1'
          ? signPkcs1(c.identity, hash, digest)
          : kind === 'pss'
            ? signPss(c.identity, hash, digest, HASH_LENGTH[hash])
            : signEcdsa(c.identity, digest, c.ecdsa ?? 'der');
      if (c.bogus) {
        value = Buffer.from(value);
        value[value.length - 5] = value[value.length - 5]! ^ 0x01;
      }
      return value.toString('base64');
    });
    return { status: 200, body: { signatures } };
  }

  const server = await startJsonServer((path, body, headers) => {
    if (!path.startsWith('/csc/v2/')) return { status: 404, body: { error: 'not_found' } };
    const method = path.slice('/csc/v2/'.length);
    if (method === 'info')
      return {
        status: 200,
        body: {
          specs: '2.0.0.2',
          name: 'Dịch vụ ký số thử nghiệm',
          logo: 'https://127.0.0.1/logo.png',
          region: 'VN',
          lang: 'vi-VN',
          description: 'fake CSC v2 service for kyso tests',
          authType: ['oauth2code'],
          oauth2: 'https://127.0.0.1/oauth2',
          methods: ['credentials/list', 'credentials/info', 'credentials/authorize', 'signatures/signHash'],
          signAlgorithms: { algos: [...new Set(options.credentials.flatMap((c) => c.algos))] },
          signature_formats: { formats: ['C', 'P'] },
          conformance_levels: ['Ades-B-B'],
        },
      };
    if (headers.authorization !== `Bearer ${options.token}`)
      return bad('invalid_token', 'The access token is not valid', 401);
    switch (method) {
      case 'credentials/list':
        return { status: 200, body: { credentialIDs: options.credentials.map((c) => c.id) } };
      case 'credentials/info': {
        if (typeof body['credentialID'] !== 'string')
          return invalid('Missing (or invalid type) string parameter credentialID');
        const c = byId.get(body['credentialID']);
        return c ? { status: 200, body: credentialInfo(c) } : invalid('Invalid parameter credentialID');
      }
      case 'credentials/authorize':
        return authorize(body);
      case 'credentials/authorizeCheck':
        return authorizeCheck(body);
      case 'signatures/signHash':
        return signHash(body);
      default:
        return { status: 404, body: { error: 'not_found' } };
    }
  });
  return Object.assign(server, { failures, liveSads: sads });
}
