import { DIGEST_LENGTH, digestOid, type HashAlg } from '../crypto/digest.js';
import { type CryptoProvider, resolveProvider } from '../crypto/provider.js';
import type { PublicKey } from '../crypto/public-key.js';
import { eitherSignal, throwIfAborted } from '../csc/abort.js';
import { type CscSignAlgorithm, chooseSignAlgorithm, cscAlgorithms } from '../csc/algorithms.js';
import { type CscPrompt, type FactorState, gatherFactors } from '../csc/auth-factors.js';
import { CscClient, type CscClientOptions } from '../csc/client.js';
import { checkedSignatureValue } from '../csc/signature-value.js';
import type { CscCredentialInfo } from '../csc/types.js';
import { isKysoError, KysoError } from '../errors/kyso-error.js';
import { parseCertificate } from '../x509/certificate.js';
import type { Signer, SignOptions, SignRequest, SigScheme } from './signer.js';

export interface CscSignerOptions extends CscClientOptions {
  credentialId: string;
  /** Asked only when credentials/authorize needs a PIN; once per sign/signMany call. */
  pin?: CscPrompt;
  /** Asked for each authorization that needs an OTP. */
  otp?: CscPrompt;
  /** Shown by the service to the user approving (credentials/authorize `description`). */
  description?: string;
  /** Cancels every call of this signer (combined with each call's own signal). */
  signal?: AbortSignal;
  provider?: Partial<CryptoProvider>;
}

interface Credential {
  info: CscCredentialInfo;
  key: PublicKey;
}

/**
 * A key held by a remote signing service speaking the Cloud Signature Consortium API, v1 or v2.
 * Only digests leave: credentials/authorize binds them to the SAD (one PIN for a whole batch), then
 * signatures/signHash signs them; each value is checked against the certificate before it is returned.
 * Credentials in oauth2code mode skip authorize: the host's access token carries the credential scope.
 */
export class CscSigner implements Signer {
  readonly client: CscClient;
  readonly credentialId: string;
  readonly #options: CscSignerOptions;
  #credential: Promise<Credential> | undefined;

  constructor(options: CscSignerOptions) {
    if (!options.credentialId)
      throw new KysoError('INVALID_INPUT', { params: { detail: 'CscSigner needs a credentialId' } });
    this.client = new CscClient(options);
    this.credentialId = options.credentialId;
    this.#options = options;
  }

