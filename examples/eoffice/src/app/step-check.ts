import { certificateSha256, fromBase64, type SignatureReport, type VerificationReport } from '@kyso/core';
import { verifyPdf } from '@kyso/pdf';
import { AppError } from '../domain/errors.js';

export interface StepCheckOptions {
  /** The version the step started from. */
  previous: Uint8Array;
  /** What the signer sends back. */
  signed: Uint8Array;
  /** SHA-256 (uppercase hex) of the certificates allowed to make the new signatures. */
  signers: readonly string[];
  /** Who they are, for messages. */
  who: string;
  /** How many new signatures the step makes (1 for an approval; the clerk's number, date and seal: 3). */
  count?: number;
  anchors: readonly Uint8Array[];
  fetch?: typeof globalThis.fetch;
  lang: 'vi' | 'en';
}

const leafSha256 = (s: SignatureReport) => {
  const leaf = s.certificate.chain[0];
  return leaf ? certificateSha256(fromBase64(leaf)) : undefined;
};

/**
 * What the server checks before it accepts a signed step, whatever the browser claims: the file only
 * appends to the previous version (incremental updates), it carries the new signatures the step makes, every
 * new signature is by an allowed certificate, and every signature — old and new — is valid with no
 * disallowed change after it.
 */
export async function checkSignedStep(options: StepCheckOptions): Promise<VerificationReport> {
  const { previous, signed } = options;
  const appended = signed.length > previous.length && previous.every((byte, i) => signed[i] === byte);
  if (!appended) throw new AppError('FILE_CHANGED');
  const verify = (bytes: Uint8Array) =>
    verifyPdf(bytes, {
      anchors: options.anchors,
      revocation: 'online',
      lang: options.lang,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  const before = (await verify(previous)).signatures.length;
  const report = await verify(signed);
  const added = report.signatures.slice(before);
  if (
    added.length === 0 ||
    (options.count !== undefined && added.length !== options.count) ||
    added.some((s) => s.kind !== 'signature' || !options.signers.includes(leafSha256(s) ?? ''))
  )
    throw new AppError('SIGNATURE_MISSING', { who: options.who });
  const bad = report.signatures.find((s) => s.status !== 'valid');
  if (bad)
    throw new AppError('CHAIN_BROKEN', {
      detail: `${bad.field}: ${bad.errors[0]?.message ?? bad.subIndication ?? bad.status}`,
    });
  return report;
}
