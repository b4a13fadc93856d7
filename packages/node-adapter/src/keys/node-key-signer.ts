import { constants, createPrivateKey, type KeyObject, privateEncrypt } from 'node:crypto';
import {
  type HashAlg,
  KysoError,
  type PublicKey,
  type Signer,
  type SignOptions,
  type SignRequest,
  type SigScheme,
} from '@kyso/core';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { digestInfo } from './digest-info.js';
import { emsaPssEncode } from './emsa-pss.js';
import { checkRequest, keyAlgorithms, signingKeyOf } from './key-algorithms.js';

const CURVES = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;

/**
 * A Signer over a private key held in this process (a PKCS#12 file's), signing digests as a token
 * does: core's WebCrypto-based signers need the signed data, a CSC signHash brings only its digest.
 * RSA through Node's raw private operation (PKCS#1 v1.5 DigestInfo padding, or PSS encoded here),
 * ECDSA through @noble/curves over the digest, DER out.
 */
export class NodeKeySigner implements Signer {
  readonly #key: KeyObject;
  /** EC keys: the private scalar, as @noble/curves takes it. */
  readonly #scalar: Uint8Array | undefined;
  readonly #public: PublicKey & { kind: 'RSA' | 'EC' };
  readonly #certificates: Uint8Array[];
  readonly #algorithms: { hash: HashAlg; scheme: SigScheme }[];

  /** `pkcs8` is not kept; wipe it after the call if it came from a file. */
  constructor(pkcs8: Uint8Array, certificates: readonly Uint8Array[]) {
    const [leaf] = certificates;
    if (!leaf) throw new KysoError('INVALID_INPUT', { params: { detail: 'a signer needs its certificate' } });
    this.#certificates = certificates.map((c) => c.slice());
    this.#public = signingKeyOf(leaf);
    try {
      this.#key = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
    } catch (error) {
      throw new KysoError('INVALID_INPUT', {
        params: { detail: `the private key does not parse (${(error as Error).message})` },
        cause: error,
      });
    }
    if (this.#public.kind === 'EC' && !(this.#public.curve in CURVES))
      throw new KysoError('UNSUPPORTED_ALGORITHM', {
        params: { algorithm: `ECDSA on ${this.#public.curve}` },
      });
    this.#scalar =
      this.#public.kind === 'EC'
        ? new Uint8Array(Buffer.from(this.#key.export({ format: 'jwk' }).d ?? '', 'base64url'))
        : undefined;
    this.#algorithms = keyAlgorithms(this.#public);
  }

  async certificates(options: SignOptions = {}): Promise<Uint8Array[]> {
    options.signal?.throwIfAborted();
    return this.#certificates.map((c) => c.slice());
  }

  async algorithms(options: SignOptions = {}): Promise<{ hash: HashAlg; scheme: SigScheme }[]> {
    options.signal?.throwIfAborted();
    return this.#algorithms.map((a) => ({ ...a }));
  }

  async sign(request: SignRequest, options: SignOptions = {}): Promise<Uint8Array> {
    options.signal?.throwIfAborted();
    checkRequest(this.#algorithms, request);
    const key = this.#public;
    if (key.kind === 'EC') {
      const curve = CURVES[key.curve as keyof typeof CURVES];
      return curve.sign(request.digest, this.#scalar!, { prehash: false, format: 'der' });
    }
    const input =
      request.scheme === 'RSASSA-PSS'
        ? emsaPssEncode(request.hash, request.digest, key.bits)
        : digestInfo(request.hash, request.digest);
    const padding = request.scheme === 'RSASSA-PSS' ? constants.RSA_NO_PADDING : constants.RSA_PKCS1_PADDING;
    return new Uint8Array(privateEncrypt({ key: this.#key, padding }, input));
  }

  async signMany(requests: SignRequest[], options: SignOptions = {}): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    for (const request of requests) out.push(await this.sign(request, options));
    return out;
  }
}
