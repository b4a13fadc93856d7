import type { HashAlg, Signer, SignOptions, SignRequest, SigScheme } from '@kyso/core';
import { KysoError } from '@kyso/core';
import { checkRequest, keyAlgorithms, signingKeyOf } from '../keys/key-algorithms.js';
import { CK } from './constants.js';
import { tokenOperation } from './mechanisms.js';
import type { Pkcs11Module, Pkcs11Session, TokenSelector } from './module.js';
import { describeKey, findCertificate, findPrivateKey, type KeySelector } from './objects.js';

/** The user PIN, or a function asked for it once per sign/signMany (a prompt, a secret store). */
export type Pkcs11Pin =
  | string
  | ((context: { token: TokenSelector; key: KeySelector }) => string | Promise<string>);

export interface Pkcs11SignerOptions {
  module: Pkcs11Module;
  /** Which token; the only one present when omitted. */
  token?: TokenSelector;
  key: KeySelector;
  pin: Pkcs11Pin;
  /**
   * The chain to send with signatures, signer first. When the token holds the signer's certificate
   * (beside the key, same id or label) this may hold only the issuers, or be omitted.
   */
  certificates?: readonly Uint8Array[];
}

interface KeyInfo {
  certificates: Uint8Array[];
  algorithms: { hash: HashAlg; scheme: SigScheme }[];
}

const OUTPUT_SIZE = 1024; // RSA up to 8192 bits, any ECDSA r‖s

/**
 * A key on a PKCS#11 token or HSM as a core Signer: digests only reach the token (CKM_RSA_PKCS with a
 * DigestInfo, CKM_RSA_PKCS_PSS, CKM_ECDSA, r‖s turned into DER). `signMany` logs in once for the whole
 * batch; the session is always closed. Errors: PIN_INCORRECT, PIN_LOCKED, KEY_NOT_FOUND,
 * TOKEN_NOT_PRESENT, UNSUPPORTED_ALGORITHM.
 */
export class Pkcs11Signer implements Signer {
  readonly #options: Pkcs11SignerOptions;
  readonly #token: TokenSelector;
  #info: Promise<KeyInfo> | undefined;

  constructor(options: Pkcs11SignerOptions) {
    if (options.key.label === undefined && options.key.id === undefined)
      throw new KysoError('USAGE', { params: { detail: 'Pkcs11Signer needs key.label or key.id' } });
    this.#options = options;
    this.#token = options.token ?? {};
  }

  /** The same key with another PIN (e.g. the one a user just typed), sharing what was read from the token. */
  withPin(pin: Pkcs11Pin): Pkcs11Signer {
    const other = new Pkcs11Signer({ ...this.#options, pin });
    other.#info = this.#info;
    return other;
  }

  async certificates(options: SignOptions = {}): Promise<Uint8Array[]> {
    return (await this.#keyInfo(options.signal)).certificates.map((c) => c.slice());
  }

  async algorithms(options: SignOptions = {}): Promise<{ hash: HashAlg; scheme: SigScheme }[]> {
    return (await this.#keyInfo(options.signal)).algorithms.map((a) => ({ ...a }));
  }

  /** Logs in and out: PIN_INCORRECT or PIN_LOCKED when the token refuses the PIN; checks the key is there. */
  async verifyPin(pin: string, options: SignOptions = {}): Promise<void> {
    await this.#options.module.withSession(
      this.#token,
      async (session) => {
        findPrivateKey(session, this.#options.key);
      },
      { pin, ...(options.signal ? { signal: options.signal } : {}) },
    );
  }

  async sign(request: SignRequest, options: SignOptions = {}): Promise<Uint8Array> {
    const [signature] = await this.signMany([request], options);
    return signature!;
  }

  async signMany(requests: SignRequest[], options: SignOptions = {}): Promise<Uint8Array[]> {
    const { signal } = options;
    signal?.throwIfAborted();
    if (requests.length === 0) return [];
    const { algorithms } = await this.#keyInfo(signal);
    for (const request of requests) checkRequest(algorithms, request);
    const pin = await this.#pin();
    return this.#options.module.withSession(
      this.#token,
      async (session) => {
        const key = findPrivateKey(session, this.#options.key);
        const out: Uint8Array[] = [];
        for (const request of requests) {
          signal?.throwIfAborted();
          out.push(await signOne(session, key, request));
        }
        return out;
      },
      { pin, ...(signal ? { signal } : {}) },
    );
  }

  async #pin(): Promise<string> {
    const { pin } = this.#options;
    return typeof pin === 'string' ? pin : pin({ token: this.#token, key: this.#options.key });
  }

  #keyInfo(signal: AbortSignal | undefined): Promise<KeyInfo> {
    if (!this.#info) {
      const pending = this.#readKeyInfo(signal);
      this.#info = pending;
      // a failure (token absent, say) is tried again next time
      pending.catch(() => {
        if (this.#info === pending) this.#info = undefined;
      });
    }
    return this.#info;
  }

  async #readKeyInfo(signal: AbortSignal | undefined): Promise<KeyInfo> {
    const { module, key } = this.#options;
    const given = [...(this.#options.certificates ?? [])];
    const { stored, pss } = await module.withSession(
      this.#token,
      async (session: Pkcs11Session) => ({
        stored: findCertificate(session, key),
        pss: session.mechanisms.has(CK.CKM_RSA_PKCS_PSS),
      }),
      signal ? { signal } : {},
    );
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    const certificates = stored ? [stored, ...given.filter((c) => !same(c, stored))] : given;
    if (certificates.length === 0)
      throw new KysoError('KEY_NOT_FOUND', {
        params: { detail: `no certificate on the token for ${describeKey(key)}, and none given` },
      });
    return { certificates, algorithms: keyAlgorithms(signingKeyOf(certificates[0]!), { pss }) };
  }
}

async function signOne(session: Pkcs11Session, key: Buffer, request: SignRequest): Promise<Uint8Array> {
  const operation = tokenOperation(session, request);
  session.api.C_SignInit(session.handle, operation.mechanism, key);
  const output = await session.api.C_SignAsync(session.handle, operation.input, Buffer.alloc(OUTPUT_SIZE));
  return operation.finish(new Uint8Array(output));
}
