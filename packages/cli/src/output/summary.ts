import { type CmsSignatureReport, formatVietnamTime, type Lang } from '@kyso/core';

const T = {
  vi: {
    signature: 'Chữ ký',
    status: { valid: 'HỢP LỆ', invalid: 'KHÔNG HỢP LỆ', indeterminate: 'CHƯA XÁC ĐỊNH' },
    signer: 'Người ký',
    issuer: 'Tổ chức cấp chứng thư',
    time: 'Thời gian ký',
    byTimestamp: 'theo dấu thời gian',
    claimed: 'do người ký khai',
    integrity: 'Toàn vẹn',
    yes: 'có',
    no: 'không',
    atSigning: 'Hiệu lực khi ký',
    certValid: 'chứng thư còn hiệu lực',
    certInvalid: 'chứng thư không còn hiệu lực',
    revocation: { good: 'chưa bị thu hồi', revoked: 'đã bị thu hồi', unknown: 'không rõ trạng thái thu hồi' },
    period: 'Thời hạn chứng thư',
    to: 'đến',
    checkedBy: 'kiểm tra qua',
    embedded: 'dữ liệu kèm theo',
    online: 'trực tuyến',
    anchor: 'Gốc tin cậy',
    noAnchor: 'không đến được chứng thư gốc tin cậy nào',
    notChecked: 'không kiểm tra trạng thái thu hồi',
    errors: 'Lỗi',
    warnings: 'Cảnh báo',
    none: 'Không có chữ ký.',
  },
  en: {
    signature: 'Signature',
    status: { valid: 'VALID', invalid: 'INVALID', indeterminate: 'INDETERMINATE' },
    signer: 'Signer',
    issuer: 'Issuing CA',
    time: 'Signing time',
    byTimestamp: 'by time-stamp',
    claimed: 'claimed by the signer',
    integrity: 'Integrity',
    yes: 'yes',
    no: 'no',
    atSigning: 'At signing time',
    certValid: 'certificate valid',
    certInvalid: 'certificate not valid',
    revocation: { good: 'not revoked', revoked: 'revoked', unknown: 'revocation unknown' },
    period: 'Certificate validity',
    to: 'to',
    checkedBy: 'checked by',
    embedded: 'embedded data',
    online: 'online',
    anchor: 'Trust anchor',
    noAnchor: 'no trust anchor reached',
    notChecked: 'revocation not checked',
    errors: 'Errors',
    warnings: 'Warnings',
    none: 'No signature.',
  },
};

/** Times on the Vietnamese clock (+07:00) whatever the host's zone; the JSON report keeps UTC. */
function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatVietnamTime(date);
}

/**
 * A signature as the Vietnamese circular asks verification software to show it: valid or not, the
 * issuing CA, the signer with MST/CCCD, the signing time or time-stamp, integrity, validity at
 * signing time, the certificate period and where revocation was checked.
 */
export function formatSignature(
  s: CmsSignatureReport & { field?: string },
  index: number,
  lang: Lang,
): string {
  const t = T[lang];
  const lines = [
    `${t.signature} ${index + 1}${s.field ? ` (${s.field})` : ''}: ${t.status[s.status]} (${s.indication}${s.subIndication ? ` / ${s.subIndication}` : ''})`,
  ];
  if (s.signer) {
    const ids = Object.entries(s.signer.identifiers ?? {}).map(([k, v]) => `${k} ${v}`);
    lines.push(`  ${t.signer}: ${s.signer.commonName}${ids.length ? ` (${ids.join(', ')})` : ''}`);
    lines.push(`  ${t.issuer}: ${s.signer.issuer}`);
  }
  const when = s.timestamp
    ? `${clock(s.timestamp.time)} (${t.byTimestamp})`
    : s.claimedSigningTime
      ? `${clock(s.claimedSigningTime)} (${t.claimed})`
      : '—';
  lines.push(`  ${t.time}: ${when}`);
  lines.push(`  ${t.integrity}: ${s.integrity ? t.yes : t.no}`);
  const at = s.atSigningTime;
  lines.push(
    `  ${t.atSigning}: ${at.certificateValid ? t.certValid : t.certInvalid}, ${t.revocation[at.revocation]}`,
  );
  if (s.certificate.notBefore)
    lines.push(`  ${t.period}: ${clock(s.certificate.notBefore)} ${t.to} ${clock(s.certificate.notAfter)}`);
  if (s.signer)
    lines.push(
      `  ${t.anchor}: ${s.certificate.trustAnchor ? s.certificate.trustAnchor.subject : t.noAnchor}`,
    );
  const rev = s.certificate.revocation;
  if (rev.source)
    lines.push(
      `  ${t.revocation[rev.status]}, ${t.checkedBy} ${rev.source.toUpperCase()} (${rev.embedded ? t.embedded : t.online})`,
    );
  else if (s.signer) lines.push(`  ${t.notChecked}`);
  for (const e of s.errors) lines.push(`  ${t.errors}: ${e.message}`);
  for (const w of s.warnings) lines.push(`  ${t.warnings}: ${w.message}`);
  return lines.join('\n');
}

export function noSignature(lang: Lang): string {
  return T[lang].none;
}
