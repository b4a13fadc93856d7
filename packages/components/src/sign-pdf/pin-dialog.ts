import type { CscPromptContext } from '@kyso/core';
import { KysoError } from '@kyso/core/errors';
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { fill } from '../i18n/lang.js';
import type { SignStrings } from './sign-pdf.strings.js';

/** What a dialog asks for: a PIN (once per signing) or a one-time password. */
export type SecretKind = 'pin' | 'otp';

interface Pending {
  kind: SecretKind;
  context: CscPromptContext;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The PIN / OTP prompt of `<sign-pdf>`: a modal `<dialog>` in the shadow root (the rest of the page is
 * inert while it is open, so focus stays in it), answering CscSigner's `pin` and `otp` prompts.
 * Escape or Cancel rejects with KysoError ABORTED; the value is handed over once and the field
 * cleared, never kept.
 */
export class PinDialog implements ReactiveController {
  #pending: Pending | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** True while a PIN or OTP is being asked. */
  get open(): boolean {
    return this.#pending !== undefined;
  }

  /** Asks for a secret; resolves with what the user typed, rejects ABORTED when they cancel. */
  ask(kind: SecretKind, context: CscPromptContext): Promise<string> {
    this.cancel();
    return new Promise<string>((resolve, reject) => {
      this.#pending = { kind, context, resolve, reject };
      this.host.requestUpdate();
      void this.#show();
    });
  }

  /** Closes the dialog, rejecting a pending question with ABORTED. */
  cancel(): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    pending.reject(new KysoError('ABORTED'));
    const dialog = this.#dialog;
    if (dialog?.open) dialog.close();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.secret');
  }

  async #show(): Promise<void> {
    const pending = this.#pending;
    await this.host.updateComplete;
    const dialog = this.#dialog;
    if (!dialog || this.#pending !== pending) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input')?.focus();
  }

  // arrow functions: lit calls listeners with the host element as `this`
  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const dialog = this.#dialog;
    const input = dialog?.querySelector<HTMLInputElement>('input');
    const pending = this.#pending;
    if (!dialog || !input || !pending || !input.value) return;
    const value = input.value;
    input.value = '';
    this.#pending = undefined;
    dialog.close();
    this.host.requestUpdate();
    pending.resolve(value);
  };

  /** Escape, the Cancel button or a close from elsewhere: a question still open is cancelled. */
  #closed = (): void => {
    const input = this.#dialog?.querySelector<HTMLInputElement>('input');
    if (input) input.value = '';
    this.cancel();
  };

  render(t: SignStrings['dialog']): TemplateResult {
    const pending = this.#pending;
    const otp = pending?.kind === 'otp';
    const context = pending?.context;
    // the service's description of the credential; its label ("PIN") would only repeat ours
    const note = context?.description;
    return html`<dialog class="secret" part="dialog" aria-labelledby="secret-title"
      aria-describedby=${context ? 'secret-credential' : nothing} @close=${this.#closed}>
      <form method="dialog" @submit=${this.#submit}>
        <h2 id="secret-title" part="dialog-title">${otp ? t.otpTitle : t.pinTitle}</h2>
        ${
          context
            ? html`<p id="secret-credential" class="credential">
                ${fill(t.credential, { credential: context.credentialId })}${note ? html`<br />${note}` : nothing}
              </p>`
            : nothing
        }
        <label for="secret-input">${otp ? t.otpLabel : t.pinLabel}</label>
        <input id="secret-input" part="pin-input" type="password" required spellcheck="false"
          autocomplete=${otp ? 'one-time-code' : 'off'} inputmode=${otp ? 'numeric' : nothing} />
        <div class="actions">
          <button type="button" part="dialog-button" @click=${() => this.#dialog?.close()}>${t.cancel}</button>
          <button type="submit" part="dialog-button dialog-confirm" class="primary">${t.confirm}</button>
        </div>
      </form>
    </dialog>`;
  }
}
