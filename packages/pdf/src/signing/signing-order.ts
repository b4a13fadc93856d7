import {
  type CertificateKindRule,
  type CryptoProvider,
  certificateKind,
  fromBase64,
  KysoError,
  parseCertificate,
} from '@kyso/core';
import type { ByteSource } from '../io/byte-source.js';

/** The Vietnamese rule that an organisation signs only after a competent person (VN-PROFILE.md). */
export interface SigningOrderOptions {
  /** Digitised copies: let an organisation sign a document that no person has signed. */
  allowOrganizationFirst?: boolean;
  /** Which certificates are an organisation's (default: UID MST:/MNS: and no CMND:/CCCD:/HC:). */
  certificateKind?: CertificateKindRule;
  /** When given, an earlier personal signature counts only if its path reaches one of these. */
  anchors?: readonly Uint8Array[];
  intermediates?: readonly Uint8Array[];
}

/**
 * Refuses (ORGANIZATION_BEFORE_PERSONAL) an organisation certificate signing a document that holds
 * no personal signature. A personal signature is present when an earlier signature by a personal
 * certificate has an intact digest and a valid CMS signature; its trust is checked only when
 * anchors are given. Other signers pass without reading the document.
 */
export async function checkSigningOrder(
  source: ByteSource,
  signerCertificate: Uint8Array,
  options: SigningOrderOptions & { provider?: Partial<CryptoProvider>; signal?: AbortSignal } = {},
): Promise<void> {
  const rule = options.certificateKind;
  if (options.allowOrganizationFirst) return;
  if (certificateKind(parseCertificate(signerCertificate), rule) !== 'organization') return;
  const anchors = options.anchors ?? [];
  // the verifier loads only for an organisation's signature
  const { verifyPdf } = await import('../verify/verify-pdf.js');
  const report = await verifyPdf(source, {
    anchors,
    intermediates: options.intermediates ?? [],
    revocation: 'off',
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const personal = report.signatures.some((s) => {
    const leaf = s.certificate.chain[0];
    if (s.kind !== 'signature' || !s.integrity || s.indication === 'TOTAL_FAILED' || !leaf) return false;
    if (anchors.length > 0 && !s.certificate.trustAnchor) return false;
    return certificateKind(parseCertificate(fromBase64(leaf)), rule) === 'personal';
  });
  if (!personal) throw new KysoError('ORGANIZATION_BEFORE_PERSONAL');
}
