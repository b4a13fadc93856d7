import { formatVietnamTime } from '@kyso/core';
import type { Lang } from '../../domain/errors.js';
import { formatDocumentNumber } from '../../domain/numbering.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import { availableActions } from '../../domain/workflow.js';
import type { CommentRow, DocumentRow, StepRow, UserRow, VersionRow } from '../../store/documents.js';
import { html } from '../html.js';
import { actionLabel, stateLabel, strings } from '../i18n.js';
import { layout } from './layout.js';

export interface DocumentView {
  doc: DocumentRow;
  versions: readonly VersionRow[];
  steps: readonly StepRow[];
  comments: readonly CommentRow[];
  users: readonly UserRow[];
  /** The signing service's credential ids this user may sign with (personal, and the seal for the clerk). */
  credentials: { personal: string; organization?: string };
  /** The draft's empty field this reviewer initials (domain/initials.ts), when it has one. */
  initialsField?: string;
}

// the clock agencies' tools print, +07:00 whatever the server's zone
const when = (iso: string) => formatVietnamTime(new Date(iso), 'dotted');

export function documentPage(lang: Lang, user: UserRow, view: DocumentView, error?: string): string {
  const t = strings(lang);
  const { doc } = view;
  const name = (id: string) => view.users.find((u) => u.id === id)?.name ?? id;
  const actions = doc.direction === 'outgoing' ? availableActions(doc.state, user.role) : [];
  const current = doc.current_version;
  const number = doc.number ? formatDocumentNumber(doc.number, doc.symbol) : undefined;

  const actionPanel = html`<section data-testid="actions">
  <h2>${t.actions}</h2>
  ${error ? html`<p class="error" role="alert" data-testid="error">${error}</p>` : ''}
  ${actions.length === 0 ? html`<p>${t.noAction}</p>` : ''}
  ${
    actions.includes('submit')
      ? html`<form method="post" action="/documents/${doc.id}/draft" enctype="multipart/form-data">
      <label for="file">${t.replaceDraft}</label>
      <input type="file" id="file" name="file" accept="application/pdf" required>
      <button type="submit" class="secondary">${t.upload}</button>
    </form>
    <form method="post" action="/documents/${doc.id}/submit"><p><button type="submit" data-testid="submit">${t.submit}</button></p></form>`
      : ''
  }
  ${
    actions.includes('approve')
      ? html`<p><button type="button" data-testid="approve" data-action="approve">${t.approve}</button></p>`
      : ''
  }
  ${
    actions.includes('issue') && current
      ? html`<p><button type="button" data-testid="issue" data-action="issue" data-document="${doc.id}"
        data-src="/files/versions/${current}" data-credential="${view.credentials.organization ?? ''}">${t.issue}</button></p>`
      : ''
  }
  <p data-testid="client-status" role="status" aria-live="polite"></p>
  ${
    actions.includes('reject')
      ? html`<form method="post" action="/documents/${doc.id}/reject">
      <label for="comment">${t.comment}</label>
      <textarea id="comment" name="comment" rows="3" required></textarea>
      <p><button type="submit" class="secondary" data-testid="reject">${t.reject}</button></p>
    </form>`
      : ''
  }
</section>`;

  return layout(
    lang,
    user,
    doc.title,
    html`<section>
  <h2 data-testid="title">${doc.title}</h2>
  <p>${number ? html`${t.number}: <strong data-testid="number">${number}</strong> · ` : ''}${t.state}:
    <span class="state" data-testid="state" data-state="${doc.state}">${doc.direction === 'incoming' ? t.incoming : stateLabel(doc.state, lang)}</span></p>
</section>
<div class="grid">
  <div>
    ${
      current
        ? actions.includes('approve')
          ? // the official's turn: sign here, with the personal key, through the app's signing service
            html`<sign-pdf id="signer" lang="${lang}" src="/files/versions/${current}"
            worker-src="/assets/pdf.worker.min.mjs" csc-url="/kyso" credential="${view.credentials.personal}"
            tsa-url="/kyso/tsa" level="B-T" revocation-url="/kyso/revocation" trust-src="/trust.pem"
            ${view.initialsField ? html`field="${view.initialsField}" data-initials` : ''}
            data-document="${doc.id}"></sign-pdf>`
          : html`<kyso-pdf-viewer src="/files/versions/${current}" worker-src="/assets/pdf.worker.min.mjs"></kyso-pdf-viewer>`
        : ''
    }
  </div>
  <div>
    ${current ? html`<section><verify-badge lang="${lang}" src="/files/versions/${current}" trust-src="/trust.pem" revocation="online" revocation-url="/kyso/revocation" open data-testid="badge"></verify-badge></section>` : ''}
    ${actionPanel}
    <section>
      <h2>${t.versions}</h2>
      <table data-testid="versions"><tbody>${view.versions.map(
        (v) => html`<tr>
          <td>${v.seq}</td>
          <td>${name(v.actor)}<br><small>${when(v.created_at)}</small></td>
          <td><a href="/files/versions/${v.id}" download data-testid="download-${v.seq}">${t.download}</a><br>
              <a href="/documents/${doc.id}/versions/${v.id}/report">${t.report}</a></td>
        </tr>`,
      )}</tbody></table>
    </section>
    <section>
      <h2>${t.history}</h2>
      <ol data-testid="history">${view.steps.map((s) => {
        const comment = view.comments.find((c) => c.step_id === s.id);
        const who = view.users.find((u) => u.id === s.actor);
        return html`<li>${when(s.at)} — ${name(s.actor)}${who ? html` (${ROLE_LABELS[who.role][lang]})` : ''}: ${actionLabel(s.action, lang)}
          ${comment ? html`<br><q data-testid="comment">${comment.body}</q>` : ''}</li>`;
      })}</ol>
    </section>
  </div>
</div>`,
    ['/assets/document.js'],
  );
}
