/** The part of CustomElementRegistry that `defineElement` needs (so tests can pass their own). */
export interface ElementRegistry {
  get(name: string): CustomElementConstructor | undefined;
  define(name: string, element: CustomElementConstructor): void;
}

/**
 * Registers an element unless the name is taken. Pages that load kyso twice (two bundles, a
 * micro-frontend) must not crash on the second `define()`: the first registration wins.
 * Returns the constructor actually registered under the name.
 */
export function defineElement(
  name: string,
  element: CustomElementConstructor,
  registry: ElementRegistry | undefined = globalThis.customElements,
): CustomElementConstructor {
  if (!registry) throw new TypeError('Custom elements are not available in this environment');
  const existing = registry.get(name);
  if (existing) return existing;
  registry.define(name, element);
  return element;
}
