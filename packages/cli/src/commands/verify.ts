import { KysoError, type SignatureReport } from '@kyso/core';
import { verifyPdf } from '@kyso/pdf';
import { fileSource, nodeHasher } from '@kyso/pdf/node';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { pdfPassword } from '../options/pdf-password.js';
import { VERIFY_OPTIONS, verifySettings } from '../options/verify-options.js';
import { formatSignature, noSignature } from '../output/summary.js';
import { cliVersion } from '../version.js';

const MODIFICATIONS = {
  vi: {
    none: 'không có thay đổi sau khi ký',
    allowed: 'chỉ có thay đổi được phép sau khi ký',
    disallowed: 'có thay đổi KHÔNG được phép sau khi ký',
  },
  en: {
    none: 'no change after signing',
    allowed: 'only allowed changes after signing',
    disallowed: 'changes NOT allowed after signing',
  },
};

const STATUS = {
  vi: {
    valid: 'Tài liệu: HỢP LỆ',
    invalid: 'Tài liệu: KHÔNG HỢP LỆ',
    indeterminate: 'Tài liệu: CHƯA XÁC ĐỊNH',
    unsigned: 'Tài liệu: KHÔNG CÓ CHỮ KÝ',
  },
  en: {
    valid: 'Document: VALID',
    invalid: 'Document: INVALID',
    indeterminate: 'Document: INDETERMINATE',
    unsigned: 'Document: UNSIGNED',
  },
};

/** kyso verify IN.pdf [--trust FILE]... [--trust-profile NAME] [--revocation …] [--at ISO] [--allow-weak] [--json] [--lang vi|en] [--pdf-password-env VAR] */
export async function verify(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...VERIFY_OPTIONS, 'pdf-password-env': { type: 'string' } } as const,
    ctx.lang,
  );
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0)
    throw new KysoError('USAGE', { params: { detail: 'kyso verify IN.pdf' }, lang: ctx.lang });
  const settings = await verifySettings(values, ctx.lang);
  const password = await pdfPassword(values['pdf-password-env'], ctx);
  const source = await fileSource(input);
  try {
    const report = await verifyPdf(source, {
      anchors: settings.anchors,
      intermediates: settings.intermediates,
      ...(settings.trustProfile ? { trustProfile: settings.trustProfile } : {}),
      revocation: settings.revocation,
      validationTime: settings.validationTime,
      weakAlgorithms: settings.weakAlgorithms,
      lang: ctx.lang,
      version: cliVersion(),
      fetch: globalThis.fetch,
      provider: { hasher: nodeHasher },
      ...(password === undefined ? {} : { password }),
    });
    if (settings.json) ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const t = MODIFICATIONS[ctx.lang];
      const blocks = report.signatures.map(
        (s: SignatureReport, i) => `${formatSignature(s, i, ctx.lang)}\n  ${t[s.modificationsAfter]}`,
      );
      const warnings = report.warnings.map(
        (w) => `${ctx.lang === 'vi' ? 'Cảnh báo' : 'Warning'}: ${w.message}`,
      );
      ctx.stdout(
        `${STATUS[ctx.lang][report.status]}\n${blocks.length ? blocks.join('\n\n') : noSignature(ctx.lang)}\n${warnings.length ? `${warnings.join('\n')}\n` : ''}`,
      );
    }
    // DESIGN.md: 0 every signature valid; 1 any invalid; 3 none invalid but some indeterminate, or none
    if (report.status === 'valid') return EXIT.ok;
    if (report.status === 'invalid') return EXIT.invalid;
    return EXIT.indeterminate;
  } finally {
    await source.close();
  }
}
