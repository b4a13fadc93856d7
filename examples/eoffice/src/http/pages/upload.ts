import type { Lang } from '../../domain/errors.js';
import type { UserRow } from '../../store/documents.js';
import { html } from '../html.js';
import { strings } from '../i18n.js';
import { SAMPLE_DRAFT_PATH } from '../routes/samples.js';
import { layout } from './layout.js';

/** The specialist's new draft: subject, symbol, PDF (posted as a form with a file). */
export function newDraftPage(lang: Lang, user: UserRow, error?: string): string {
  const t = strings(lang);
  return layout(
    lang,
    user,
    t.newDraft,
    html`<section>
  <h2>${t.newDraft}</h2>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <form method="post" action="/documents" enctype="multipart/form-data">
    <label for="title">${t.title}</label>
    <input type="text" id="title" name="title" required value="Kế hoạch triển khai văn phòng điện tử năm 2025">
    <label for="symbol">${t.symbol}</label>
    <input type="text" id="symbol" name="symbol" required value="KH-UBND">
    <label for="file">${t.file}</label>
    <input type="file" id="file" name="file" accept="application/pdf" required>
    <p><a href="${SAMPLE_DRAFT_PATH}" download data-testid="sample-draft">${t.sampleDraft}</a> — ${t.sampleDraftHint}</p>
    <p><button type="submit" data-testid="upload">${t.upload}</button></p>
  </form>
</section>`,
  );
}

/** The receiving clerk's upload of a document from another agency. */
export function incomingPage(lang: Lang, user: UserRow, error?: string): string {
  const t = strings(lang);
  return layout(
    lang,
    user,
    t.receive,
    html`<section>
  <h2>${t.receive}</h2>
  <p>${t.receiveHint}</p>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  <form method="post" action="/incoming" enctype="multipart/form-data">
    <label for="title">${t.title}</label>
    <input type="text" id="title" name="title" required>
    <label for="file">${t.file}</label>
    <input type="file" id="file" name="file" accept="application/pdf" required>
    <p><button type="submit" data-testid="upload">${t.upload}</button></p>
  </form>
</section>`,
  );
}
