// Screenshots of every story from a built Storybook (storybook-static), in Debian's Chromium:
// `npm run build-storybook && npm run screenshots` → .screenshots/*.png (gitignored). For looking at
// what the elements show (Vietnamese diacritics, colours, layout), not a test.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve('storybook-static');
const out = resolve(process.argv[2] ?? '.screenshots');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const server = createServer(async (req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  const file = (await stat(path).catch(() => undefined))?.isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(root) || !(await stat(file).catch(() => undefined))) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  await mkdir(out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  for (const story of stories) {
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    // settled: no badge still checking (but the story meant to), every viewer drawn or failed, and
    // each <sign-pdf> in the state its story shows (its viewer and badge are in its shadow root)
    await page.waitForFunction(
      (name) => {
        const loading = name === 'Loading';
        const deep = (sel) => [...document.querySelectorAll(sel)];
        const signers = deep('sign-pdf');
        const inner = (sel) => signers.flatMap((s) => [...(s.shadowRoot?.querySelectorAll(sel) ?? [])]);
        const badges = [...deep('verify-badge'), ...inner('verify-badge')].map((b) =>
          b.shadowRoot?.querySelector('[part="base"]'),
        );
        const viewers = [...deep('kyso-pdf-viewer'), ...inner('kyso-pdf-viewer')].map((v) => v.shadowRoot);
        const failing = /error/i.test(name);
        const asking = !failing && /pin prompt/i.test(name);
        const wanted = failing
          ? ['error']
          : asking || /signing/i.test(name)
            ? ['signing']
            : /signed/i.test(name)
              ? ['signed']
              : loading
                ? ['loading']
                : ['ready', 'empty', 'error'];
        const placing =
          !failing && !wanted.includes('signed') && /placing|pin prompt|signing|english/i.test(name);
        return (
          badges.length + viewers.length + signers.length > 0 &&
          badges.every((b) => b && (loading || !b.classList.contains('loading'))) &&
          viewers.every((r) => loading || r?.querySelector('.page[data-rendered], [role="alert"]')) &&
          signers.every(
            (s) =>
              wanted.includes(s.getAttribute('state')) &&
              (!placing || s.shadowRoot?.querySelector('.box')) &&
              (!asking || s.shadowRoot?.querySelector('dialog[open]')),
          )
        );
      },
      story.name,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(300);
    const path = join(out, `${story.id}.png`);
    // an open <dialog> is in the top layer, outside #storybook-root's box: the whole viewport then
    if (/pin prompt/i.test(story.name)) await page.screenshot({ path });
    else await page.locator('#storybook-root').screenshot({ path });
    console.log(path);
  }
} finally {
  await browser.close();
  server.close();
}
