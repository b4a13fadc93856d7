import type { Lang } from '../../domain/errors.js';
import { formatDocumentNumber } from '../../domain/numbering.js';
import { OWNER } from '../../domain/workflow.js';
import type { DocumentRow, UserRow } from '../../store/documents.js';
import { html } from '../html.js';
import { stateLabel, strings } from '../i18n.js';
import { layout } from './layout.js';

function table(lang: Lang, rows: readonly DocumentRow[], testid: string) {
  const t = strings(lang);
  if (rows.length === 0) return html`<p data-testid="${testid}">${t.none}</p>`;
  return html`<table data-testid="${testid}">
  <thead><tr><th>${t.number}</th><th>${t.title}</th><th>${t.state}</th><th>${t.signatures}</th></tr></thead>
  <tbody>${rows.map(
    (d) => html`<tr>
      <td>${d.number ? formatDocumentNumber(d.number, d.symbol) : '—'}</td>
      <td><a href="/documents/${d.id}">${d.title}</a></td>
      <td><span class="state">${d.direction === 'incoming' ? t.incoming : stateLabel(d.state, lang)}</span></td>
      <td>${
        d.current_version
          ? html`<verify-badge lang="${lang}" src="/files/versions/${d.current_version}" trust-src="/trust.pem" revocation="online" revocation-url="/kyso/revocation"></verify-badge>`
          : ''
      }</td>
    </tr>`,
  )}</tbody>
</table>`;
}

export function documentListPage(lang: Lang, user: UserRow, all: readonly DocumentRow[]): string {
  const t = strings(lang);
  const outgoing = all.filter((d) => d.direction === 'outgoing');
  const mine = outgoing.filter((d) => OWNER[d.state] === user.role);
  return layout(
    lang,
    user,
    t.documents,
    html`<section>
  <h2>${t.waiting}</h2>
  ${table(lang, mine, 'waiting')}
  ${user.role === 'chuyen-vien' ? html`<p><a class="button" href="/documents/new" data-testid="new-draft">${t.newDraft}</a></p>` : ''}
</section>
<section>
  <h2>${t.outgoing}</h2>
  ${table(lang, outgoing, 'outgoing')}
</section>
<section>
  <h2>${t.incoming}</h2>
  ${table(
    lang,
    all.filter((d) => d.direction === 'incoming'),
    'incoming',
  )}
  ${user.role === 'van-thu' ? html`<p><a class="button" href="/incoming" data-testid="receive">${t.receive}</a></p>` : ''}
</section>`,
    ['/assets/badges.js'],
  );
}
