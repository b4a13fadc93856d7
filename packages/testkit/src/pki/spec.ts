import type { HashName, KeySpec } from '../keys/key-spec.js';
import type { KeyUsageName } from '../x509/extensions.js';
import type { NameSpec } from '../x509/name.js';

/** A point in time: absolute, or days from the PKI's reference time (`now`). */
export type TimeSpec = Date | { days: number };

export type ValiditySpec =
  | 'current'
  /** ended a year before `now` */
  | 'expired'
  /** starts a month after `now` */
  | 'not-yet-valid'
  | { notBefore: TimeSpec; notAfter: TimeSpec };

export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'privilegeWithdrawn'
  | 'aACompromise';

export interface RevocationSpec {
  /** When the revocation took effect; a day before `now` by default. */
  at?: TimeSpec;
  reason?: RevocationReason;
}

/** A certification authority: self-signed when `issuer` is absent. */
export interface AuthoritySpec {
  id: string;
  subject: NameSpec;
  key: KeySpec;
  /** Hash of the certificate's own signature; by default matched to the issuer's key. */
  hash?: HashName;
  issuer?: string;
  pathLength?: number;
  validity?: ValiditySpec;
  /** A root the PKI's users trust. Defaults to true for roots; set false for an impostor root. */
  trusted?: boolean;
  revoked?: RevocationSpec;
  description?: string;
}

/**
 * What an end-entity certificate is for:
 * - `personal`: an official's signing certificate (UID CCCD:/CMND:…);
 * - `organization`: an agency's certificate (UID MST:/MNS:…);
 * - `ocsp`: a delegated OCSP responder (id-kp-OCSPSigning, ocsp-nocheck);
 * - `tsa`: a time-stamping unit (critical id-kp-timeStamping).
 */
export type EntityProfile = 'personal' | 'organization' | 'ocsp' | 'tsa';

export interface EntitySpec {
  id: string;
  issuer: string;
  profile: EntityProfile;
  subject: NameSpec;
  key: KeySpec;
  hash?: HashName;
  validity?: ValiditySpec;
  /** Replaces the profile's key usage (to make a certificate with the wrong one). */
  keyUsage?: readonly KeyUsageName[];
  /** Replaces the profile's extended key usage. */
  extKeyUsage?: readonly string[];
  revoked?: RevocationSpec;
  /** The e-office role of the holder (`chuyen-vien`, `van-thu`…), for demos. */
  role?: string;
  description?: string;
  /** Password of the identity's .p12 file. */
  password?: string;
}

export interface PkiSpec {
  authorities: readonly AuthoritySpec[];
  entities: readonly EntitySpec[];
}
