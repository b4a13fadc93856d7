import { type DigestAlgorithm, digest, type HashAlg } from '../crypto/digest.js';
import { type CryptoProvider, resolveProvider } from '../crypto/provider.js';
import { KysoError } from '../errors/kyso-error.js';
import { OID } from '../oids.js';
import type { RevocationChecker } from '../revocation/types.js';
import type { Signer, SigScheme } from '../signers/signer.js';
import { requestTimestamp } from '../tsp/client.js';
import { checkSignerCertificate } from '../validation/presign-check.js';
import { parseCertificate } from '../x509/certificate.js';
import { buildAttribute } from './attribute.js';
import { assembleCms, checkSignatureValue, prepareCms } from './build.js';

export interface TimestampOptions {
  url: string;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface SignCmsOptions {
  signer: Signer;
  /** The content to sign (detached): its digest is computed here. */
  content?: Uint8Array;
  /** Or the digest of the content, computed by the caller (a streamed file), under the chosen hash. */
  contentDigest?: (hash: DigestAlgorithm) => Promise<Uint8Array>;
  hash?: HashAlg;
  scheme?: SigScheme;
  /** The signing-time attribute: on (now) for plain CMS unless false. */
  signingTime?: Date | false;
  /** A signature time-stamp (CAdES-T) from this TSA. */
  timestamp?: TimestampOptions;
  /** Checks the certificate (validity, key usage, revocation) before signing; on by default. */
  presign?: false | { revocation?: RevocationChecker };
  now?: () => Date;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
}

/** Picks the (hash, scheme) pair: the caller's choice if the signer offers it, else the signer's first. */
export async function chooseAlgorithm(
  signer: Signer,
  hash?: HashAlg,
  scheme?: SigScheme,
  signal?: AbortSignal,
): Promise<{ hash: HashAlg; scheme: SigScheme }> {
  const offered = await signer.algorithms(signal ? { signal } : {});
  const match = offered.find((a) => (!hash || a.hash === hash) && (!scheme || a.scheme === scheme));
  if (!match)
    throw new KysoError('UNSUPPORTED_ALGORITHM', {
      params: { algorithm: `${scheme ?? 'any scheme'} with ${hash ?? 'any hash'}` },
    });
  return match;
}

/** The time-stamp of a signature value as the unsigned attribute CAdES-T adds (RFC 3161 Appendix A). */
export async function signatureTimestampAttribute(
  signatureValue: Uint8Array,
  hash: HashAlg,
  ts: TimestampOptions,
  provider: CryptoProvider,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const { token } = await requestTimestamp(hash, await digest(hash, signatureValue, provider.crypto), {
    url: ts.url,
    provider,
    ...(ts.fetch ? { fetch: ts.fetch } : {}),
    ...(ts.headers ? { headers: ts.headers } : {}),
    ...(ts.timeoutMs ? { timeoutMs: ts.timeoutMs } : {}),
    ...(signal ? { signal } : {}),
  });
  return buildAttribute(OID.signatureTimeStampToken, token);
}

/**
 * Signs detached content as CMS/CAdES (B-B, or B-T with a time-stamp): the thin wrapper over
 * prepare → Signer.sign → finish, as `kyso cms sign` uses it.
 */
export async function signCms(options: SignCmsOptions): Promise<Uint8Array> {
  const provider = resolveProvider(options.provider);
  const signal = options.signal;
  const now = options.now?.() ?? new Date();
  const certificates = await options.signer.certificates(signal ? { signal } : {});
  const [leaf] = certificates;
  if (!leaf) throw new KysoError('KEY_NOT_FOUND');
  if (options.presign !== false) {
    const chain = certificates.map((c) => parseCertificate(c));
    await checkSignerCertificate(chain[0]!, {
      at: now,
      ...(chain[1] ? { issuer: chain[1], issuerChain: chain.slice(2) } : {}),
      ...(options.presign?.revocation ? { revocation: options.presign.revocation } : {}),
      ...(signal ? { signal } : {}),
    });
  }
  const { hash, scheme } = await chooseAlgorithm(options.signer, options.hash, options.scheme, signal);
  let contentDigest: Uint8Array;
  if (options.contentDigest) contentDigest = await options.contentDigest(hash);
  else if (options.content) contentDigest = await digest(hash, options.content, provider.crypto);
  else throw new TypeError('signCms needs content or contentDigest');

  const prepared = await prepareCms({
    signerCertificate: leaf,
    contentDigest,
    hash,
    scheme,
    ...(options.signingTime !== false ? { signingTime: options.signingTime ?? now } : {}),
    now,
    provider,
  });
  signal?.throwIfAborted();
  const raw = await options.signer.sign(
    { digest: prepared.digest, hash, scheme, data: prepared.data },
    signal ? { signal } : {},
  );
  const value = await checkSignatureValue(prepared.state, raw, leaf, provider);
  const unsignedAttributes = options.timestamp
    ? [await signatureTimestampAttribute(value, hash, options.timestamp, provider, signal)]
    : [];
  return assembleCms(prepared.state, value, { certificates, unsignedAttributes });
}
