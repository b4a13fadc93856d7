import * as pkijs from 'pkijs';
import { defaultCrypto } from '../crypto.js';
import { fromBase64, toBase64 } from '../encoding/bytes.js';
import { buildCrl, type CrlOptions } from '../revocation/crl.js';
import { type OcspOptions, respondOcsp } from '../revocation/ocsp.js';
import { respondTimestamp, type TimestampOptions } from '../tsa/timestamp.js';
import { type Revocation, TestIdentity } from './identity.js';
import type { AuthoritySpec, EntitySpec, RevocationSpec } from './spec.js';
import { type PkiUrls, pkiUrls } from './urls.js';
import { resolveTime } from './validity.js';

export interface SerializedPki {
  format: 'kyso-testkit-pki';
  version: 1;
  now: string;
  baseUrl?: string;
  identities: {
    spec: AuthoritySpec | EntitySpec;
    authority: boolean;
    certificate: string;
    pkcs8: string;
    revocation?: { at: string; reason: Revocation['reason'] };
  }[];
  crlNumbers: Record<string, number>;
}

/** A built test PKI: its identities, revocation state, and the TSA, OCSP and CRL answers it gives. */
export class TestPki {
  readonly now: Date;
  readonly urls: PkiUrls | undefined;
  readonly crypto: Crypto;
  readonly #byId = new Map<string, TestIdentity>();
  /** Next CRL number per CA (RFC 5280 §5.2.3: monotonically increasing). */
  readonly crlNumbers = new Map<string, number>();

  constructor(init: {
    now: Date;
    urls: PkiUrls | undefined;
    identities: readonly TestIdentity[];
    crypto: Crypto;
  }) {
    this.now = init.now;
    this.urls = init.urls;
    this.crypto = init.crypto;
    for (const identity of init.identities) this.#byId.set(identity.id, identity);
  }

  get identities(): TestIdentity[] {
    return [...this.#byId.values()];
  }

  /** Roots the PKI's users trust: the trust anchors of tests. */
  get anchors(): TestIdentity[] {
    return this.identities.filter((i) => i.trusted);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get(id: string): TestIdentity {
    const identity = this.#byId.get(id);
    if (!identity)
      throw new Error(`No identity "${id}" in this PKI; it has: ${[...this.#byId.keys()].join(', ')}`);
    return identity;
  }

  /** Certificates a CA issued (directly). */
  issuedBy(caId: string): TestIdentity[] {
    return this.identities.filter((i) => i.issuer?.id === caId);
  }

  /** Who signs OCSP answers about the CA's certificates: its delegated responder, else the CA itself. */
  ocspResponderFor(caId: string): TestIdentity {
    return this.issuedBy(caId).find((i) => i.kind === 'ocsp') ?? this.get(caId);
  }

  /** The time-stamping unit (the first `tsa` identity unless named). */
  tsa(id?: string): TestIdentity {
    const tsa = id ? this.get(id) : this.identities.find((i) => i.kind === 'tsa');
    if (tsa?.kind !== 'tsa') throw new Error('This PKI has no TSA identity');
    return tsa;
  }

  /** Revokes a certificate from now on (or from `at`), so CRLs and OCSP answers report it. */
  revoke(id: string, spec: RevocationSpec = {}): void {
    this.get(id).revocation = {
      at: resolveTime(spec.at ?? new Date(), this.now),
      reason: spec.reason ?? 'unspecified',
    };
  }

  /** A freshly signed CRL of the CA. */
  crl(caId: string, options: CrlOptions = {}): Promise<Uint8Array> {
    return buildCrl(this, caId, options);
  }

  /** The DER OCSPResponse to a DER OCSPRequest (RFC 6960). */
  respondOcsp(request: Uint8Array, options: OcspOptions = {}): Promise<Uint8Array> {
    return respondOcsp(this, request, options);
  }

  /** The DER TimeStampResp to a DER TimeStampReq (RFC 3161). */
  respondTimestamp(request: Uint8Array, options: TimestampOptions = {}): Promise<Uint8Array> {
    return respondTimestamp(this, request, options);
  }

  /** Everything, private keys included, as JSON: to persist a dev PKI between runs. */
  toJSON(): SerializedPki {
    return {
      format: 'kyso-testkit-pki',
      version: 1,
      now: this.now.toISOString(),
      ...(this.urls ? { baseUrl: this.urls.base } : {}),
      identities: this.identities.map((i) => ({
        spec: i.spec,
        authority: i.isAuthority,
        certificate: toBase64(i.certificate),
        pkcs8: toBase64(i.pkcs8),
        ...(i.revocation
          ? { revocation: { at: i.revocation.at.toISOString(), reason: i.revocation.reason } }
          : {}),
      })),
      crlNumbers: Object.fromEntries(this.crlNumbers),
    };
  }

  static fromJSON(json: SerializedPki, crypto: Crypto = defaultCrypto()): TestPki {
    if (json?.format !== 'kyso-testkit-pki' || json.version !== 1)
      throw new Error('Not a serialized testkit PKI');
    const byId = new Map<string, TestIdentity>();
    for (const entry of json.identities) {
      const der = fromBase64(entry.certificate);
      const cert = pkijs.Certificate.fromBER(der.slice().buffer);
      const issuer = entry.spec.issuer ? byId.get(entry.spec.issuer) : undefined;
      if (entry.spec.issuer && !issuer)
        throw new Error(`Serialized PKI lists ${entry.spec.id} before its issuer`);
      const identity = new TestIdentity(
        entry.spec,
        entry.authority,
        der,
        fromBase64(entry.pkcs8),
        issuer,
        new Uint8Array(cert.serialNumber.valueBlock.valueHexView),
        cert.notBefore.value,
        cert.notAfter.value,
        crypto,
      );
      if (entry.revocation)
        identity.revocation = { at: new Date(entry.revocation.at), reason: entry.revocation.reason };
      byId.set(identity.id, identity);
    }
    const pki = new TestPki({
      now: new Date(json.now),
      urls: json.baseUrl ? pkiUrls(json.baseUrl) : undefined,
      identities: [...byId.values()],
      crypto,
    });
    for (const [ca, n] of Object.entries(json.crlNumbers)) pki.crlNumbers.set(ca, n);
    return pki;
  }
}
