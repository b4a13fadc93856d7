/**
 * Hand-made OCSP responses and CRLs for the revocation tests: signed with testkit's throwaway keys,
 * encoded with core's DER writer, so a test can forge exactly the defect it is about.
 */
import type { TestIdentity } from '@kyso/testkit';
import { expect } from 'vitest';
import { der } from '../src/asn1/index.js';
import { digestSync } from '../src/crypto/digest.js';
import { rawToDer } from '../src/crypto/ecdsa-encoding.js';
import { OID } from '../src/oids.js';
import { type CertId, encodeCertId, subjectPublicKeyBits } from '../src/revocation/cert-id.js';
import { createRevocationChecker } from '../src/revocation/checker.js';
import { parseOcspResponse } from '../src/revocation/ocsp-response.js';
import type { RevocationQuery, RevocationResult } from '../src/revocation/types.js';
import { parseCertificate } from '../src/x509/certificate.js';

const RSA_ALG = {
  'SHA-1': OID.sha1WithRSA,
  'SHA-256': OID.sha256WithRSA,
  'SHA-384': OID.sha384WithRSA,
  'SHA-512': OID.sha512WithRSA,
};
const EC_ALG = {
  'SHA-1': OID.ecdsaSha1,
  'SHA-256': OID.ecdsaSha256,
  'SHA-384': OID.ecdsaSha384,
  'SHA-512': OID.ecdsaSha512,
};

/** tbs → SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING signature } signed by `signer`. */
export async function signStructure(signer: TestIdentity, tbs: Uint8Array): Promise<Uint8Array> {
  const key = await signer.signingKey();
  const rsa = signer.keySpec.startsWith('rsa');
  const sig = new Uint8Array(
    await crypto.subtle.sign(
      rsa ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: signer.hash },
      key,
      tbs.slice(),
    ),
  );
  const alg = rsa ? der.seq(der.oid(RSA_ALG[signer.hash]), der.nul()) : der.seq(der.oid(EC_ALG[signer.hash]));
  return der.seq(tbs, alg, der.bits(rsa ? sig : rawToDer(sig)));
}

export interface SingleSpec {
  certId: CertId;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  reason?: number;
  thisUpdate: Date;
  nextUpdate?: Date;
  extensions?: Uint8Array[];
}

export interface OcspSpec {
  signer: TestIdentity;
  /** byName by default. */
  responderId?: 'name' | 'key';
  certs?: Uint8Array[];
  producedAt: Date;
  singles: SingleSpec[];
  /** The nonce extension value (DER of the inner OCTET STRING). */
  nonce?: Uint8Array;
  extensions?: Uint8Array[];
}

function single(s: SingleSpec): Uint8Array {
  const status =
    s.status === 'good'
      ? der.implicitPrimitive(0, new Uint8Array())
      : s.status === 'unknown'
        ? der.implicitPrimitive(2, new Uint8Array())
        : der.implicitConstructed(
            1,
            der.generalizedTime(s.revokedAt!),
            ...(s.reason !== undefined ? [der.explicit(0, der.enumerated(s.reason))] : []),
          );
  return der.seq(
    encodeCertId(s.certId),
    status,
    der.generalizedTime(s.thisUpdate),
    ...(s.nextUpdate ? [der.explicit(0, der.generalizedTime(s.nextUpdate))] : []),
    ...(s.extensions?.length ? [der.explicit(1, der.seq(...s.extensions))] : []),
  );
}

/** A BasicOCSPResponse wrapped in a successful OCSPResponse. */
export async function buildOcsp(spec: OcspSpec): Promise<Uint8Array> {
  const signerCert = parseCertificate(spec.signer.certificate);
  const responderId =
    spec.responderId === 'key'
      ? der.explicit(2, der.octets(digestSync('SHA-1', subjectPublicKeyBits(signerCert))))
      : der.explicit(1, signerCert.subject.der);
  const extensions = [
    ...(spec.nonce ? [der.seq(der.oid(OID.ocspNonce), der.octets(spec.nonce))] : []),
    ...(spec.extensions ?? []),
  ];
  const tbs = der.seq(
    responderId,
    der.generalizedTime(spec.producedAt),
    der.seq(...spec.singles.map(single)),
    ...(extensions.length ? [der.explicit(1, der.seq(...extensions))] : []),
  );
  const signed = await signStructure(spec.signer, tbs);
  // signStructure gives SEQUENCE { tbs, alg, sig }; certs [0] go inside that SEQUENCE.
  const basic = spec.certs?.length
    ? appendToSequence(signed, der.explicit(0, der.seq(...spec.certs)))
    : signed;
  return der.seq(der.enumerated(0), der.explicit(0, der.seq(der.oid(OID.ocspBasic), der.octets(basic))));
}

