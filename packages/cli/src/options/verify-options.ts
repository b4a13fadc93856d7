import { readFile } from 'node:fs/promises';
import {
  certificatesFrom,
  KysoError,
  type Lang,
  loadTrustProfile,
  type RevocationMode,
  type WeakAlgorithmPolicy,
} from '@kyso/core';

/** Verification options shared by `kyso verify` and `kyso cms verify`. */
export const VERIFY_OPTIONS = {
  trust: { type: 'string', multiple: true },
  'trust-profile': { type: 'string' },
  revocation: { type: 'string' },
  at: { type: 'string' },
  'allow-weak': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export interface VerifyValues {
  trust?: string[] | undefined;
  'trust-profile'?: string | undefined;
  revocation?: string | undefined;
  at?: string | undefined;
  'allow-weak'?: boolean | undefined;
  json?: boolean | undefined;
}

export interface VerifySettings {
  /** --trust files, then the profile's roots. */
  anchors: Uint8Array[];
  /** The profile's known issuing CAs: they complete paths, never end them. */
  intermediates: Uint8Array[];
  trustProfile?: string;
  revocation: RevocationMode;
  validationTime: Date;
  weakAlgorithms: WeakAlgorithmPolicy;
  json: boolean;
}

const usage = (detail: string, lang: Lang) => new KysoError('USAGE', { params: { detail }, lang });

export async function verifySettings(values: VerifyValues, lang: Lang): Promise<VerifySettings> {
  const anchors: Uint8Array[] = [];
  for (const path of values.trust ?? []) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      throw new KysoError('IO_ERROR', {
        params: { path, detail: (error as NodeJS.ErrnoException).code ?? String(error) },
        lang,
        cause: error,
      });
    }
    const certs = certificatesFrom(bytes);
    if (certs.length === 0) throw usage(`--trust ${path} holds no certificate (PEM or DER)`, lang);
    anchors.push(...certs);
  }
  const intermediates: Uint8Array[] = [];
  let trustProfile: string | undefined;
  if (values['trust-profile'] !== undefined) {
    try {
      const profile = await loadTrustProfile(values['trust-profile']);
      anchors.push(...profile.anchors);
      intermediates.push(...profile.intermediates);
      trustProfile = profile.trustProfile;
    } catch (error) {
      // Re-issued in the user's language; the code stays UNKNOWN_TRUST_PROFILE or TRUST_PIN_MISMATCH.
      if (error instanceof KysoError)
        throw new KysoError(error.code, { params: error.params, lang, cause: error });
      throw error;
    }
  }
  const revocation = (values.revocation ?? 'online') as RevocationMode;
  if (!['online', 'embedded', 'off'].includes(revocation))
    throw usage('--revocation must be online, embedded or off', lang);
  let validationTime = new Date();
  if (values.at !== undefined) {
    validationTime = new Date(values.at);
    if (Number.isNaN(validationTime.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(values.at))
      throw usage(`--at is not an ISO 8601 time: ${values.at}`, lang);
  }
  return {
    anchors,
    intermediates,
    ...(trustProfile ? { trustProfile } : {}),
    revocation,
    validationTime,
    weakAlgorithms: values['allow-weak'] ? 'accept' : 'reject',
    json: values.json === true,
  };
}
