import { type Lang, parseLang } from '@kyso/core/errors';

/**
 * The language an element speaks: its own `lang` attribute, else the nearest ancestor's (shadow roots
 * crossed, so an element inside another component follows the page). Vietnamese when that tag says
 * Vietnamese (`vi`, `vi-VN`), English otherwise, as DESIGN.md asks of every element.
 */
export function elementLang(element: Element): Lang {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang'))
      return parseLang(node.getAttribute('lang')) === 'vi' ? 'vi' : 'en';
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'en';
}

/** Fills `{name}` placeholders of a UI string. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}
