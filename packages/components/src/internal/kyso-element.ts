import type { Lang } from '@kyso/core/errors';
import { LitElement } from 'lit';
import { elementLang } from '../i18n/lang.js';

/**
 * What kyso's elements share: the language they speak. `lang` is HTMLElement's own attribute, so it
 * is observed here rather than redeclared as a Lit property; changing it re-renders the element.
 */
export abstract class KysoElement extends LitElement {
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: super keeps `this` the element's own class, whose properties Lit reads; LitElement.observedAttributes would list none
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** `vi` when this element's `lang` (or the nearest ancestor's) is Vietnamese, `en` otherwise. */
  get language(): Lang {
    return elementLang(this);
  }
}
