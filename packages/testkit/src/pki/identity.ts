import * as pkijs from 'pkijs';
import { toHex } from '../encoding/bytes.js';
import { toPem } from '../encoding/pem.js';
import { importSigningKey } from '../keys/generate.js';
import { defaultHash, type HashName, type KeySpec } from '../keys/key-spec.js';
import { buildPkcs12 } from '../pkcs12/pfx.js';
import { formatName } from '../x509/name.js';
import type { AuthoritySpec, EntityProfile, EntitySpec, RevocationReason } from './spec.js';

export type IdentityKind = 'root' | 'intermediate' | EntityProfile;

export interface Revocation {
  at: Date;
  reason: RevocationReason;
}

export const DEFAULT_PASSWORD = 'kyso-test';

/** One certificate of the test PKI with its private key. Keys are throwaway: never use them for real. */
export class TestIdentity {
  /** Set by the PKI's `revoke()`; read by its CRL and OCSP answers. */
  revocation: Revocation | undefined;
  #parsed: pkijs.Certificate | undefined;
  readonly #keys = new Map<HashName, Promise<CryptoKey>>();

  constructor(
    readonly spec: AuthoritySpec | EntitySpec,
    readonly isAuthority: boolean,
    /** DER of the certificate. */
    readonly certificate: Uint8Array,
    /** PKCS#8 DER of the private key. */
    readonly pkcs8: Uint8Array,
    readonly issuer: TestIdentity | undefined,
    readonly serialNumber: Uint8Array,
    readonly notBefore: Date,
    readonly notAfter: Date,
    private readonly crypto: Crypto,
  ) {}

  get id(): string {
    return this.spec.id;
  }

  get kind(): IdentityKind {
    if (!this.isAuthority) return (this.spec as EntitySpec).profile;
    return this.issuer ? 'intermediate' : 'root';
  }

  get keySpec(): KeySpec {
    return this.spec.key;
  }

  /** The hash this identity's own signatures use by default. */
  get hash(): HashName {
    return defaultHash(this.spec.key);
  }

  get role(): string | undefined {
    return this.isAuthority ? undefined : (this.spec as EntitySpec).role;
  }

  get description(): string | undefined {
    return this.spec.description;
  }

  get password(): string {
    return (!this.isAuthority && (this.spec as EntitySpec).password) || DEFAULT_PASSWORD;
  }

  /** A root its users trust (impostor roots are not). */
  get trusted(): boolean {
    return this.kind === 'root' && (this.spec as AuthoritySpec).trusted !== false;
  }

  /** RFC 4514, most specific first, UTF-8 intact. */
  get subject(): string {
    return formatName(this.spec.subject);
  }

  get commonName(): string {
    return this.spec.subject.CN;
  }

  /** Uppercase hex, as reports show serials. */
  get serialNumberHex(): string {
    return toHex(this.serialNumber).toUpperCase();
  }

  /** DER certificates from this one up to its root. */
  get chain(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let at: TestIdentity | undefined = this; at; at = at.issuer) out.push(at.certificate);
    return out;
  }

  /** The root this identity chains to. */
  get root(): TestIdentity {
    let at: TestIdentity = this;
    while (at.issuer) at = at.issuer;
    return at;
  }

  get certificatePem(): string {
    return toPem(this.certificate, 'CERTIFICATE');
  }

  /** Unencrypted PKCS#8 PEM, for tools such as openssl. */
  get privateKeyPem(): string {
    return toPem(this.pkcs8, 'PRIVATE KEY');
  }

  /** The certificate as pkijs reads it (parsed once). */
  get parsed(): pkijs.Certificate {
    this.#parsed ??= pkijs.Certificate.fromBER(this.certificate.slice().buffer);
    return this.#parsed;
  }

  /** The private key as a WebCrypto key that signs with `hash`. */
  signingKey(hash: HashName = this.hash): Promise<CryptoKey> {
    let key = this.#keys.get(hash);
    if (!key) {
      key = importSigningKey(this.pkcs8, this.spec.key, hash, this.crypto);
      this.#keys.set(hash, key);
    }
    return key;
  }

  /** A PKCS#12 file with the key and the whole chain (PBES2/AES-256, HMAC-SHA256), as OpenSSL 3 writes. */
  toPkcs12(options: { password?: string; iterations?: number } = {}): Promise<Uint8Array> {
    return buildPkcs12(this.pkcs8, this.chain, {
      password: options.password ?? this.password,
      ...(options.iterations ? { iterations: options.iterations } : {}),
      friendlyName: this.commonName,
      crypto: this.crypto,
    });
  }
}
