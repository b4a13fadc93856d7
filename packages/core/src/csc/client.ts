import { fromBase64, toBase64 } from '../bytes/bytes.js';
import { KysoError } from '../errors/kyso-error.js';
import { throwIfAborted } from './abort.js';
import { readCredentialInfo } from './credential-info.js';
import { detectCscVersion } from './detect-version.js';
import { type CscVersion, cscMethodUrl, parseCscBaseUrl } from './endpoint.js';
import { readCscInfo } from './info.js';
import {
  type JsonObject,
  malformed,
  optionalNumber,
  optionalString,
  requireString,
  requireStringArray,
} from './json.js';
import { CscTransport, type CscTransportOptions } from './transport.js';
import type {
  CscAuthorization,
  CscAuthorizeRequest,
  CscCredentialInfo,
  CscInfo,
  CscSignHashRequest,
} from './types.js';

export interface CscClientOptions extends CscTransportOptions {
  /** The service root, or a URL ending in `/csc/v1` or `/csc/v2` (which pins the version). */
  baseUrl: string;
  /** 'auto' by default: see detectCscVersion. */
  version?: CscVersion | 'auto';
  /** Polling interval when credentials/authorize answers 202 (v2 approval underway), 2 s by default. */
  pollIntervalMs?: number;
  /** How long such an approval may take, 5 minutes by default. */
  approvalTimeoutMs?: number;
}

export interface CscCallOptions {
  signal?: AbortSignal;
}

const MAX_PAGES = 100;

/**
 * The CSC API methods kyso uses, for v1 (1.0.4) and v2 (2.0.0.x), with one set of types: the
 * field names that differ (`hash`/`hashes`, `hashAlgo`/`hashAlgorithmOID`) are this class's business.
 */
export class CscClient {
  readonly root: string;
  readonly #transport: CscTransport;
  readonly #fixed: CscVersion | undefined;
  readonly #pollIntervalMs: number;
  readonly #approvalTimeoutMs: number;
  #detected: Promise<{ version: CscVersion; info?: CscInfo }> | undefined;

  constructor(options: CscClientOptions) {
    const endpoint = parseCscBaseUrl(options.baseUrl);
    const requested = options.version ?? 'auto';
    if (requested !== 'auto' && endpoint.pinned && endpoint.pinned !== requested)
      throw new KysoError('INVALID_INPUT', {
        params: { detail: `CSC base URL ${options.baseUrl} contradicts version ${requested}` },
      });
    this.root = endpoint.root;
    this.#fixed = requested === 'auto' ? endpoint.pinned : requested;
    this.#transport = new CscTransport(options);
    this.#pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.#approvalTimeoutMs = options.approvalTimeoutMs ?? 300_000;
  }

