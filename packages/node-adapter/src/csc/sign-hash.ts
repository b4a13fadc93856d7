import { ecdsaDerToRaw, KysoError, parseCertificate, type SignRequest } from '@kyso/core';
import { withHttp } from '../http/error-response.js';
import { checkRequest } from '../keys/key-algorithms.js';
import { type Redeemed, redeemSad, restoreSad } from '../sad/sad.js';
import { type RequestContext, type ServiceCore, useCredential } from '../service/core.js';
import {
  type CscBody,
  invalidParameter,
  optionalBase64Array,
  optionalString,
  requireString,
} from './params.js';
import { resolveSignAlgorithm } from './sign-algorithm.js';

/** A SAD refusal: CSC answers it 400 invalid_request, kyso clients read CREDENTIAL_NOT_AUTHORIZED. */
function sadRefused(detail: string): KysoError {
  return withHttp(new KysoError('CREDENTIAL_NOT_AUTHORIZED', { params: { detail } }), {
    status: 400,
    error: 'invalid_request',
  });
}

/**
 * Spends `count` signatures of a redeemed SAD on these digests, or refuses. The grant must be for
 * this credential and principal; bound hashes are crossed off as they are signed.
 */
function spend(redeemed: Redeemed, credentialId: string, principalId: string, digests: string[]): void {
  const { grant } = redeemed;
  if (grant.credentialId !== credentialId)
    throw sadRefused('Invalid parameter SAD: issued for another credential');
  if (grant.principalId !== principalId) throw sadRefused('Invalid parameter SAD: issued to another user');
  if (digests.length > grant.remaining) throw sadRefused('Numbers of signatures is too high for the SAD');
  if (grant.hashes) {
    const left = [...grant.hashes];
    for (const digest of digests) {
      const at = left.indexOf(digest);
      if (at < 0) throw sadRefused('Hash is not authorized by the SAD');
      left.splice(at, 1);
    }
    grant.hashes = left;
  }
  grant.remaining -= digests.length;
}

/**
 * `signatures/signHash` (CSC v2 §11.9), synchronous: takes the SAD (once: concurrent requests with one
 * SAD cannot both spend it), signs every hash under one authorization of the key, and answers the
 * values in order (ECDSA as DER, or r‖s for the BSI plain OIDs).
 */
export async function signHash(core: ServiceCore, ctx: RequestContext, body: CscBody) {
  const credential = await useCredential(core, ctx, requireString(body, 'credentialID'));
  const operationMode = optionalString(body, 'operationMode') ?? 'S';
  if (operationMode !== 'S') throw invalidParameter('Invalid parameter operationMode: only S is supported');
  const hashes = optionalBase64Array(body, 'hashes');
  if (!hashes) throw invalidParameter('Missing (or invalid type) array parameter hashes');
  if (hashes.length > core.multisign) throw invalidParameter('Numbers of signatures is too high');
  const algorithm = resolveSignAlgorithm(
    requireString(body, 'signAlgo'),
    optionalString(body, 'hashAlgorithmOID'),
    optionalString(body, 'signAlgoParams'),
  );
  const digests = hashes.map((h) => Buffer.from(h).toString('hex'));
  Object.assign(ctx.note, { hash: algorithm.hash, scheme: algorithm.scheme, digests, count: hashes.length });
  const requests: SignRequest[] = hashes.map((digest) => ({
    digest,
    hash: algorithm.hash,
    scheme: algorithm.scheme,
  }));
  const supported = await credential.algorithms({ signal: ctx.signal });
  for (const request of requests) checkRequest(supported, request);

  const sad = requireString(body, 'SAD');
  const redeemed = await redeemSad(core.store, sad).catch((error: unknown) => {
    throw error instanceof KysoError && error.code === 'CREDENTIAL_NOT_AUTHORIZED'
      ? sadRefused('SAD expired (unknown, expired or used up)')
      : error;
  });
  spend(redeemed, credential.id, ctx.principal.id, digests);
  // what is left goes back before the (slow) signing, for the client's next batch
  await restoreSad(core.store, sad, redeemed.grant, redeemed.factors);

  const values = await credential.signDigests(requests, redeemed.factors, { signal: ctx.signal });
  if (values.length !== requests.length)
    throw new KysoError('INTERNAL', {
      params: {
        detail: `credential ${credential.id} gave ${values.length} signatures for ${requests.length}`,
      },
    });
  const certificate = (await credential.certificates({ signal: ctx.signal }))[0]!;
  const signatures = values.map((value) => {
    if (!algorithm.ecdsaPlain) return Buffer.from(value).toString('base64');
    const size = Math.ceil(curveBits(certificate) / 8);
    const raw = ecdsaDerToRaw(value, size);
    if (!raw)
      throw new KysoError('INTERNAL', { params: { detail: 'the key gave an ECDSA value that is not DER' } });
    return Buffer.from(raw).toString('base64');
  });
  return { signatures };
}

function curveBits(certificate: Uint8Array): number {
  return parseCertificate(certificate).publicKey?.bits ?? 0;
}