/** Re-encodes SEQUENCE { … } as SEQUENCE { …, extra }. */
function appendToSequence(sequence: Uint8Array, extra: Uint8Array): Uint8Array {
  const lengthOctets = sequence[1]! & 0x80 ? 1 + (sequence[1]! & 0x7f) : 1;
  const content = sequence.subarray(1 + lengthOctets);
  return der.tlv(0x30, new Uint8Array([...content, ...extra]));
}

/** An extension: SEQUENCE { extnID, critical, extnValue OCTET STRING }. */
export function extension(oid: string, value: Uint8Array, critical = false): Uint8Array {
  return der.seq(der.oid(oid), ...(critical ? [der.bool(true)] : []), der.octets(value));
}

export interface CrlSpec {
  signer: TestIdentity;
  /** The issuer name DER; the signer's subject by default. */
  issuer?: Uint8Array;
  thisUpdate: Date;
  nextUpdate?: Date;
  revoked?: { serial: Uint8Array; at: Date; reason?: number }[];
  extensions?: Uint8Array[];
}

/** A v2 CRL. */
export async function buildCrl(spec: CrlSpec): Promise<Uint8Array> {
  const signerCert = parseCertificate(spec.signer.certificate);
  const rsa = spec.signer.keySpec.startsWith('rsa');
  const alg = rsa
    ? der.seq(der.oid(RSA_ALG[spec.signer.hash]), der.nul())
    : der.seq(der.oid(EC_ALG[spec.signer.hash]));
  const entries = (spec.revoked ?? []).map((r) =>
    der.seq(
      der.intRaw(r.serial),
      der.utcTime(r.at),
      ...(r.reason !== undefined ? [der.seq(extension(OID.cRLReason, der.enumerated(r.reason)))] : []),
    ),
  );
  const tbs = der.seq(
    der.int(1),
    alg,
    spec.issuer ?? signerCert.subject.der,
    der.utcTime(spec.thisUpdate),
    ...(spec.nextUpdate ? [der.utcTime(spec.nextUpdate)] : []),
    ...(entries.length ? [der.seq(...entries)] : []),
    ...(spec.extensions?.length ? [der.explicit(0, der.seq(...spec.extensions))] : []),
  );
  return signStructure(spec.signer, tbs);
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const at = (base: Date, ms: number): Date => new Date(base.getTime() + ms);

/**
 * A copy of an OCSPResponse with the last digit of producedAt changed inside tbsResponseData: still
 * well-formed, no longer what was signed.
 */
export function tamperProducedAt(response: Uint8Array): Uint8Array {
  const basic = parseOcspResponse(response).basic!;
  const tbsStart = basic.tbs.byteOffset - response.byteOffset;
  const stamp = der.generalizedTime(basic.producedAt);
  for (let i = tbsStart; i + stamp.length <= tbsStart + basic.tbs.length; i++) {
    if (stamp.every((b, j) => response[i + j] === b)) {
      const out = response.slice();
      const digit = i + stamp.length - 2; // the last digit before 'Z'
      out[digit] = out[digit] === 0x30 ? 0x31 : 0x30;
      return out;
    }
  }
  throw new Error('producedAt not found in tbsResponseData');
}

export type Embedded = { ocspResponses?: Uint8Array[]; crls?: Uint8Array[]; certificates?: Uint8Array[] };

/** The answer of a checker in 'embedded' mode (no network) that holds only `embedded`. */
export function embeddedCheck(q: RevocationQuery, embedded: Embedded, now: Date): Promise<RevocationResult> {
  return createRevocationChecker({ mode: 'embedded', embedded, now }).check(q);
}

/** Nothing usable: unknown, unavailable, for the reason given. */
export function expectRefused(r: RevocationResult, why: RegExp): void {
  expect(r.status).toBe('unknown');
  expect(r.unavailable).toBe(true);
  expect(r.detail).toMatch(why);
}
