import { css } from 'lit';
import { baseStyles } from '../internal/shared.styles.js';

export const viewerStyles = [
  baseStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      height: var(--kyso-viewer-height, 32rem);
      min-height: 10rem;
      border: 1px solid var(--kyso-color-border, #d0d7de);
      border-radius: var(--kyso-radius, 6px);
      overflow: hidden;
      background: var(--kyso-viewer-background, #e8eaed);
    }

    .toolbar {
      display: flex;
      align-items: center;
      gap: 0.25rem;
      padding: 0.25rem 0.5rem;
      background: var(--kyso-toolbar-background, #f6f8fa);
      border-bottom: 1px solid var(--kyso-color-border, #d0d7de);
      flex: none;
    }

    .toolbar button {
      display: inline-grid;
      place-items: center;
      width: 2rem;
      height: 2rem;
      padding: 0;
      border: 1px solid transparent;
      border-radius: var(--kyso-radius, 6px);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }

    .toolbar button:hover:not(:disabled) {
      background: var(--kyso-toolbar-hover, #eaeef2);
      border-color: var(--kyso-color-border, #d0d7de);
    }

    .toolbar button:disabled {
      opacity: 0.45;
      cursor: default;
    }

    .toolbar svg {
      width: 1rem;
      height: 1rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.6;
      stroke-linecap: round;
      stroke-linejoin: round;
    }

    .toolbar input {
      width: 3.5rem;
      height: 1.75rem;
      padding: 0 0.25rem;
      font: inherit;
      text-align: end;
      border: 1px solid var(--kyso-color-border, #8c959f);
      border-radius: 4px;
      background: var(--kyso-color-surface, #fff);
      color: inherit;
    }

    .total {
      white-space: nowrap;
      padding-inline-end: 0.25rem;
    }

    .separator {
      width: 1px;
      height: 1.25rem;
      margin-inline: 0.25rem;
      background: var(--kyso-color-border, #d0d7de);
    }

    output {
      min-width: 3.25rem;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }

    .scroller {
      position: relative;
      flex: 1;
      overflow: auto;
      padding: var(--kyso-page-gap, 12px);
      /* pdf.js lays text out left to right whatever the page's direction */
      direction: ltr;
    }

    .pages {
      display: flex;
      flex-direction: column;
      align-items: center;
      width: max-content;
      min-width: 100%;
    }

    .page {
      position: relative;
      flex: none;
      margin: 0 auto var(--kyso-page-gap, 12px);
      background: #fff;
      box-shadow: var(--kyso-page-shadow, 0 1px 3px rgb(0 0 0 / 0.25));
      overflow: hidden;
    }

    canvas {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }

    .field {
      position: absolute;
      z-index: 2;
      pointer-events: none;
      border: 2px solid var(--kyso-field-color, #0b57d0);
      border-radius: 2px;
      background: color-mix(in srgb, var(--kyso-field-color, #0b57d0) 8%, transparent);
    }

    .field.empty {
      border-style: dashed;
      border-color: var(--kyso-field-empty-color, #57606a);
      background: color-mix(in srgb, var(--kyso-field-empty-color, #57606a) 6%, transparent);
    }

    .field.valid {
      border-color: var(--kyso-color-valid, #116329);
      background: color-mix(in srgb, var(--kyso-color-valid, #116329) 10%, transparent);
    }

    .field.invalid {
      border-color: var(--kyso-color-invalid, #a40e26);
      background: color-mix(in srgb, var(--kyso-color-invalid, #a40e26) 10%, transparent);
    }

    .field.indeterminate {
      border-color: var(--kyso-color-indeterminate, #7d4e00);
      background: color-mix(in srgb, var(--kyso-color-indeterminate, #7d4e00) 10%, transparent);
    }

    .status {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: 1rem;
      text-align: center;
    }

    .status.error {
      color: var(--kyso-color-invalid, #a40e26);
    }
  `,
];
