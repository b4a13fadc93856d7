import { formatVietnamTime, type Lang, type SignatureReport, type VerificationReport } from '@kyso/core';
import { html, nothing, type TemplateResult } from 'lit';
import { fill } from '../i18n/lang.js';
import { shortName } from './distinguished-name.js';
import { BADGE_STRINGS, type BadgeStrings } from './verify-badge.strings.js';

/**
 * Times on the Vietnamese clock (+07:00) whatever the browser's zone, as the circular's readers
 * expect: `02.01.2025 16:29:02 +07:00` in Vietnamese, ISO 8601 in English.
 */
export function vietnamClock(iso: string | undefined, lang: Lang): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatVietnamTime(date, lang === 'vi' ? 'dotted' : 'iso');
}

function row(label: string, value: unknown, part = 'detail'): TemplateResult {
  return html`<div class="row" part=${part}><dt>${label}</dt><dd>${value}</dd></div>`;
}

function issues(label: string, list: { code: string; message: string }[], kind: 'error' | 'warning') {
  if (list.length === 0) return nothing;
  return row(
    label,
    html`<ul class="issues ${kind}">
      ${list.map((i) => html`<li data-code=${i.code}>${i.message}</li>`)}
    </ul>`,
    kind === 'error' ? 'detail errors' : 'detail warnings',
  );
}

function signingTime(s: SignatureReport, t: BadgeStrings, lang: Lang): TemplateResult {
  if (s.timestamp)
    return html`${vietnamClock(s.timestamp.time, lang)} <span class="note">(${t.basis.timestamp})</span>`;
  if (s.claimedSigningTime)
    return html`${vietnamClock(s.claimedSigningTime, lang)} <span class="note">(${t.basis.claimed})</span>`;
  return html`—`;
}

/** One signature with the fields Circular 15/2025 asks verification software to show. */
export function signatureDetails(s: SignatureReport, index: number, lang: Lang): TemplateResult {
  const t = BADGE_STRINGS[lang];
  const stamp = s.kind === 'document-timestamp';
  const heading = fill(stamp ? t.timestampHeading : t.signatureHeading, { index: index + 1, field: s.field });
  const ids = Object.entries(s.signer?.identifiers ?? {});
  const at = s.atSigningTime;
  const signer = s.signer;
  return html`
    <li class="signature ${s.status}" part="signature" data-status=${s.status} data-field=${s.field}>
      <div class="signature-head">
        <h3>${heading}</h3>
        <span class="chip ${s.status}" part="signature-status">${t.signatureStatus[s.status]}</span>
      </div>
      <dl>
        ${
          signer
            ? row(
                t.signer,
                html`<strong>${signer.commonName}</strong> ${
                  signer.title || signer.organization
                    ? html`<span class="note role">${[signer.title, signer.organization].filter(Boolean).join(', ')}</span>`
                    : nothing
                }`,
              )
            : nothing
        }
        ${
          ids.length
            ? row(
                t.identifiers,
                ids.map(([k, v]) => html`<span class="id">${k}: ${v}</span> `),
              )
            : nothing
        }
        ${signer ? row(t.issuer, shortName(signer.issuer)) : nothing}
        ${row(t.signingTime, signingTime(s, t, lang))}
        ${stamp && s.timestamp ? row(t.tsa, shortName(s.timestamp.tsa)) : nothing}
        ${row(t.integrity, s.integrity ? t.integrityOk : t.integrityBroken)}
        ${
          signer
            ? row(
                t.atSigningTime,
                `${at.certificateValid ? t.certificateValid : t.certificateNotValid}, ${t.revocation[at.revocation]}`,
              )
            : nothing
        }
        ${
          s.certificate.notBefore
            ? row(
                t.period,
                fill(t.periodRange, {
                  from: vietnamClock(s.certificate.notBefore, lang),
                  to: vietnamClock(s.certificate.notAfter, lang),
                }),
              )
            : nothing
        }
        ${row(t.modifications, t.modification[s.modificationsAfter])}
        ${row(t.anchor, s.certificate.trustAnchor ? shortName(s.certificate.trustAnchor.subject) : t.noAnchor)}
        ${row(t.level, [s.level ?? s.subFilter, stamp ? '' : ` · ${s.algorithms.digest}`].join(''))}
        ${issues(t.errors, s.errors, 'error')}
        ${issues(t.warnings, s.warnings, 'warning')}
      </dl>
    </li>
  `;
}

/** The whole report: each signature, then what concerns the document and how it was checked. */
export function reportDetails(report: VerificationReport, lang: Lang): TemplateResult {
  const t = BADGE_STRINGS[lang];
  return html`
    ${
      report.signatures.length
        ? html`<ol class="signatures">${report.signatures.map((s, i) => signatureDetails(s, i, lang))}</ol>`
        : nothing
    }
    ${
      report.warnings.length
        ? html`<div class="document-warnings" part="document-warnings">
            <h3>${t.documentWarnings}</h3>
            <ul class="issues warning">${report.warnings.map((w) => html`<li data-code=${w.code}>${w.message}</li>`)}</ul>
          </div>`
        : nothing
    }
    <p class="policy" part="policy">
      ${fill(t.checkedAt, { time: vietnamClock(report.validationTime, lang) })} ·
      ${t.revocationPolicy}: ${t.policy[report.policy.revocation]}${
        report.policy.trustProfile ? html` · ${t.trustProfile}: ${report.policy.trustProfile}` : nothing
      }
    </p>
  `;
}
