import { css } from 'lit';
import { baseStyles } from '../internal/shared.styles.js';

export const signStyles = [
  baseStyles,
  css`
    :host {
      display: block;
    }

    .frame {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem;
      border: 1px solid var(--kyso-color-border, #d0d7de);
      border-radius: var(--kyso-radius, 6px);
      background: var(--kyso-color-surface, #fff);
    }

    .spacer {
      flex: 1;
    }

    button {
      font: inherit;
      min-height: 2rem;
      padding: 0.25rem 0.875rem;
      border-radius: var(--kyso-radius, 6px);
      cursor: pointer;
    }

    button:disabled {
      cursor: default;
      opacity: 0.5;
    }

    button.primary {
      border: 1px solid var(--kyso-color-primary, #0b57d0);
      background: var(--kyso-color-primary, #0b57d0);
      color: var(--kyso-color-on-primary, #fff);
      font-weight: 600;
    }

    button.secondary {
      border: 1px solid var(--kyso-color-border, #8c959f);
      background: var(--kyso-color-surface, #fff);
      color: inherit;
    }

    button.secondary:hover:not(:disabled) {
      background: var(--kyso-toolbar-hover, #eaeef2);
    }

    .fields {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
    }

    select {
      font: inherit;
      min-height: 2rem;
      border: 1px solid var(--kyso-color-border, #8c959f);
      border-radius: var(--kyso-radius, 6px);
      background: var(--kyso-color-surface, #fff);
      color: inherit;
    }

    .hint,
    .stage {
      color: var(--kyso-color-muted, #57606a);
      font-size: 0.8125rem;
    }

    .hint {
      flex-basis: 100%;
      order: 10;
    }

    progress {
      width: 8rem;
      accent-color: var(--kyso-color-primary, #0b57d0);
    }

    .signed {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }

    .error {
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--kyso-color-invalid, #a40e26);
      border-radius: var(--kyso-radius, 6px);
      background: var(--kyso-background-invalid, #ffebe9);
      color: var(--kyso-color-invalid, #a40e26);
    }

    .code {
      opacity: 0.8;
      font-size: 0.8125rem;
    }

    .empty {
      margin: 0;
      padding: 2rem 1rem;
      text-align: center;
      border: 1px dashed var(--kyso-color-border, #d0d7de);
      border-radius: var(--kyso-radius, 6px);
    }

    /* The overlays below are slotted into the viewer's pages: positioned in percentages of the page. */
    .surface {
      position: absolute;
      inset: 0;
      z-index: 3;
      cursor: crosshair;
      /* a finger still scrolls and zooms; a tap places, a mouse or pen drags */
      touch-action: pan-x pan-y pinch-zoom;
    }

    .box {
      position: absolute;
      z-index: 4;
      border: 2px dashed var(--kyso-sign-box-color, #0b57d0);
      border-radius: 2px;
      background: var(--kyso-sign-box-background, color-mix(in srgb, var(--kyso-sign-box-color, #0b57d0) 10%, transparent));
      container-type: size;
      overflow: hidden;
    }

    .box.placed {
      cursor: move;
      touch-action: none;
    }

    .box.placed:focus-visible {
      outline: var(--kyso-focus-ring, 2px solid #0b57d0);
      outline-offset: 2px;
      border-style: solid;
    }

    .box.fixed {
      pointer-events: none;
    }

    .preview {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      height: 100%;
      padding: 2px 4px;
      font-family: var(--kyso-sign-preview-font, 'Liberation Serif', 'Times New Roman', serif);
      font-size: clamp(6px, 22cqh, 18px);
      line-height: 1.15;
      color: var(--kyso-sign-preview-color, #1f2328);
      text-align: center;
      overflow: hidden;
      user-select: none;
    }

    .handle {
      position: absolute;
      right: 0;
      bottom: 0;
      width: 12px;
      height: 12px;
      background: var(--kyso-sign-box-color, #0b57d0);
      cursor: nwse-resize;
      touch-action: none;
    }

    dialog {
      max-width: min(26rem, calc(100vw - 2rem));
      padding: 1.25rem;
      border: 1px solid var(--kyso-color-border, #d0d7de);
      border-radius: var(--kyso-radius, 6px);
      background: var(--kyso-color-surface, #fff);
      color: var(--kyso-color-text, #1f2328);
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    }

    dialog::backdrop {
      background: rgb(0 0 0 / 0.35);
    }

    dialog form {
      display: flex;
      flex-direction: column;
      gap: 0.625rem;
    }

    dialog h2 {
      margin: 0;
      font-size: 1.125rem;
    }

    .credential {
      margin: 0;
      color: var(--kyso-color-muted, #57606a);
      overflow-wrap: anywhere;
    }

    dialog input {
      font: inherit;
      min-height: 2.25rem;
      padding: 0 0.5rem;
      border: 1px solid var(--kyso-color-border, #8c959f);
      border-radius: var(--kyso-radius, 6px);
      letter-spacing: 0.2em;
    }

    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
      margin-top: 0.25rem;
    }

    dialog button:not(.primary) {
      border: 1px solid var(--kyso-color-border, #8c959f);
      background: var(--kyso-color-surface, #fff);
      color: inherit;
    }
  `,
];
