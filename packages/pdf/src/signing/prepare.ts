import {
  type CryptoProvider,
  certificateSha256,
  finishDigest,
  type HashAlg,
  type HasherFactory,
  KysoError,
  parseCertificate,
  prepareCms,
  resolveProvider,
  type SigScheme,
  toBase64,
  toHex,
} from '@kyso/core';
import type { FontFamily } from '../appearance/font/default-fonts.js';
import { listPages } from '../document/pages.js';
import { PdfDocument } from '../document/pdf-document.js';
import { listFields } from '../fields/field-tree.js';
import type { DisplayedRect } from '../fields/placement.js';
import { type AppearanceDrawer, placeSignatureField } from '../fields/signature-field.js';
import type { ByteSource } from '../io/byte-source.js';
import { hashRange } from '../io/hash-range.js';
import type { Preset, PresetPlacement } from '../presets/types.js';
import { PdfDict } from '../syntax/objects.js';
import { DocumentEdit } from '../writer/document-edit.js';
import { RawObject } from '../writer/incremental-update.js';
import {
  assertSignable,
  type DocMdpPermission,
  docMdpReference,
  type FieldLock,
  fieldMdp,
} from './certification.js';
import { contentsCapacity } from './contents-size.js';
import type { PreparedSignature } from './prepared-signature.js';
import { byteRangeText, type SubFilter, signatureDictionary } from './signature-dictionary.js';
import { checkSigningOrder, type SigningOrderOptions } from './signing-order.js';

export interface PrepareOptions {
  /** DER certificates, the signer's first. */
  certificates: Uint8Array[];
  hash: HashAlg;
  scheme: SigScheme;
  subFilter?: Exclude<SubFilter, 'ETSI.RFC3161'>;
  /** Sign this field (an existing empty one, or a new one of this name). */
  field?: string;
  visible?: { page: number; rect: DisplayedRect };
  appearance?: AppearanceDrawer;
  /**
   * A visible-signature preset (personal, organization, number, date, attachment, copy): its place
   * and drawing, resolved against the document, the signer and the signing time. `visible`, `field`
   * and `appearance` given here win over its defaults.
   */
  preset?: Preset;
  /** Fonts for presets; default the bundled Liberation Serif, fetched beside the module (browsers). */
  fonts?: FontFamily | (() => Promise<FontFamily>);
  /**
   * The Vietnamese signing-order rule (VN-PROFILE.md): an organisation certificate may sign only a
   * document that already holds a personal signature, unless `allowOrganizationFirst`.
   */
  signingOrder?: SigningOrderOptions;
  reason?: string;
  location?: string;
  contactInfo?: string;
  name?: string;
  /** /M; the clock is injectable. */
  signingTime: Date;
  /** A certification signature with this DocMDP permission. */
  certify?: DocMdpPermission;
  /** FieldMDP: which fields this signature locks. */
  lock?: FieldLock;
  /** Room for a signature time-stamp (bytes of CMS), 0 for none. */
  timestampAllowance?: number;
  /** Overrides the computed /Contents capacity (bytes). */
  capacity?: number;
  provider?: Partial<CryptoProvider>;
  signal?: AbortSignal;
}

/** Phase 1's result: the state, what to sign, and the appended bytes (with a zero /Contents). */
export interface PreparedPdf {
  state: PreparedSignature;
  /** The digest a Signer signs (of the DER signed attributes). */
  digest: Uint8Array;
  /** The DER signed attributes (WebCrypto keys sign these). */
  data: Uint8Array;
  /** The digest of the byte ranges (the CMS message digest). */
  contentDigest: Uint8Array;
  source: ByteSource;
  increment: Uint8Array;
  fieldName: string;
}

async function endsWithEol(source: ByteSource): Promise<boolean> {
  if (source.size === 0) return false;
  const last = (await source.read(source.size - 1, 1))[0];
  return last === 0x0a || last === 0x0d;
}

/**
 * Digests of the prepared file in one pass over the input: the byte ranges (everything but
 * /Contents) under `hash`, and the whole file under SHA-256. The input's prefix is read once; the
 * hash states are copied where the two diverge.
 */
export async function digestPrepared(
  source: ByteSource,
  increment: Uint8Array,
  gap: { start: number; end: number },
  hash: HashAlg,
  hasher: HasherFactory,
  signal?: AbortSignal,
): Promise<{ rangeDigest: Uint8Array; fileSha256: Uint8Array }> {
  const base = source.size;
  const rangeHasher = hasher(hash);
  const fileHasher = hash === 'SHA-256' ? undefined : hasher('SHA-256');
  const both = {
    update: (d: Uint8Array) => {
      rangeHasher.update(d);
      fileHasher?.update(d);
      return both;
    },
    digest: () => new Uint8Array(),
    clone: () => both,
  };
  await hashRange(source, 0, base, both, signal);
  const file = fileHasher ?? rangeHasher.clone();
  file.update(increment);
  rangeHasher.update(increment.subarray(0, gap.start - base));
  rangeHasher.update(increment.subarray(gap.end - base));
  const [rangeDigest, fileSha256] = await Promise.all([finishDigest(rangeHasher), finishDigest(file)]);
  return { rangeDigest, fileSha256 };
}

