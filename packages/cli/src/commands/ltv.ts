import { basename } from 'node:path';
import { KysoError } from '@kyso/core';
import { addDocumentTimestamp, addValidationData } from '@kyso/pdf';
import { fileSource, nodeHasher, writeSignedFile } from '@kyso/pdf/node';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { verifySettings } from '../options/verify-options.js';

/** kyso ltv IN.pdf -o OUT.pdf [--trust FILE]... [--trust-profile NAME]: the validation data of every signature in a DSS (B-LT). */
export async function ltv(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      o: { type: 'string', short: 'o' },
      trust: { type: 'string', multiple: true },
      'trust-profile': { type: 'string' },
    },
    ctx.lang,
  );
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0 || !values.o)
    throw new KysoError('USAGE', { params: { detail: 'kyso ltv IN.pdf -o OUT.pdf' }, lang: ctx.lang });
  const trust = await verifySettings(
    { trust: values.trust, 'trust-profile': values['trust-profile'] },
    ctx.lang,
  );
  const source = await fileSource(input);
  try {
    const added = await addValidationData(source, {
      trust: { anchors: trust.anchors, certificates: trust.intermediates },
      revocation: { mode: 'online', fetch: globalThis.fetch },
      provider: { hasher: nodeHasher },
    });
    await writeSignedFile(input, added.appended, values.o);
  } finally {
    await source.close();
  }
  ctx.stdout(
    ctx.lang === 'vi'
      ? `Đã thêm dữ liệu xác thực dài hạn vào ${basename(input)} → ${values.o}\n`
      : `Added long-term validation data to ${basename(input)} → ${values.o}\n`,
  );
  return EXIT.ok;
}

/** kyso timestamp IN.pdf -o OUT.pdf --tsa URL: a document time-stamp (ETSI.RFC3161; B-LTA after ltv). */
export async function timestamp(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    { o: { type: 'string', short: 'o' }, tsa: { type: 'string' } },
    ctx.lang,
  );
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0 || !values.o || !values.tsa)
    throw new KysoError('USAGE', {
      params: { detail: 'kyso timestamp IN.pdf -o OUT.pdf --tsa URL' },
      lang: ctx.lang,
    });
  const source = await fileSource(input);
  try {
    const stamped = await addDocumentTimestamp(source, {
      tsa: { url: values.tsa },
      provider: { hasher: nodeHasher },
    });
    await writeSignedFile(input, stamped.appended, values.o);
  } finally {
    await source.close();
  }
  ctx.stdout(
    ctx.lang === 'vi'
      ? `Đã đóng dấu thời gian tài liệu ${basename(input)} → ${values.o}\n`
      : `Time-stamped ${basename(input)} → ${values.o}\n`,
  );
  return EXIT.ok;
}
