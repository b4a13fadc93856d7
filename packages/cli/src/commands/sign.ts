import { basename } from 'node:path';
import { KysoError, type RevocationMode } from '@kyso/core';
import type { SignPdfOptions } from '@kyso/pdf';
import { clerkSignFile, signPdfFile } from '@kyso/pdf/node';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { KEY_OPTIONS, openSigner } from '../options/key-options.js';
import { PRESET_OPTIONS, type PresetChoice, wantsPresets } from '../options/preset-flags.js';
import { parseCertify, parseLevel, parseVisible, SIGN_OPTIONS } from '../options/sign-options.js';
import { verifySettings } from '../options/verify-options.js';

/** kyso sign IN.pdf -o OUT.pdf <key> [--field NAME] [--level …] [--visible …] [--preset …] … */
export async function sign(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...SIGN_OPTIONS, ...PRESET_OPTIONS, ...KEY_OPTIONS },
    ctx.lang,
  );
  const [input, ...rest] = positionals;
  const output = values.o;
  if (!input || rest.length > 0 || !output)
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
  // the drawing code (presets, fonts, images) loads only when asked for
  const presets = wantsPresets(values, ctx.lang) ? await import('../options/preset-options.js') : undefined;
  const choice: PresetChoice = presets ? await presets.presetOption(values, ctx.lang) : { kind: 'none' };
  if (choice.kind === 'clerk' && (values.field || visible))
    throw new KysoError('USAGE', {
      params: { detail: '--preset clerk signs three places of its own: --field and --visible do not apply' },
      lang: ctx.lang,
    });
  const fonts = await presets?.fontOption(values.font, ctx.lang);
  const key = await openSigner(values, ctx.env, ctx.lang);
  try {
    const common: SignPdfOptions = {
      signer: key.signer,
      level,
      ...(values.tsa ? { tsa: { url: values.tsa } } : {}),
      ...(values.reason ? { reason: values.reason } : {}),
      ...(values.location ? { location: values.location } : {}),
      ...(fonts ? { fonts } : {}),
      revocation: { mode: trust.revocation as RevocationMode, fetch: globalThis.fetch },
      // B-LT/B-LTA: --trust and the profile complete the chains the DSS must hold.
      ltv: { trust: { anchors: trust.anchors, certificates: trust.intermediates } },
      // an organisation signs after a person unless the caller says otherwise (VN-PROFILE.md)
      signingOrder: {
        ...(values['allow-organization-first'] ? { allowOrganizationFirst: true } : {}),
        ...(trust.anchors.length > 0 ? { anchors: trust.anchors, intermediates: trust.intermediates } : {}),
      },
    };
    const fields = await signInto(input, output, common, choice, {
      ...(values.field ? { field: values.field } : {}),
      ...(certify ? { certify } : {}),
      ...(visible ? { visible } : {}),
    });
    ctx.stdout(
      ctx.lang === 'vi'
        ? `Đã ký ${basename(input)} (trường ${fields.join(', ')}, ${level}) → ${output}\n`
        : `Signed ${basename(input)} (field${fields.length > 1 ? 's' : ''} ${fields.join(', ')}, ${level}) → ${output}\n`,
    );
    return EXIT.ok;
  } finally {
    await key.close();
  }
}

/** One signature, or the clerk's three; the names of the fields signed. */
async function signInto(
  input: string,
  output: string,
  common: SignPdfOptions,
  choice: PresetChoice,
  single: Pick<SignPdfOptions, 'field' | 'certify' | 'visible'>,
): Promise<string[]> {
  if (choice.kind === 'clerk')
    return (await clerkSignFile(input, output, { ...common, ...choice.options })).fieldNames;
  const signed = await signPdfFile(input, output, {
    ...common,
    ...single,
    ...(choice.kind === 'single' ? { preset: choice.preset } : {}),
  });
  return [signed.fieldName];
}
