import type { Lang } from '../../domain/errors.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import type { UserRow } from '../../store/documents.js';
import { html } from '../html.js';
import { strings } from '../i18n.js';
import { layout } from './layout.js';

/** The demo's sign-in: pick one of the chain's officials (no passwords in a demo). */
export function signInPage(lang: Lang, users: readonly UserRow[]): string {
  const t = strings(lang);
  return layout(
    lang,
    undefined,
    t.signIn,
    html`<section>
  <h2>${t.signInAs}</h2>
  <form method="post" action="/signin" class="users">
    ${users.map(
      (u) => html`<button type="submit" name="user" value="${u.id}" data-testid="user-${u.id}">
        <strong>${u.name}</strong><br>${u.title}<br><small>${ROLE_LABELS[u.role][lang]}</small>
      </button>`,
    )}
  </form>
</section>`,
  );
}