/** Phase 1 (DESIGN.md): field, signature dictionary with placeholders, byte-range digest, signed attributes. */
export async function preparePdfSignature(source: ByteSource, options: PrepareOptions): Promise<PreparedPdf> {
  const provider = resolveProvider(options.provider);
  const doc = await PdfDocument.open(source);
  if (doc.encrypted) throw new KysoError('ENCRYPTED_PDF');
  const permission = await assertSignable(doc);
  const [leaf] = options.certificates;
  if (!leaf) throw new KysoError('KEY_NOT_FOUND');
  const cert = parseCertificate(leaf);
  await checkSigningOrder(source, leaf, {
    ...options.signingOrder,
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let preset: PresetPlacement | undefined;
  if (options.preset) {
    // fonts and their subsetting load only for a preset's drawing
    const { presetFonts } = await import('../presets/preset-fonts.js');
    preset = await options.preset.resolve({
      doc,
      pages: await listPages(doc),
      signer: cert,
      signingTime: options.signingTime,
      fonts: presetFonts(options.fonts, options.signal),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
  const visible = options.visible ?? preset?.place;
  const appearance = options.appearance ?? preset?.appearance;

  const edit = new DocumentEdit(doc);
  const sigRef = edit.update.allocate();
  const reference: PdfDict[] = [];
  if (options.certify) {
    if (permission !== undefined || (await hasSignatures(doc))) {
      throw new KysoError('INVALID_INPUT', {
        params: { detail: 'a certification signature must be the first signature of the document' },
      });
    }
    reference.push(docMdpReference(options.certify));
    const catalog = await edit.catalog();
    const perms = (await doc.dict(catalog.get('Perms')))?.clone() ?? new PdfDict();
    perms.set('DocMDP', sigRef);
    catalog.set('Perms', perms);
  }
  let lockDict: PdfDict | undefined;
  if (options.lock) {
    const mdp = fieldMdp(options.lock);
    lockDict = mdp.lock;
    reference.push(mdp.reference);
  }
  const placed = await placeSignatureField(edit, {
    ...(options.field ? { name: options.field } : {}),
    ...(visible ? { visible } : {}),
    ...(appearance ? { appearance } : {}),
    value: sigRef,
    ...(lockDict ? { lock: lockDict } : {}),
  });

  const subFilter = options.subFilter ?? 'ETSI.CAdES.detached';
  // The signed attributes are about 250 bytes plus the certificate reference; measure with a stand-in.
  const signedAttributesLength = 400 + cert.issuer.der.length;
  const capacity =
    options.capacity ??
    contentsCapacity({
      certificates: options.certificates,
      signedAttributesLength,
      keyBits: cert.publicKey?.bits ?? 4096,
      keyKind: cert.publicKey?.kind === 'RSA' ? 'RSA' : cert.publicKey?.kind === 'EC' ? 'EC' : 'other',
      hash: options.hash,
      scheme: options.scheme,
      timestampAllowance: options.timestampAllowance ?? 0,
    });
  const dict = signatureDictionary({
    subFilter,
    capacity,
    signingTime: options.signingTime,
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.location ? { location: options.location } : {}),
    ...(options.contactInfo ? { contactInfo: options.contactInfo } : {}),
    ...(options.name ? { name: options.name } : {}),
    ...(reference.length ? { reference } : {}),
  });
  edit.update.set(sigRef, new RawObject(dict.text));
  const written = edit.update.build(await endsWithEol(source));
  const increment = written.bytes;
  const rawAt = written.rawOffsets.get(sigRef.key)!;
  const base = source.size;
  const contentsStart = base + rawAt + dict.contentsAt;
  const contentsEnd = contentsStart + dict.contentsHexLength + 2;
  const total = base + increment.length;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, total - contentsEnd];
  increment.set(byteRangeText(byteRange, dict.byteRangeWidth), rawAt + dict.byteRangeAt);

  const { rangeDigest, fileSha256 } = await digestPrepared(
    source,
    increment,
    { start: contentsStart, end: contentsEnd },
    options.hash,
    provider.hasher,
    options.signal,
  );
  const cms = await prepareCms({
    signerCertificate: leaf,
    contentDigest: rangeDigest,
    hash: options.hash,
    scheme: options.scheme,
    // PAdES keeps the time in /M only; adbe.pkcs7.detached signers add the attribute, as Acrobat does.
    ...(subFilter === 'adbe.pkcs7.detached' ? { signingTime: options.signingTime } : {}),
    now: options.signingTime,
    provider,
  });
  if (cms.data.length > signedAttributesLength && options.capacity === undefined) {
    throw new KysoError('INTERNAL', { params: { detail: 'signed attributes larger than estimated' } });
  }
  return {
    state: {
      version: 1,
      subFilter,
      byteRange,
      contentsOffset: contentsStart + 1,
      contentsLength: dict.contentsHexLength,
      signedAttributes: toBase64(cms.data),
      hash: options.hash,
      scheme: options.scheme,
      signerCertificateSha256: certificateSha256(cert),
      preparedFileSha256: toHex(fileSha256).toUpperCase(),
      createdAt: options.signingTime.toISOString(),
    },
    digest: cms.digest,
    data: cms.data,
    contentDigest: rangeDigest,
    source,
    increment,
    fieldName: placed.name,
  };
}

/** Whether any signature field of the document already holds a value. */
async function hasSignatures(doc: PdfDocument): Promise<boolean> {
  const catalog = await doc.catalog();
  const fields = await listFields(doc, await doc.dict(catalog.get('AcroForm')));
  for (const f of fields) if (f.type === 'Sig' && (await doc.dict(f.dict.get('V')))) return true;
  return false;
}
