// Helpers for the Chromium tests (@web/test-runner). Fixtures are served by scripts/wtr-fixtures.mjs.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  var axe: typeof import('axe-core');
}

/** pdf.js's worker as the test server serves it (the monorepo root is the server root). */
export const WORKER_SRC = '/node_modules/pdfjs-dist/build/pdf.worker.min.mjs';

export async function fixture(name: string): Promise<Uint8Array> {
  const response = await fetch(`/fixtures/${name}`);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function fixtureText(name: string): Promise<string> {
  return new TextDecoder().decode(await fixture(name));
}

/** Mounts an element in a fresh container (removed by `cleanUp`). */
export function mount<T extends HTMLElement>(element: T, lang?: string): T {
  const host = document.createElement('div');
  host.className = 'test-host';
  if (lang) host.lang = lang;
  host.append(element);
  document.body.append(host);
  return element;
}

export function cleanUp(): void {
  for (const host of document.querySelectorAll('.test-host')) host.remove();
}

/** Resolves with the next event of `type` on `target`, or rejects after `ms`. */
export function nextEvent<E extends Event>(target: EventTarget, type: string, ms = 60_000): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms`)), ms);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as E);
      },
      { once: true },
    );
  });
}

/** Polls until `check` returns a truthy value. */
export async function until<T>(
  check: () => T | undefined | null | false,
  what: string,
  ms = 30_000,
): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * axe-core on one element, shadow DOM included, WCAG 2.x A/AA and best practices. `region` is a
 * page-level rule (content in landmarks): it is the host page's concern, not a component's.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const options: RunOptions = {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { region: { enabled: false } },
  };
  const results: AxeResults = await axe.run(element, options);
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}
