import {
  assembleCms,
  type CryptoProvider,
  checkSignatureValue,
  digest,
  equalBytes,
  fromHex,
  KysoError,
  type PreparedCms,
  resolveProvider,
  signatureTimestampAttribute,
  type TimestampOptions,
  toHex,
} from '@kyso/core';
import { fromLatin1 } from '../syntax/chars.js';
import { assertPreparedSignature, type PreparedSignature } from './prepared-signature.js';

export interface FinishOptions {
  /** DER certificates for the CMS, the signer's first (it must be the one prepared for). */
  certificates: Uint8Array[];
  /** Add a signature time-stamp (B-T) from this TSA. */
  timestamp?: TimestampOptions;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
}

function asPreparedCms(state: PreparedSignature): PreparedCms {
  return {
    version: 1,
    signedAttributes: state.signedAttributes,
    hash: state.hash,
    scheme: state.scheme,
    signerCertificateSha256: state.signerCertificateSha256,
    contentDigest: '',
    createdAt: state.createdAt,
  };
}

/**
 * Builds the CMS for a checked signature value (plus its time-stamp) and returns it hex-encoded to
 * the placeholder's exact width. A CMS that does not fit is SIGNATURE_TOO_LARGE, before any output.
 */
export async function contentsFor(
  stateInput: PreparedSignature,
  signatureValue: Uint8Array,
  options: FinishOptions,
): Promise<Uint8Array> {
  const state = assertPreparedSignature(stateInput);
  const provider = resolveProvider(options.provider);
  const [leaf] = options.certificates;
  if (!leaf) throw new KysoError('STATE_MISMATCH');
  const cmsState = asPreparedCms(state);
  const value = await checkSignatureValue(cmsState, signatureValue, leaf, provider);
  const unsignedAttributes = options.timestamp
    ? [await signatureTimestampAttribute(value, state.hash, options.timestamp, provider, options.signal)]
    : [];
  const cms = assembleCms(cmsState, value, { certificates: options.certificates, unsignedAttributes });
  return hexContents(cms, state.contentsLength);
}

/** The CMS as uppercase hex, zero-padded to the placeholder's width. */
export function hexContents(cms: Uint8Array, hexLength: number): Uint8Array {
  if (cms.length * 2 > hexLength)
    throw new KysoError('SIGNATURE_TOO_LARGE', { params: { size: cms.length, capacity: hexLength / 2 } });
  return fromLatin1(toHex(cms).toUpperCase().padEnd(hexLength, '0'));
}

/** Writes the hex contents into a copy of the appended bytes (nothing else moves). */
export function patchIncrement(
  increment: Uint8Array,
  base: number,
  state: PreparedSignature,
  hex: Uint8Array,
): Uint8Array {
  const out = increment.slice();
  out.set(hex, state.contentsOffset - base);
  return out;
}

/**
 * Phase 3 for a prepared file handed back whole (a browser's two-phase flow): checks it is the file
 * prepared (SHA-256), checks the signature value, and returns the signed file.
 */
export async function finishPdfSignature(
  preparedFile: Uint8Array,
  stateInput: PreparedSignature,
  signatureValue: Uint8Array,
  options: FinishOptions,
): Promise<Uint8Array> {
  const state = assertPreparedSignature(stateInput);
  const total = state.byteRange[2] + state.byteRange[3];
  if (preparedFile.length !== total) throw new KysoError('STATE_MISMATCH');
  const sha = await digest('SHA-256', preparedFile, resolveProvider(options.provider).crypto);
  if (!equalBytes(sha, fromHex(state.preparedFileSha256))) throw new KysoError('STATE_MISMATCH');
  const hex = await contentsFor(state, signatureValue, options);
  const out = preparedFile.slice();
  out.set(hex, state.contentsOffset);
  return out;
}
