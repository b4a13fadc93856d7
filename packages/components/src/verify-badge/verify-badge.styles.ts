import { css } from 'lit';
import { baseStyles } from '../internal/shared.styles.js';

export const badgeStyles = [
  baseStyles,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
      max-width: 100%;
    }

    .badge {
      --fg: var(--kyso-color-unsigned, #424a53);
      --bg: var(--kyso-background-unsigned, #f6f8fa);
    }
    .badge.valid {
      --fg: var(--kyso-color-valid, #116329);
      --bg: var(--kyso-background-valid, #dafbe1);
    }
    .badge.invalid,
    .badge.error {
      --fg: var(--kyso-color-invalid, #a40e26);
      --bg: var(--kyso-background-invalid, #ffebe9);
    }
    .badge.indeterminate {
      --fg: var(--kyso-color-indeterminate, #7d4e00);
      --bg: var(--kyso-background-indeterminate, #fff8c5);
    }

    .summary {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding: 0.3em 0.7em 0.3em 0.5em;
      font: inherit;
      font-weight: 600;
      color: var(--fg);
      background: var(--bg);
      border: 1px solid var(--fg);
      border-radius: 999px;
      cursor: pointer;
      max-width: 100%;
    }

    .summary:disabled {
      cursor: default;
    }

    .icon {
      flex: none;
      width: 1.15em;
      height: 1.15em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.6;
      stroke-linecap: round;
      stroke-linejoin: round;
    }

    .icon circle {
      fill: var(--bg);
    }

    .loading .icon circle {
      stroke-opacity: 0.25;
    }

    .spin {
      transform-origin: 8px 8px;
      animation: spin 0.9s linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .spin {
        animation: none;
      }
    }

    .count {
      font-weight: 400;
    }

    .count::before {
      content: '·';
      margin-inline-end: 0.4em;
    }

    .chevron {
      width: 0.9em;
      height: 0.9em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      transition: transform 0.15s;
    }

    [aria-expanded='true'] .chevron {
      transform: rotate(180deg);
    }

    .panel {
      margin-top: 0.5rem;
      padding: 0.75rem 1rem;
      min-width: min(28rem, 100%);
      max-width: 48rem;
      background: var(--kyso-color-surface, #fff);
      border: 1px solid var(--kyso-color-border, #d0d7de);
      border-radius: var(--kyso-radius, 6px);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
    }

    .panel[hidden] {
      display: none;
    }

    .signatures {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }

    .signature {
      padding-bottom: 0.75rem;
      border-bottom: 1px solid var(--kyso-color-border, #d0d7de);
    }

    .signature:last-child {
      border-bottom: 0;
      padding-bottom: 0;
    }

    .signature-head {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.35rem;
    }

    h3 {
      margin: 0;
      font-size: 1em;
      font-weight: 600;
    }

    .chip {
      flex: none;
      padding: 0.05em 0.55em;
      border-radius: 999px;
      font-size: 0.85em;
      font-weight: 600;
      color: var(--kyso-color-unsigned, #424a53);
      background: var(--kyso-background-unsigned, #f6f8fa);
      border: 1px solid currentColor;
    }
    .chip.valid {
      color: var(--kyso-color-valid, #116329);
      background: var(--kyso-background-valid, #dafbe1);
    }
    .chip.invalid {
      color: var(--kyso-color-invalid, #a40e26);
      background: var(--kyso-background-invalid, #ffebe9);
    }
    .chip.indeterminate {
      color: var(--kyso-color-indeterminate, #7d4e00);
      background: var(--kyso-background-indeterminate, #fff8c5);
    }

    dl {
      display: grid;
      grid-template-columns: minmax(9rem, max-content) 1fr;
      gap: 0.2rem 0.75rem;
      margin: 0;
    }

    .row {
      display: contents;
    }

    dt {
      color: var(--kyso-color-muted, #57606a);
    }

    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .note {
      color: var(--kyso-color-muted, #57606a);
    }

    .role {
      display: block;
    }

    .id {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }

    .issues {
      margin: 0;
      padding-inline-start: 1.1em;
    }

    .issues.error {
      color: var(--kyso-color-invalid, #a40e26);
    }

    .issues.warning {
      color: var(--kyso-color-indeterminate, #7d4e00);
    }

    .document-warnings {
      margin-top: 0.75rem;
    }

    .policy,
    .message {
      margin: 0.75rem 0 0;
      color: var(--kyso-color-muted, #57606a);
      font-size: 0.9em;
    }

    .message {
      color: var(--kyso-color-invalid, #a40e26);
      margin-top: 0;
    }

    @media (max-width: 30rem) {
      dl {
        grid-template-columns: 1fr;
      }
      dd {
        margin-bottom: 0.3rem;
      }
    }
  `,
];
