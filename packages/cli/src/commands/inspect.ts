import { commonName, findSignerCertificate, KysoError, parseSignedData } from '@kyso/core';
import {
  decodeTextString,
  listFields,
  listSignatures,
  PdfDocument,
  PdfString,
  parsePdfDate,
} from '@kyso/pdf';
import { fileSource } from '@kyso/pdf/node';
import { parse } from '../args.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../exit.js';
import { pdfPassword } from '../options/pdf-password.js';

interface InspectReport {
  file: { size: number; version: string; linearized: boolean; encrypted: boolean; decrypted: boolean };
  revisions: { number: number; end: number; xref: string; startxref: number }[];
  fields: { name: string; type: string | null; signed: boolean }[];
  signatures: {
    field: string;
    type: 'Sig' | 'DocTimeStamp';
    subFilter: string | null;
    byteRange: number[] | null;
    coversWholeFile: boolean;
    signer: string | null;
    signingTime: string | null;
  }[];
  warnings: { code: string; detail: string }[];
}

function signerName(contents: Uint8Array | undefined): string | null {
  if (!contents) return null;
  try {
    const sd = parseSignedData(contents, { trailingZeros: true });
    const si = sd.signerInfos[0];
    const cert = si ? findSignerCertificate(si, sd.certificates) : undefined;
    return cert ? (commonName(cert.subject) ?? null) : null;
  } catch {
    // an unreadable CMS is reported by `kyso verify`, not here
    return null;
  }
}

/** kyso inspect IN.pdf [--json] [--pdf-password-env VAR]: revisions, fields, signatures, byte ranges. */
export async function inspect(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(
    args,
    { json: { type: 'boolean' }, 'pdf-password-env': { type: 'string' } },
    ctx.lang,
  );
  const [input, ...rest] = positionals;
  if (!input || rest.length > 0)
    throw new KysoError('USAGE', { params: { detail: 'kyso inspect IN.pdf [--json]' }, lang: ctx.lang });
  const password = await pdfPassword(values['pdf-password-env'], ctx);
  const source = await fileSource(input);
  try {
    const doc = await PdfDocument.open(source, password === undefined ? {} : { password });
    const readable = !doc.encrypted || doc.decrypted;
    const catalog = await doc.catalog();
    const fields = readable ? await listFields(doc, await doc.dict(catalog.get('AcroForm'))) : [];
    const signatures = readable ? await listSignatures(doc) : [];
    const warnings = [...doc.warnings];
    if (!readable)
      warnings.push({
        code: 'ENCRYPTED_PDF',
        detail: `${doc.decryptionFailure?.message ?? 'encrypted'} (--pdf-password-env VAR opens it)`,
      });
    const report: InspectReport = {
      file: {
        size: source.size,
        version: doc.version,
        linearized: doc.linearized,
        encrypted: doc.encrypted,
        decrypted: doc.decrypted,
      },
      revisions: doc.revisions.map((r) => ({
        number: r.number,
        end: r.end,
        xref: r.section.kind,
        startxref: r.section.offset,
      })),
      fields: await Promise.all(
        fields.map(async (f) => ({
          name: f.name,
          type: f.type ?? null,
          signed: f.type === 'Sig' && (await doc.dict(f.dict.get('V'))) !== undefined,
        })),
      ),
      signatures: signatures.map((s) => {
        const m = s.dict.get('M');
        const time = m instanceof PdfString ? parsePdfDate(decodeTextString(m.bytes)) : undefined;
        const br = s.byteRange;
        return {
          field: s.field.name,
          type: s.type,
          subFilter: s.subFilter ?? null,
          byteRange: br ?? null,
          coversWholeFile: br?.length === 4 && br[0] === 0 && br[2]! + br[3]! === source.size,
          signer: s.type === 'Sig' ? signerName(s.contents) : null,
          signingTime: time?.toISOString() ?? null,
        };
      }),
      warnings,
    };
    if (values.json) {
      ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return EXIT.ok;
    }
    const vi = ctx.lang === 'vi';
    const lines = [
      `${input}: PDF ${report.file.version}, ${report.file.size} ${vi ? 'byte' : 'bytes'}${report.file.linearized ? (vi ? ', tuyến tính hóa' : ', linearized') : ''}${report.file.encrypted ? (vi ? ', đã mã hóa' : ', encrypted') : ''}`,
      `${vi ? 'Phiên bản (revision)' : 'Revisions'}: ${report.revisions.length}`,
      ...report.revisions.map(
        (r) => `  ${r.number}: ${vi ? 'kết thúc tại' : 'ends at'} ${r.end} (${r.xref})`,
      ),
      `${vi ? 'Trường' : 'Fields'}: ${report.fields.length}`,
      ...report.fields.map(
        (f) => `  ${f.name} (${f.type ?? '?'})${f.signed ? (vi ? ' đã ký' : ' signed') : ''}`,
      ),
      `${vi ? 'Chữ ký' : 'Signatures'}: ${report.signatures.length}`,
      ...report.signatures.map(
        (s, i) =>
          `  ${i + 1}. ${s.field} ${s.type === 'DocTimeStamp' ? (vi ? 'dấu thời gian tài liệu' : 'document time-stamp') : (s.signer ?? '?')} ${s.subFilter ?? ''} [${s.byteRange?.join(' ') ?? ''}]${s.coversWholeFile ? (vi ? ' phủ toàn bộ tệp' : ' covers the whole file') : ''}${s.signingTime ? ` ${s.signingTime}` : ''}`,
      ),
      ...report.warnings.map((w) => `${vi ? 'Cảnh báo' : 'Warning'}: ${w.code}: ${w.detail}`),
    ];
    ctx.stdout(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } finally {
    await source.close();
  }
}