  /** credentials/info, read once (and again after a failure). */
  async credential(options: SignOptions = {}): Promise<CscCredentialInfo> {
    return (await this.#load(eitherSignal(this.#options.signal, options.signal))).info;
  }

  async certificates(options: SignOptions = {}): Promise<Uint8Array[]> {
    return (await this.credential(options)).certificates.map((c) => c.slice());
  }

  async algorithms(options: SignOptions = {}): Promise<{ hash: HashAlg; scheme: SigScheme }[]> {
    const { info, key } = await this.#load(eitherSignal(this.#options.signal, options.signal));
    return cscAlgorithms(info.keyAlgorithms, key);
  }

  async sign(request: SignRequest, options: SignOptions = {}): Promise<Uint8Array> {
    const [signature] = await this.signMany([request], options);
    return signature!;
  }

  async signMany(requests: SignRequest[], options: SignOptions = {}): Promise<Uint8Array[]> {
    const signal = eitherSignal(this.#options.signal, options.signal);
    throwIfAborted(signal);
    if (requests.length === 0) return [];
    for (const [i, r] of requests.entries())
      if (r.digest.length !== DIGEST_LENGTH[r.hash])
        throw new KysoError('INVALID_INPUT', {
          params: {
            detail: `request #${i + 1}: a ${r.hash} digest is ${DIGEST_LENGTH[r.hash]} bytes, not ${r.digest.length}`,
          },
        });
    const { info, key } = await this.#load(signal);
    if (info.keyStatus === 'disabled')
      throw new KysoError('CREDENTIAL_NOT_AUTHORIZED', {
        params: { detail: `credential ${this.credentialId} is disabled` },
      });

    // Algorithms are settled before anyone is asked for a PIN.
    const batches = batchesOf(requests, info.multisign).map((batch) => ({
      ...batch,
      algorithm: chooseSignAlgorithm(info.keyAlgorithms, key, requests[batch.indices[0]!]!),
    }));
    const provider = resolveProvider(this.#options.provider);
    const state: FactorState = {};
    const out: Uint8Array[] = new Array(requests.length);
    for (const batch of batches) {
      const batchRequests = batch.indices.map((i) => requests[i]!);
      const values = await this.#signBatch(info, batchRequests, batch.algorithm, state, signal);
      for (const [j, index] of batch.indices.entries())
        out[index] = await checkedSignatureValue(values[j]!, requests[index]!, key, provider, index);
    }
    return out;
  }

  async #signBatch(
    info: CscCredentialInfo,
    requests: SignRequest[],
    algorithm: CscSignAlgorithm,
    state: FactorState,
    signal: AbortSignal | undefined,
  ): Promise<Uint8Array[]> {
    const call = signal ? { signal } : {};
    const hashes = requests.map((r) => r.digest);
    let sad: string | undefined;
    if (info.authMode !== 'oauth2code') {
      const factors = await gatherFactors(info, this.#options, this.client, state, signal);
      const description = this.#options.description;
      ({ sad } = await this.client.authorize(
        {
          credentialId: this.credentialId,
          numSignatures: requests.length,
          // always bound: SCAL2 services require it, SCAL1 services may use it, and it costs nothing
          hashes,
          hashAlgorithmOid: digestOid(requests[0]!.hash),
          ...factors,
          ...(description ? { description } : {}),
        },
        call,
      ));
    }
    return this.client.signHash(
      {
        credentialId: this.credentialId,
        ...(sad !== undefined ? { sad } : {}),
        hashes,
        signAlgo: algorithm.signAlgo,
        hashAlgorithmOid: algorithm.hashAlgorithmOid,
        ...(algorithm.signAlgoParams ? { signAlgoParams: algorithm.signAlgoParams } : {}),
      },
      call,
    );
  }

  #load(signal: AbortSignal | undefined): Promise<Credential> {
    if (!this.#credential) {
      const pending = this.#fetchCredential(signal);
      this.#credential = pending;
      pending.catch(() => {
        if (this.#credential === pending) this.#credential = undefined;
      });
    }
    return this.#credential;
  }

  async #fetchCredential(signal: AbortSignal | undefined): Promise<Credential> {
    const info = await this.client.credentialInfo(this.credentialId, signal ? { signal } : {});
    let key: PublicKey | undefined;
    try {
      key = parseCertificate(info.certificates[0]!).publicKey;
    } catch (error) {
      if (!isKysoError(error)) throw error;
      throw new KysoError('REMOTE_SIGNER_ERROR', {
        params: { detail: `credentials/info: the certificate does not parse: ${error.message}` },
        cause: error,
      });
    }
    if (!key)
      throw new KysoError('UNSUPPORTED_ALGORITHM', {
        params: { algorithm: `the key type of credential ${this.credentialId}` },
      });
    return { info, key };
  }
}

/**
 * Requests grouped by (scheme, hash), since one signHash takes one signAlgo and one hash algorithm,
 * and cut to the credential's `multisign`: each group is one authorize and one signHash.
 */
function batchesOf(requests: SignRequest[], multisign: number): { indices: number[] }[] {
  const groups = new Map<string, number[]>();
  for (const [i, r] of requests.entries()) {
    const k = `${r.scheme}/${r.hash}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  const out: { indices: number[] }[] = [];
  for (const indices of groups.values())
    for (let at = 0; at < indices.length; at += multisign)
      out.push({ indices: indices.slice(at, at + multisign) });
  return out;
}
