import type { Lang } from '../../domain/errors.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import type { UserRow } from '../../store/documents.js';
import { html, SafeHtml } from '../html.js';
import { strings } from '../i18n.js';

const STYLE = `
:root { --ink:#1d2733; --muted:#5b6775; --line:#d9dee5; --accent:#a3161b; --bg:#f6f7f9; font-family: "Liberation Serif", "Times New Roman", serif; }
body { margin:0; background:var(--bg); color:var(--ink); }
header { background:#fff; border-bottom:3px solid var(--accent); padding:.6rem 1.5rem; display:flex; gap:1.5rem; align-items:center; }
header h1 { font-size:1.15rem; margin:0; flex:1; }
header a, header button { color:var(--ink); font:inherit; }
main { max-width:72rem; margin:1.5rem auto; padding:0 1.5rem; }
section { background:#fff; border:1px solid var(--line); border-radius:6px; padding:1rem 1.25rem; margin-bottom:1.25rem; }
h2 { font-size:1.1rem; margin:.2rem 0 .8rem; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:.4rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:normal; }
.state { display:inline-block; padding:.1rem .5rem; border-radius:1rem; background:#eef1f5; }
.error { color:var(--accent); }
button, .button { background:var(--accent); color:#fff; border:0; border-radius:4px; padding:.45rem .9rem; font:inherit; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary { background:#fff; color:var(--ink); border:1px solid var(--line); }
label { display:block; margin:.5rem 0 .2rem; }
input[type=text], textarea { width:100%; max-width:36rem; padding:.35rem; font:inherit; box-sizing:border-box; }
.users { display:grid; grid-template-columns:repeat(auto-fill, minmax(15rem, 1fr)); gap:.75rem; }
.users button { width:100%; text-align:left; background:#fff; color:var(--ink); border:1px solid var(--line); padding:.75rem; }
.grid { display:grid; grid-template-columns: 2fr 1fr; gap:1.25rem; }
kyso-pdf-viewer, sign-pdf { display:block; height:70vh; border:1px solid var(--line); }
`;

export function layout(
  lang: Lang,
  user: UserRow | undefined,
  title: string,
  body: SafeHtml,
  scripts: string[] = [],
): string {
  const t = strings(lang);
  const other = lang === 'vi' ? 'en' : 'vi';
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${t.app}</title>
<style>${new SafeHtml(STYLE)}</style>
${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body>
<header>
  <h1><a href="/documents">${t.app}</a></h1>
  ${user ? html`<span data-testid="current-user">${user.name} — ${ROLE_LABELS[user.role][lang]}</span>` : ''}
  <form method="post" action="/lang/${other}"><button class="secondary" type="submit">${t.language}</button></form>
  ${user ? html`<form method="post" action="/signout"><button class="secondary" type="submit">${t.signOut}</button></form>` : ''}
</header>
<main>${body}</main>
</body>
</html>`.value;
}
