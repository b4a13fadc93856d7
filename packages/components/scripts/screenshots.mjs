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
    // settled: no badge still checking (but the story meant to), every viewer drawn or failed
    await page.waitForFunction(
      (loading) => {
        const deep = (sel) => [...document.querySelectorAll(sel)];
        const badges = deep('verify-badge').map((b) => b.shadowRoot?.querySelector('[part="base"]'));
        const viewers = deep('kyso-pdf-viewer').map((v) => v.shadowRoot);
        return (
          badges.length + viewers.length > 0 &&
          badges.every((b) => b && (loading || !b.classList.contains('loading'))) &&
          viewers.every((r) => r?.querySelector('.page[data-rendered], [role="alert"]'))
        );
      },
      story.name === 'Loading',
      { timeout: 60_000 },
    );
    await page.waitForTimeout(300);
    const path = join(out, `${story.id}.png`);
    await page.locator('#storybook-root').screenshot({ path });
    console.log(path);
  }
} finally {
  await browser.close();
  server.close();
}