  /** The protocol version in use: fixed by the options or the URL, else detected once. */
  async version(options: CscCallOptions = {}): Promise<CscVersion> {
    return (await this.#resolve(options.signal)).version;
  }

  #resolve(signal?: AbortSignal): Promise<{ version: CscVersion; info?: CscInfo }> {
    if (this.#fixed) return Promise.resolve({ version: this.#fixed });
    if (!this.#detected) {
      const pending = detectCscVersion(this.#transport, this.root, signal);
      this.#detected = pending;
      // a failed detection (service down, cancelled) is retried by the next call
      pending.catch(() => {
        if (this.#detected === pending) this.#detected = undefined;
      });
    }
    return this.#detected;
  }

  async #call(method: string, body: JsonObject, signal: AbortSignal | undefined, extra = {}) {
    const { version } = await this.#resolve(signal);
    const url = cscMethodUrl(this.root, version, method);
    return { version, ...(await this.#transport.call(url, body, { method, ...extra }, signal)) };
  }

  async info(options: CscCallOptions = {}): Promise<CscInfo> {
    const resolved = await this.#resolve(options.signal);
    if (resolved.info) return resolved.info;
    return readCscInfo((await this.#call('info', {}, options.signal)).json);
  }

  /** `credentials/list`: every credential ID of the token's user, following v1 page tokens. */
  async listCredentials(options: CscCallOptions = {}): Promise<string[]> {
    const ids: string[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body: Record<string, unknown> = pageToken ? { pageToken } : {};
      const { json } = await this.#call('credentials/list', body, options.signal);
      ids.push(...requireStringArray(json['credentialIDs'], 'credentials/list', 'credentialIDs'));
      pageToken = optionalString(json['nextPageToken'], 'credentials/list', 'nextPageToken');
      if (!pageToken) return ids;
    }
    throw malformed('credentials/list', `more than ${MAX_PAGES} pages`);
  }

  /** `credentials/info` with the certificate chain and the authorization details. */
  async credentialInfo(credentialId: string, options: CscCallOptions = {}): Promise<CscCredentialInfo> {
    const { version } = await this.#resolve(options.signal);
    const body: Record<string, unknown> = {
      credentialID: credentialId,
      certificates: 'chain',
      certInfo: false,
    };
    if (version === 'v2') body['authInfo'] = true;
    const { json } = await this.#call('credentials/info', body, options.signal);
    return readCredentialInfo(credentialId, json);
  }

  /** `credentials/sendOTP`: asks the service to send an online OTP to the user. */
  async sendOtp(credentialId: string, options: CscCallOptions = {}): Promise<void> {
    await this.#call('credentials/sendOTP', { credentialID: credentialId }, options.signal);
  }

  /** `credentials/authorize` → SAD. A v2 202 answer (approval underway) is polled with authorizeCheck. */
  async authorize(request: CscAuthorizeRequest, options: CscCallOptions = {}): Promise<CscAuthorization> {
    const { version } = await this.#resolve(options.signal);
    const body: Record<string, unknown> = {
      credentialID: request.credentialId,
      numSignatures: request.numSignatures,
    };
    if (request.hashes) {
      const hashes = request.hashes.map(toBase64);
      if (version === 'v1') body['hash'] = hashes;
      else {
        body['hashes'] = hashes;
        if (request.hashAlgorithmOid) body['hashAlgorithmOID'] = request.hashAlgorithmOid;
      }
    }
    if (request.pin !== undefined) body['PIN'] = request.pin;
    if (request.otp !== undefined) body['OTP'] = request.otp;
    if (request.authData && version === 'v2') body['authData'] = request.authData;
    if (request.description) body['description'] = request.description.slice(0, 500);
    const factors = {
      sentPin: request.pin !== undefined || !!request.authData?.some((a) => a.value && !/otp/i.test(a.id)),
      sentOtp: request.otp !== undefined || !!request.authData?.some((a) => /otp/i.test(a.id)),
    };
    let answer = await this.#call('credentials/authorize', body, options.signal, factors);
    const deadline = Date.now() + this.#approvalTimeoutMs;
    while (answer.status === 202) {
      const handle = requireString(answer.json['handle'], 'credentials/authorize', 'handle');
      if (Date.now() > deadline)
        throw new KysoError('CREDENTIAL_NOT_AUTHORIZED', {
          params: { detail: `no approval within ${this.#approvalTimeoutMs} ms` },
        });
      await delay(this.#pollIntervalMs, options.signal);
      answer = await this.#call('credentials/authorizeCheck', { handle }, options.signal, factors);
    }
    const sad = requireString(answer.json['SAD'], 'credentials/authorize', 'SAD');
    const expiresIn = optionalNumber(answer.json['expiresIn'], 'credentials/authorize', 'expiresIn');
    return expiresIn === undefined ? { sad } : { sad, expiresIn };
  }

  /** `signatures/signHash` (synchronous): one signature value per hash, in order, as the service sent it. */
  async signHash(request: CscSignHashRequest, options: CscCallOptions = {}): Promise<Uint8Array[]> {
    const { version } = await this.#resolve(options.signal);
    const body: Record<string, unknown> = { credentialID: request.credentialId };
    if (request.sad !== undefined) body['SAD'] = request.sad;
    body[version === 'v1' ? 'hash' : 'hashes'] = request.hashes.map(toBase64);
    if (request.hashAlgorithmOid)
      body[version === 'v1' ? 'hashAlgo' : 'hashAlgorithmOID'] = request.hashAlgorithmOid;
    body['signAlgo'] = request.signAlgo;
    if (request.signAlgoParams) body['signAlgoParams'] = toBase64(request.signAlgoParams);
    const { json } = await this.#call('signatures/signHash', body, options.signal);
    const values = requireStringArray(json['signatures'], 'signatures/signHash', 'signatures');
    if (values.length !== request.hashes.length)
      throw malformed(
        'signatures/signHash',
        `${values.length} signatures for ${request.hashes.length} hashes`,
      );
    return values.map((v, i) => {
      try {
        return fromBase64(v);
      } catch {
        throw malformed('signatures/signHash', `signatures[${i}] is not base64`);
      }
    });
  }
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  throwIfAborted(signal);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new KysoError('ABORTED', { cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
