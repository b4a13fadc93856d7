import { css } from 'lit';

/**
 * Tokens every element reads. Each `--kyso-*` property can be set on the element or any ancestor;
 * the fallbacks here are the defaults.
 */
export const baseStyles = css`
  :host {
    font-family: var(--kyso-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif);
    font-size: var(--kyso-font-size, 0.875rem);
    line-height: 1.4;
    color: var(--kyso-color-text, #1f2328);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: var(--kyso-focus-ring, 2px solid #0b57d0);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
