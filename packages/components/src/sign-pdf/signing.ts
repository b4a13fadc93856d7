// The signing code of <sign-pdf>: @kyso/pdf's signing pipeline and core's CSC client. Imported on
// the first signature, never by define(): it is most of what signing costs in bytes.
import {
  type CscAccessToken,
  type CscPrompt,
  CscSigner,
  KysoError,
  type Lang,
  parseCertificate,
  type RevocationMode,
  revocationService,
  type Signer,
  signerReport,
} from '@kyso/core';
import {
  type AppearanceDrawer,
  type FontFamily,
  type Preset,
  plainBox,
  signedBytes,
  signPdf,
} from '@kyso/pdf';
import { documentSource } from '../internal/document-source.js';
import type { AppearanceContext, SignAppearance } from './appearance.js';
import type { Placement } from './placement.js';

export type SignLevel = 'B-B' | 'B-T' | 'B-LT';

export interface SigningRequest {
  document: Blob;
  signer: Signer;
  /** An existing empty field, or the name of a new one. */
  field?: string | undefined;
  /** A new visible field here (1-based page, displayed points from the lower-left). */
  visible?: Placement | undefined;
  appearance?: SignAppearance | undefined;
  /** A preset of @kyso/pdf: its drawing, and its default place when none was chosen. */
  preset?: Preset | undefined;
  fonts?: FontFamily | (() => Promise<FontFamily>) | undefined;
  level: SignLevel;
  tsaUrl?: string | undefined;
  /** The pre-signing check of the signer's certificate (and the DSS of B-LT). */
  revocation: RevocationMode;
  /** For the TSA, OCSP and CRL requests (a signing service's proxy); the browser's by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** A signing service's revocation route (absolute): OCSP and CRL requests go through it. */
  revocationUrl?: string | undefined;
  reason?: string | undefined;
  location?: string | undefined;
  lang: Lang;
  signal: AbortSignal;
  /** Told when the key is asked to sign, and when it has. */
  onStage: (stage: 'sign' | 'finish') => void;
}

export interface SigningResult {
  bytes: Uint8Array;
  fieldName: string;
}

/**
 * Signs with @kyso/pdf's pipeline (pre-signing check → prepare → Signer → finish → LTV): the Signer
 * sees only the digest of the signed attributes (and, for WebCrypto keys that cannot sign a digest,
 * the signed attributes themselves), never the document.
 */
export async function signDocument(request: SigningRequest): Promise<SigningResult> {
  const { signer, signal } = request;
  const fetchFn = request.fetch ?? globalThis.fetch.bind(globalThis);
  // /M keeps whole seconds: the appearance prints the same instant
  const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  let certificates: Uint8Array[] = [];
  // The signer, watched: its certificates feed the appearance, its sign() marks the stages.
  const watched: Signer = {
    certificates: async (options) => {
      certificates = await signer.certificates(options);
      return certificates;
    },
    algorithms: (options) => signer.algorithms(options),
    sign: async (req, options) => {
      request.onStage('sign');
      const value = await signer.sign(req, options);
      request.onStage('finish');
      return value;
    },
  };
  const drawer = appearanceDrawer(request.appearance, () => {
    const leaf = certificates[0];
    if (!leaf) throw new KysoError('KEY_NOT_FOUND');
    const certificate = parseCertificate(leaf);
    return {
      lang: request.lang,
      signingTime,
      certificate,
      signerName: signerReport(certificate).commonName.normalize('NFC'),
      certificates,
      ...(request.visible ? { page: request.visible.page, rect: request.visible.rect } : {}),
      ...(request.field && !request.visible ? { field: request.field } : {}),
    };
  });
  const signed = await signPdf(await documentSource(request.document, signal), {
    signer: watched,
    level: request.level,
    ...(request.tsaUrl ? { tsa: { url: request.tsaUrl, fetch: fetchFn } } : {}),
    // `off` skips only the pre-signing check: B-LT still gathers its evidence, through the same route
    revocation: {
      mode: request.revocation,
      fetch: fetchFn,
      ...(request.revocationUrl ? { transport: revocationService(request.revocationUrl) } : {}),
    },
    now: () => signingTime,
    ...(request.field ? { field: request.field } : {}),
    ...(request.visible ? { visible: request.visible } : {}),
    ...(request.preset ? { preset: request.preset } : {}),
    ...(request.fonts ? { fonts: request.fonts } : {}),
    // an existing field is drawn over with the plain frame too, so the signed place shows
    ...(drawer
      ? { appearance: drawer }
      : request.field && !request.visible && !request.preset
        ? { appearance: plainBox }
        : {}),
    ...(request.reason ? { reason: request.reason } : {}),
    ...(request.location ? { location: request.location } : {}),
    signal,
  });
  return { bytes: await signedBytes(signed), fieldName: signed.fieldName };
}

/** `appearance` as @kyso/pdf's drawer: a drawer is used as is, a factory's answer drawn or defaulted. */
function appearanceDrawer(
  appearance: SignAppearance | undefined,
  context: () => AppearanceContext,
): AppearanceDrawer | undefined {
  if (!appearance) return undefined;
  return async (box) => {
    const answer = await appearance({ ...box, ...context() });
    if (typeof answer === 'function') return answer(box);
    return answer ?? plainBox(box);
  };
}

export interface CscSignerRequest {
  url: string;
  credential: string;
  accessToken?: CscAccessToken | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  lang: Lang;
  prompts: { pin: CscPrompt; otp: CscPrompt };
}

/** The signer of `csc-url` + `credential`: core's CSC client, asking PINs and OTPs through the element. */
export function cscSigner(request: CscSignerRequest): Signer {
  return new CscSigner({
    baseUrl: request.url,
    credentialId: request.credential,
    ...(request.accessToken !== undefined ? { accessToken: request.accessToken } : {}),
    ...(request.fetch ? { fetch: request.fetch } : {}),
    lang: request.lang,
    pin: request.prompts.pin,
    otp: request.prompts.otp,
  });
}
