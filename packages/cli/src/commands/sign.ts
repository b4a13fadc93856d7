import { basename } from 'node:path';
import { KysoError, type RevocationMode } from '@kyso/core';
import { signPdfFile } from '@kyso/pdf/node';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { KEY_OPTIONS, openSigner } from '../options/key-options.js';
import { parseCertify, parseLevel, parseVisible, SIGN_OPTIONS } from '../options/sign-options.js';
import { verifySettings } from '../options/verify-options.js';

/** kyso sign IN.pdf -o OUT.pdf <key> [--field NAME] [--reason …] [--level …] [--tsa URL] [--visible …] … */
export async function sign(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { ...SIGN_OPTIONS, ...KEY_OPTIONS }, ctx.lang);
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0 || !values.o)
    throw new KysoError('USAGE', {
      params: { detail: 'kyso sign IN.pdf -o OUT.pdf <key options>' },
      lang: ctx.lang,
    });
  const level = parseLevel(values.level, values.tsa, ctx.lang);
  const certify = parseCertify(values.certify, ctx.lang);
  const visible = values.visible ? parseVisible(values.visible, ctx.lang) : undefined;
  const trust = await verifySettings(
    { trust: values.trust, 'trust-profile': values['trust-profile'], revocation: values.revocation },
    ctx.lang,
  );
  const signer = await openSigner(values, ctx.env, ctx.lang);
  const signed = await signPdfFile(input, values.o, {
    signer,
    level,
    ...(values.tsa ? { tsa: { url: values.tsa } } : {}),
    ...(values.field ? { field: values.field } : {}),
    ...(values.reason ? { reason: values.reason } : {}),
    ...(values.location ? { location: values.location } : {}),
    ...(certify ? { certify } : {}),
    ...(visible ? { visible } : {}),
    revocation: { mode: trust.revocation as RevocationMode, fetch: globalThis.fetch },
    // B-LT/B-LTA: --trust and the profile complete the chains the DSS must hold.
    ltv: { trust: { anchors: trust.anchors, certificates: trust.intermediates } },
  });
  ctx.stdout(
    ctx.lang === 'vi'
      ? `Đã ký ${basename(input)} (trường ${signed.fieldName}, ${level}) → ${values.o}\n`
      : `Signed ${basename(input)} (field ${signed.fieldName}, ${level}) → ${values.o}\n`,
  );
  return EXIT.ok;
}
