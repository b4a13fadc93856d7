import { digestFromOid, type HashAlg, KysoError } from '@kyso/core';
import type { AuthFactors } from '../backends/credential.js';
import { DIGEST_LENGTH_BY_HASH } from '../keys/hash-length.js';
import { issueSad } from '../sad/sad.js';
import { otpApplies, type RequestContext, type ServiceCore, useCredential } from '../service/core.js';
import {
  authValue,
  type CscBody,
  invalidParameter,
  optionalBase64Array,
  optionalString,
  requireInteger,
  requireString,
} from './params.js';

/** The hash a v2 `hashAlgorithmOID` names, among those kyso signs with. */
export function hashOfOid(oid: string | undefined, name = 'hashAlgorithmOID'): HashAlg {
  const hash = oid === undefined ? undefined : digestFromOid(oid);
  if (hash !== 'SHA-256' && hash !== 'SHA-384' && hash !== 'SHA-512')
    throw invalidParameter(`Missing (or invalid) string parameter ${name}`);
  return hash;
}

/**
 * `credentials/authorize` (CSC v2 §11.6): checks the OTP (host) then the PIN (the key), and issues a
 * short-lived SAD bound to the principal, the credential and either the given hashes (each signable
 * once) or `numSignatures`. The OTP goes first so that a guessed OTP costs no try of the token's PIN.
 */
export async function credentialsAuthorize(core: ServiceCore, ctx: RequestContext, body: CscBody) {
  const credential = await useCredential(core, ctx, requireString(body, 'credentialID'));
  const numSignatures = requireInteger(body, 'numSignatures');
  if (numSignatures < 1) throw invalidParameter('Invalid value for parameter numSignatures');
  if (numSignatures > core.multisign) throw invalidParameter('Numbers of signatures is too high');
  ctx.note.count = numSignatures;

  const hashes = optionalBase64Array(body, 'hashes');
  if (hashes) {
    const hash = hashOfOid(optionalString(body, 'hashAlgorithmOID'));
    if (hashes.length !== numSignatures)
      throw invalidParameter('Invalid parameter hashes: one hash per signature');
    if (hashes.some((h) => h.length !== DIGEST_LENGTH_BY_HASH[hash]))
      throw invalidParameter('Invalid digest value length');
    ctx.note.hash = hash;
    ctx.note.digests = hashes.map((h) => Buffer.from(h).toString('hex'));
  } else if (core.scal === '2') {
    throw invalidParameter('Missing (or invalid type) array parameter hashes');
  }

  const factors: AuthFactors = {};
  if (otpApplies(core, credential.id)) {
    const otp = authValue(body, 'OTP');
    if (otp === undefined) throw invalidParameter('Missing (or invalid type) string parameter OTP');
    const ok = await core.otp!.verify({
      principal: ctx.principal,
      credentialId: credential.id,
      otp,
      signal: ctx.signal,
    });
    if (!ok) throw new KysoError('OTP_INCORRECT');
  }
  if (credential.pin === 'required') {
    const pin = authValue(body, 'PIN');
    if (pin === undefined) throw invalidParameter('Missing (or invalid type) string parameter PIN');
    await credential.verifyPin?.(pin, { signal: ctx.signal });
    factors.pin = pin;
  }

  const { sad, expiresIn } = await issueSad(
    core.store,
    {
      credentialId: credential.id,
      principalId: ctx.principal.id,
      remaining: numSignatures,
      ...(ctx.note.digests ? { hashes: [...ctx.note.digests] } : {}),
      expiresAt: Date.now() + core.sadTtlMs,
    },
    factors,
  );
  return { SAD: sad, expiresIn };
}
