import { basename } from 'node:path';
import {
  certificateSha256,
  cmsSignatureReport,
  createRevocationChecker,
  formatName,
  KysoError,
  parseCertificate,
  parseSignedData,
  signCms,
  validateSignature,
} from '@kyso/core';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { assertDistinct, writeAtomically } from '../io/atomic-write.js';
import { fileDigester, readInput } from '../io/read-input.js';
import { KEY_OPTIONS, openSigner } from '../options/key-options.js';
import { VERIFY_OPTIONS, verifySettings } from '../options/verify-options.js';
import { formatSignature, noSignature } from '../output/summary.js';
import { cliVersion } from '../version.js';

/** kyso cms sign FILE -o FILE.p7s <key options> [--tsa URL] [--revocation online|embedded|off] */
async function cmsSign(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      o: { type: 'string', short: 'o' },
      tsa: { type: 'string' },
      revocation: { type: 'string' },
      ...KEY_OPTIONS,
    },
    ctx.lang,
  );
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0 || !values.o)
    throw new KysoError('USAGE', {
      params: { detail: 'kyso cms sign FILE -o FILE.p7s <key options>' },
      lang: ctx.lang,
    });
  assertDistinct(input, values.o, ctx.lang);
  const mode = values.revocation ?? 'online';
  if (!['online', 'embedded', 'off'].includes(mode))
    throw new KysoError('USAGE', {
      params: { detail: '--revocation must be online, embedded or off' },
      lang: ctx.lang,
    });
  const key = await openSigner(values, ctx.env, ctx.lang);
  const cms = await signCms({
    signer: key.signer,
    contentDigest: fileDigester(input, ctx.lang),
    ...(values.tsa ? { timestamp: { url: values.tsa } } : {}),
    // Before signing: validity period, key usage and (unless off) revocation, online by default.
    presign:
      mode === 'off'
        ? {}
        : {
            revocation: createRevocationChecker({
              mode: mode as 'online' | 'embedded',
              fetch: globalThis.fetch,
            }),
          },
  }).finally(() => key.close());
  await writeAtomically(values.o, cms, ctx.lang);
  ctx.stdout(
    ctx.lang === 'vi'
      ? `Đã ký ${basename(input)} → ${values.o}\n`
      : `Signed ${basename(input)} → ${values.o}\n`,
  );
  return EXIT.ok;
}

/** kyso cms verify FILE FILE.p7s [--trust FILE]... [--revocation …] [--at ISO] [--allow-weak] [--json] */
async function cmsVerify(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, VERIFY_OPTIONS, ctx.lang);
  const [content, p7s, ...rest] = positionals;
  if (!content || !p7s || rest.length > 0)
    throw new KysoError('USAGE', { params: { detail: 'kyso cms verify FILE FILE.p7s' }, lang: ctx.lang });
  const settings = await verifySettings(values, ctx.lang);
  const bytes = await readInput(p7s, ctx.lang);
  const signedData = (() => {
    try {
      return parseSignedData(bytes);
    } catch {
      // a PEM-armoured .p7s
      const text = new TextDecoder().decode(bytes);
      const m = /-----BEGIN (?:PKCS7|CMS)-----([\s\S]*?)-----END/.exec(text);
      if (!m)
        throw new KysoError('INVALID_INPUT', {
          params: { detail: `${p7s} is not a CMS signature` },
          lang: ctx.lang,
        });
      return parseSignedData(new Uint8Array(Buffer.from(m[1]!, 'base64')));
    }
  })();
  const digester = fileDigester(content, ctx.lang);
  await digester('SHA-256'); // surfaces an unreadable FILE as an I/O error before any verdict
  const reports = [];
  for (let i = 0; i < signedData.signerInfos.length; i++) {
    const validation = await validateSignature({
      cms: signedData,
      signerIndex: i,
      detached: true,
      contentDigest: digester,
      anchors: settings.anchors,
      intermediates: settings.intermediates,
      revocation: { mode: settings.revocation, fetch: globalThis.fetch },
      validationTime: settings.validationTime,
      weakAlgorithms: settings.weakAlgorithms,
    });
    reports.push(cmsSignatureReport(validation, ctx.lang));
  }
  const worst = reports.some((r) => r.status === 'invalid')
    ? 'invalid'
    : reports.some((r) => r.status === 'indeterminate')
      ? 'indeterminate'
      : reports.length
        ? 'valid'
        : 'unsigned';
  if (settings.json) {
    const report = {
      status: worst,
      validationTime: settings.validationTime.toISOString(),
      policy: {
        revocation: settings.revocation,
        ...(settings.trustProfile ? { trustProfile: settings.trustProfile } : {}),
        trustAnchors: settings.anchors.map((a) => {
          const cert = parseCertificate(a);
          return { subject: formatName(cert.subject), sha256: certificateSha256(cert) };
        }),
        weakAlgorithms: settings.weakAlgorithms,
      },
      generator: { name: 'kyso', version: cliVersion() },
      lang: ctx.lang,
      signatures: reports,
    };
    ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    ctx.stdout(
      `${reports.length ? reports.map((r, i) => formatSignature(r, i, ctx.lang)).join('\n\n') : noSignature(ctx.lang)}\n`,
    );
  }
  return worst === 'valid' ? EXIT.ok : worst === 'invalid' ? EXIT.invalid : EXIT.indeterminate;
}

/** kyso cms sign|verify */
export async function cms(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'sign') return cmsSign(rest, ctx);
  if (sub === 'verify') return cmsVerify(rest, ctx);
  throw new KysoError('UNKNOWN_COMMAND', { params: { command: `cms ${sub ?? ''}`.trim() }, lang: ctx.lang });
}
