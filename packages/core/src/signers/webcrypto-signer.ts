import { equalBytes, own } from '../bytes/bytes.js';
import { digest, type HashAlg } from '../crypto/digest.js';
import { rawToDer } from '../crypto/ecdsa-encoding.js';
import { resolveProvider } from '../crypto/provider.js';
import type { PublicKey } from '../crypto/public-key.js';
import { KysoError } from '../errors/kyso-error.js';
import {
  matchesPublicKey,
  type PrivateKeyInfo,
  readPrivateKeyInfo,
  readPrivateKeyInfoNow,
} from '../pkcs12/private-key-info.js';
import { parseCertificate } from '../x509/certificate.js';
import type { Signer, SignOptions, SignRequest, SigScheme } from './signer.js';

type WebCryptoCurve = 'P-256' | 'P-384' | 'P-521';
type KeyType = { kind: 'RSA'; bits: number; e: bigint } | { kind: 'EC'; curve: WebCryptoCurve };
type Algorithm = { hash: HashAlg; scheme: SigScheme };

export interface WebCryptoSignerOptions {
  /**
   * The private key. PKCS#8 DER is imported as each request needs (WebCrypto binds an RSA key to one
   * scheme and one hash); a CryptoKey signs what it was imported for, or anything if extractable.
   */
  privateKey: CryptoKey | Uint8Array;
  /** DER certificates, the signer's first, then the chain it knows. */
  certificates: readonly Uint8Array[];
  /** WebCrypto (globalThis.crypto by default). */
  crypto?: Crypto;
}

const HASHES: readonly HashAlg[] = ['SHA-256', 'SHA-384', 'SHA-512'];
const HASH_LENGTH: Record<HashAlg, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
/** The hash that matches each curve's strength first (as CAdES profiles and tokens prefer). */
const EC_HASHES: Record<WebCryptoCurve, HashAlg[]> = {
  'P-256': ['SHA-256', 'SHA-384', 'SHA-512'],
  'P-384': ['SHA-384', 'SHA-512', 'SHA-256'],
  'P-521': ['SHA-512', 'SHA-384', 'SHA-256'],
};
const WEBCRYPTO_RSA: Record<string, SigScheme> = {
  'RSASSA-PKCS1-v1_5': 'RSASSA-PKCS1-v1_5',
  'RSA-PSS': 'RSASSA-PSS',
};

function invalid(detail: string, cause?: unknown): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail }, cause });
}

function unsupported(algorithm: string): KysoError {
  return new KysoError('UNSUPPORTED_ALGORITHM', { params: { algorithm } });
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KysoError('ABORTED', { cause: signal.reason });
}

function keyTypeOf(pub: PublicKey | undefined): KeyType {
  if (pub?.kind === 'RSA') return { kind: 'RSA', bits: pub.bits, e: pub.e };
  if (pub?.kind === 'EC' && (pub.curve === 'P-256' || pub.curve === 'P-384' || pub.curve === 'P-521'))
    return { kind: 'EC', curve: pub.curve };
  throw unsupported(
    pub ? `${pub.kind === 'EC' ? pub.curve : pub.kind} keys in WebCrypto` : 'the certificate key',
  );
}

