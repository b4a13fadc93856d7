import { KysoError, type Signer } from '@kyso/core';
import { type PadesLevel, signPdf } from '@kyso/pdf';
import { fileSource, nodeHasher } from '@kyso/pdf/node';
import type { AuthFactors, SigningCredential } from '../backends/credential.js';
import { withHttp } from '../http/error-response.js';
import { redeemSad, restoreSad } from '../sad/sad.js';
import { otpApplies, type RequestContext, type ServiceCore, useCredential } from '../service/core.js';
import { signedPdfStream } from './signed-stream.js';
import { spoolBody } from './spool.js';

const LEVELS: readonly PadesLevel[] = ['B-B', 'B-T', 'B-LT', 'B-LTA'];

/** The header that carries a SAD to /sign-pdf (from credentials/authorize with numSignatures, no hashes). */
export const SAD_HEADER = 'x-kyso-sad';

function invalid(detail: string): KysoError {
  return new KysoError('INVALID_INPUT', { params: { detail } });
}

function text(url: URL, name: string): string | undefined {
  const value = url.searchParams.get(name);
  if (value === null) return undefined;
  if (value.length > 500) throw invalid(`${name} is longer than 500 characters`);
  return value;
}

/**
 * The SAD a document signature spends. Required when the credential asks a PIN or an OTP; it must be
 * unbound (the digest is computed here, after the upload), for this credential and principal.
 */
async function documentFactors(
  core: ServiceCore,
  ctx: RequestContext,
  credential: SigningCredential,
): Promise<AuthFactors> {
  const sad = ctx.request.headers.get(SAD_HEADER);
  const needed = credential.pin === 'required' || otpApplies(core, credential.id);
  if (sad === null) {
    if (!needed) return {};
    throw withHttp(
      new KysoError('CREDENTIAL_NOT_AUTHORIZED', {
        params: {
          detail: `credential ${credential.id} needs a SAD (${SAD_HEADER}) from credentials/authorize`,
        },
      }),
      { status: 400, error: 'invalid_request' },
    );
  }
  const refused = (detail: string) =>
    withHttp(new KysoError('CREDENTIAL_NOT_AUTHORIZED', { params: { detail } }), {
      status: 400,
      error: 'invalid_request',
    });
  const redeemed = await redeemSad(core.store, sad).catch(() => {
    throw refused('SAD expired (unknown, expired or used up)');
  });
  const { grant } = redeemed;
  if (grant.credentialId !== credential.id || grant.principalId !== ctx.principal.id)
    throw refused('Invalid parameter SAD: issued for another credential or user');
  if (grant.hashes) throw refused('a SAD bound to hashes cannot authorize a document signed here');
  grant.remaining -= 1;
  await restoreSad(core.store, sad, grant, redeemed.factors);
  return redeemed.factors;
}

/**
 * `POST /sign-pdf?credentialID=…[&level=B-T][&field=…][&reason=…][&location=…]`: the PDF streams in
 * (to a private temporary file, at most the configured size: 413 beyond), is signed by @kyso/pdf with
 * the credential, and streams out whole (input + incremental update) as application/pdf.
 */
export async function signPdfRoute(core: ServiceCore, ctx: RequestContext): Promise<Response> {
  const url = new URL(ctx.request.url);
  const id = url.searchParams.get('credentialID');
  if (!id) throw invalid('Missing query parameter credentialID');
  const credential = await useCredential(core, ctx, id);
  const requested = url.searchParams.get('level');
  if (requested !== null && !LEVELS.includes(requested as PadesLevel))
    throw invalid(`unknown level ${requested}`);
  const level = (requested as PadesLevel | null) ?? core.pdf.level ?? (core.pdf.tsa ? 'B-T' : 'B-B');
  const field = text(url, 'field');
  const reason = text(url, 'reason');
  const location = text(url, 'location');

  const spooled = await spoolBody(ctx.request, core.pdfBytes);
  ctx.note.bytes = spooled.size;
  try {
    const factors = await documentFactors(core, ctx, credential);
    const signer: Signer = {
      certificates: (o) => credential.certificates(o),
      algorithms: (o) => credential.algorithms(o),
      sign: async (request, o) => {
        Object.assign(ctx.note, {
          digests: [Buffer.from(request.digest).toString('hex')],
          hash: request.hash,
          scheme: request.scheme,
          count: 1,
        });
        const [value] = await credential.signDigests([request], factors, o);
        return value!;
      },
    };
    const source = await fileSource(spooled.path);
    let signed: Awaited<ReturnType<typeof signPdf>>;
    try {
      signed = await signPdf(source, {
        signer,
        level,
        ...(core.pdf.tsa ? { tsa: core.pdf.tsa } : {}),
        ...(core.pdf.revocation ? { revocation: core.pdf.revocation } : {}),
        ...(field !== undefined ? { field } : {}),
        ...(reason !== undefined ? { reason } : {}),
        ...(location !== undefined ? { location } : {}),
        provider: { hasher: nodeHasher },
        signal: ctx.signal,
      });
    } finally {
      await source.close();
    }
    return new Response(signedPdfStream(spooled, signed.appended), {
      status: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(spooled.size + signed.appended.length),
        'cache-control': 'no-store',
        'x-kyso-field': encodeURIComponent(signed.fieldName),
      },
    });
  } catch (error) {
    await spooled.remove();
    throw error;
  }
}
