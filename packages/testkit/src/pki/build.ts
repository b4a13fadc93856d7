import { defaultCrypto } from '../crypto.js';
import { generateKey, importSigningKey, type KeyMaterial } from '../keys/generate.js';
import { defaultHash } from '../keys/key-spec.js';
import { keyIdentifier, publicKeyInfo, randomSerial, signCertificate } from '../x509/certificate.js';
import { buildName } from '../x509/name.js';
import { TestIdentity } from './identity.js';
import { authorityExtensions, entityExtensions, type IssuerUrls } from './profiles.js';
import type { AuthoritySpec, EntitySpec, PkiSpec } from './spec.js';
import { TestPki } from './test-pki.js';
import { pkiUrls } from './urls.js';
import { resolveTime, resolveValidity } from './validity.js';
import { VN_TEST_PKI } from './vn-spec.js';

export interface CreateTestPkiOptions {
  /** The hierarchy to build; the Vietnamese-shaped VN_TEST_PKI by default. */
  spec?: PkiSpec;
  /**
   * Build only these identities, with their issuers and the OCSP responders and TSA they need:
   * key generation is the slow part, and most tests need a few signers.
   */
  include?: readonly string[];
  /** Reference time for validity periods and revocation dates. */
  now?: Date;
  /** Base URL of testkit's servers, written into AIA and CRL distribution points. */
  baseUrl?: string;
  crypto?: Crypto;
}

type AnySpec = AuthoritySpec | EntitySpec;

function closure(spec: PkiSpec, include: readonly string[] | undefined): Set<string> {
  const byId = new Map<string, AnySpec>();
  for (const s of [...spec.authorities, ...spec.entities]) {
    if (byId.has(s.id)) throw new Error(`Duplicate identity id in PKI spec: ${s.id}`);
    byId.set(s.id, s);
  }
  const wanted = new Set<string>();
  const add = (id: string) => {
    const s = byId.get(id);
    if (!s) throw new Error(`Unknown identity "${id}"; the spec has: ${[...byId.keys()].join(', ')}`);
    if (wanted.has(id)) return;
    wanted.add(id);
    if (s.issuer) add(s.issuer);
  };
  for (const id of include ?? byId.keys()) add(id);
  // Every CA in use gets its OCSP responder, so revocation can be asked.
  for (const e of spec.entities) {
    if (e.profile === 'ocsp' && wanted.has(e.issuer)) add(e.id);
  }
  return wanted;
}

/** Issuers before the certificates they sign. */
function ordered(authorities: readonly AuthoritySpec[], wanted: Set<string>): AuthoritySpec[] {
  const out: AuthoritySpec[] = [];
  const placed = new Set<string>();
  let pending = authorities.filter((a) => wanted.has(a.id));
  while (pending.length > 0) {
    const ready = pending.filter((a) => !a.issuer || placed.has(a.issuer));
    if (ready.length === 0)
      throw new Error(`Issuer cycle or missing issuer among: ${pending.map((a) => a.id).join(', ')}`);
    for (const a of ready) {
      out.push(a);
      placed.add(a.id);
    }
    pending = pending.filter((a) => !placed.has(a.id));
  }
  return out;
}

/** Builds a throwaway PKI: keys, certificates and the revocation state the spec asks for. */
export async function createTestPki(options: CreateTestPkiOptions = {}): Promise<TestPki> {
  const spec = options.spec ?? VN_TEST_PKI;
  const crypto = options.crypto ?? defaultCrypto();
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const urls = options.baseUrl ? pkiUrls(options.baseUrl) : undefined;
  const wanted = closure(spec, options.include);
  const authorities = ordered(spec.authorities, wanted);
  const entities = spec.entities.filter((e) => wanted.has(e.id));

  // Key generation dominates; run it all at once (Node spreads it over its thread pool).
  const keys = new Map<string, KeyMaterial>();
  await Promise.all(
    [...authorities, ...entities].map(async (s) => keys.set(s.id, await generateKey(s.key, crypto))),
  );

  const issued = new Map<string, TestIdentity>();
  const issue = async (s: AnySpec, isAuthority: boolean) => {
    const key = keys.get(s.id)!;
    const issuer = s.issuer ? issued.get(s.issuer) : undefined;
    if (s.issuer && !issuer) throw new Error(`${s.id}: issuer ${s.issuer} is not an authority of this spec`);
    const spki = await publicKeyInfo(key.publicKey, crypto);
    const ids = {
      subject: keyIdentifier(spki),
      ...(issuer ? { authority: keyIdentifier(issuer.parsed.subjectPublicKeyInfo) } : {}),
    };
    const links: IssuerUrls =
      urls && issuer
        ? { ocsp: urls.ocsp(issuer.id), caIssuers: urls.caIssuers(issuer.id), crl: urls.crl(issuer.id) }
        : {};
    const level = isAuthority ? (issuer ? 'intermediate' : 'root') : 'entity';
    const { notBefore, notAfter } = resolveValidity(s.validity, level, now);
    const serialNumber = randomSerial(crypto);
    const subject = buildName(s.subject);
    const hash = s.hash ?? defaultHash(issuer ? issuer.keySpec : s.key);
    const signingKey = issuer
      ? await issuer.signingKey(hash)
      : await importSigningKey(key.pkcs8, s.key, hash, crypto);
    const der = await signCertificate(
      {
        serialNumber,
        subject,
        issuer: issuer ? issuer.parsed.subject : subject,
        notBefore,
        notAfter,
        publicKey: key.publicKey,
        extensions: isAuthority
          ? authorityExtensions(s as AuthoritySpec, ids, links)
          : entityExtensions(s as EntitySpec, ids, links),
      },
      signingKey,
      hash,
      crypto,
    );
    const identity = new TestIdentity(
      s,
      isAuthority,
      der,
      key.pkcs8,
      issuer,
      serialNumber,
      notBefore,
      notAfter,
      crypto,
    );
    if (s.revoked) {
      identity.revocation = {
        at: resolveTime(s.revoked.at ?? { days: -1 }, now),
        reason: s.revoked.reason ?? 'unspecified',
      };
    }
    issued.set(s.id, identity);
  };

  for (const a of authorities) await issue(a, true);
  await Promise.all(entities.map((e) => issue(e, false)));

  const all = [...authorities, ...entities].map((s) => issued.get(s.id)!);
  return new TestPki({ now, urls, identities: all, crypto });
}