function exponentOf(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

/** Refuses PKCS#8 key bytes that are not the certificate's private key. */
function checkKeyPair(info: PrivateKeyInfo, pub: PublicKey | undefined): void {
  if (info.kind === 'other') throw unsupported(`private key ${info.oid}`);
  if (matchesPublicKey(info, pub) !== true)
    throw invalid('the private key does not belong to the certificate');
}

/** Refuses a CryptoKey that cannot be the certificate's private key. */
function checkCryptoKey(key: CryptoKey, type: KeyType): void {
  if (key.type !== 'private' || !key.usages.includes('sign'))
    throw invalid('the CryptoKey is not a private key for signing');
  const alg = key.algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm>;
  if (type.kind === 'EC') {
    if (alg.name !== 'ECDSA' || alg.namedCurve !== type.curve)
      throw invalid(
        `the CryptoKey (${alg.name} ${alg.namedCurve ?? ''}) does not fit the certificate's ${type.curve} key`,
      );
    return;
  }
  if (!alg.name || !WEBCRYPTO_RSA[alg.name])
    throw invalid(`the CryptoKey (${alg.name}) does not fit the certificate's RSA key`);
  if (alg.modulusLength !== type.bits || !alg.publicExponent || exponentOf(alg.publicExponent) !== type.e)
    throw invalid("the CryptoKey's RSA modulus or exponent differs from the certificate's");
}

/**
 * A Signer over WebCrypto: a key in the browser (non-extractable CryptoKey, e.g. from IndexedDB) or
 * a decrypted PKCS#12 key. WebCrypto hashes what it signs and cannot sign a precomputed digest, so
 * every request must carry `data`, the DER signed attributes, and its `digest` must be their hash:
 * a request without data, or whose digest does not match it, is refused with INVALID_INPUT (the
 * caller, not the document, is then at fault). ECDSA signatures come out as DER, PSS uses a salt as
 * long as the hash.
 */
export class WebCryptoSigner implements Signer {
  readonly #crypto: Crypto;
  readonly #certificates: Uint8Array[];
  readonly #type: KeyType;
  readonly #cryptoKey: CryptoKey | undefined;
  #pkcs8: Uint8Array<ArrayBuffer> | undefined;
  readonly #keys = new Map<string, Promise<CryptoKey>>();
  #keyCheck: Promise<void> | undefined;
  #preferredOnly = false;

  constructor(options: WebCryptoSignerOptions) {
    this.#crypto = resolveProvider(options.crypto ? { crypto: options.crypto } : undefined).crypto;
    const [leaf] = options.certificates;
    if (!leaf) throw invalid('a signer needs its certificate');
    this.#certificates = options.certificates.map((c) => c.slice());
    const pub = parseCertificate(this.#certificates[0]!).publicKey;
    this.#type = keyTypeOf(pub);
    if (options.privateKey instanceof Uint8Array) {
      const pkcs8 = options.privateKey;
      let info: PrivateKeyInfo | undefined;
      try {
        info = readPrivateKeyInfoNow(pkcs8);
      } catch (error) {
        throw invalid(`private key: ${(error as Error).message}`, error);
      }
      // an EC key without its uncompressed point needs curve arithmetic: checked before first use
      if (info) checkKeyPair(info, pub);
      else {
        this.#keyCheck = readPrivateKeyInfo(pkcs8).then(
          (full) => checkKeyPair(full, pub),
          (error: unknown) => {
            throw invalid(`private key: ${(error as Error).message}`, error);
          },
        );
        // kept for sign() and fromPkcs8(): not an unhandled rejection in the meantime
        this.#keyCheck.catch(() => undefined);
      }
      this.#pkcs8 = own(pkcs8);
      this.#cryptoKey = undefined;
    } else {
      checkCryptoKey(options.privateKey, this.#type);
      this.#cryptoKey = options.privateKey;
    }
    if (this.#algorithms().length === 0) throw unsupported('the CryptoKey hash (SHA-256/384/512 only)');
  }

  /**
   * A signer from PKCS#8 DER whose key is imported now, once for each scheme and hash, as
   * non-extractable CryptoKeys: WebCrypto's refusals show at once, and the signer keeps no copy of
   * the key bytes afterwards. `preferredOnly` limits it to the key's first choice of scheme and hash
   * (what a caller that names none gets) and imports that one key.
   */
  static async fromPkcs8(
    pkcs8: Uint8Array,
    certificates: readonly Uint8Array[],
    options: { crypto?: Crypto; preferredOnly?: boolean } = {},
  ): Promise<WebCryptoSigner> {
    const signer = new WebCryptoSigner({
      privateKey: pkcs8,
      certificates,
      ...(options.crypto ? { crypto: options.crypto } : {}),
    });
    // one key import instead of six (RSA: two schemes × three hashes) for a signer used once
    signer.#preferredOnly = options.preferredOnly === true;
    await signer.#keyCheck;
    await Promise.all(signer.#algorithms().map((a) => signer.#key(a.scheme, a.hash)));
    signer.#pkcs8?.fill(0);
    signer.#pkcs8 = undefined;
    return signer;
  }

  async certificates(options: SignOptions = {}): Promise<Uint8Array[]> {
    checkSignal(options.signal);
    return this.#certificates.map((c) => c.slice());
  }

  async algorithms(options: SignOptions = {}): Promise<Algorithm[]> {
    checkSignal(options.signal);
    return this.#algorithms();
  }

  async sign(request: SignRequest, options: SignOptions = {}): Promise<Uint8Array> {
    const { signal } = options;
    checkSignal(signal);
    const { scheme, hash, data } = request;
    if (!this.#algorithms().some((a) => a.scheme === scheme && a.hash === hash))
      throw unsupported(`${scheme} with ${hash} for this key`);
    if (!data)
      throw invalid('WebCrypto cannot sign a digest: the request must carry the signed attributes (data)');
    const expected = await digest(hash, data, this.#crypto);
    if (!equalBytes(expected, request.digest))
      throw invalid(`the request's digest is not the ${hash} of its data`);
    await this.#keyCheck;
    const key = await this.#key(scheme, hash);
    checkSignal(signal);
    const params: AlgorithmIdentifier | RsaPssParams | EcdsaParams =
      scheme === 'ECDSA'
        ? { name: 'ECDSA', hash }
        : scheme === 'RSASSA-PSS'
          ? { name: 'RSA-PSS', saltLength: HASH_LENGTH[hash] }
          : { name: 'RSASSA-PKCS1-v1_5' };
    let signature: Uint8Array;
    try {
      signature = new Uint8Array(await this.#crypto.subtle.sign(params, key, own(data)));
    } catch (error) {
      throw new KysoError('INTERNAL', {
        params: { detail: `WebCrypto refused to sign: ${(error as Error).message}` },
        cause: error,
      });
    }
    checkSignal(signal);
    return scheme === 'ECDSA' ? rawToDer(signature) : signature;
  }

  async signMany(requests: SignRequest[], options: SignOptions = {}): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    for (const request of requests) out.push(await this.sign(request, options));
    return out;
  }

  #algorithms(): Algorithm[] {
    const all = this.#allAlgorithms();
    return this.#preferredOnly ? all.slice(0, 1) : all;
  }

  #allAlgorithms(): Algorithm[] {
    if (this.#type.kind === 'EC')
      return EC_HASHES[this.#type.curve].map((hash) => ({ hash, scheme: 'ECDSA' }));
    const key = this.#cryptoKey;
    if (key && !key.extractable) {
      // a non-extractable RSA key signs only what it was imported for
      const alg = key.algorithm as RsaHashedKeyAlgorithm;
      const scheme = WEBCRYPTO_RSA[alg.name];
      const hash = HASHES.find((h) => h === alg.hash.name);
      return scheme && hash ? [{ hash, scheme }] : [];
    }
    const schemes: SigScheme[] = ['RSASSA-PKCS1-v1_5', 'RSASSA-PSS'];
    return schemes.flatMap((scheme) => HASHES.map((hash) => ({ hash, scheme })));
  }

  #key(scheme: SigScheme, hash: HashAlg): Promise<CryptoKey> {
    const given = this.#cryptoKey;
    if (given) {
      const alg = given.algorithm as Partial<RsaHashedKeyAlgorithm>;
      if (this.#type.kind === 'EC' || (WEBCRYPTO_RSA[alg.name!] === scheme && alg.hash?.name === hash))
        return Promise.resolve(given);
    }
    const id = this.#type.kind === 'EC' ? 'EC' : `${scheme}/${hash}`;
    let key = this.#keys.get(id);
    if (!key) {
      key = this.#import(scheme, hash);
      this.#keys.set(id, key);
      key.catch(() => this.#keys.delete(id));
    }
    return key;
  }

  async #import(scheme: SigScheme, hash: HashAlg): Promise<CryptoKey> {
    const subtle = this.#crypto.subtle;
    const given = this.#cryptoKey;
    const pkcs8 =
      this.#pkcs8 ??
      (given?.extractable ? new Uint8Array(await subtle.exportKey('pkcs8', given)) : undefined);
    if (!pkcs8) throw unsupported(`${scheme} with ${hash}: the key is not at hand to import`);
    const type = this.#type;
    const algorithm: RsaHashedImportParams | EcKeyImportParams =
      type.kind === 'EC'
        ? { name: 'ECDSA', namedCurve: type.curve }
        : { name: scheme === 'RSASSA-PSS' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash };
    try {
      return await subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
    } catch (error) {
      const name = type.kind === 'EC' ? `ECDSA ${type.curve}` : `${algorithm.name} with ${hash}`;
      throw new KysoError('UNSUPPORTED_ALGORITHM', {
        params: { algorithm: `${name} (WebCrypto refused the key: ${(error as Error).message})` },
        cause: error,
      });
    } finally {
      // an exported copy is not kept
      if (pkcs8 !== this.#pkcs8) pkcs8.fill(0);
    }
  }
}
