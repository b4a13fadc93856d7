import { KysoError } from '../errors/kyso-error.js';
import { throwIfAborted } from './abort.js';
import type { CscClient } from './client.js';
import { promptFor } from './credential-info.js';
import type { CscAuthorizeRequest, CscCredentialInfo, CscPresence } from './types.js';

/** What a PIN or OTP prompt is told, so an interactive UI can say which credential asks. */
export interface CscPromptContext {
  credentialId: string;
  label?: string;
  description?: string;
}

/** Asks the user (or a secret store) for a PIN or an OTP. Called only when authorize needs one. */
export type CscPrompt = (context: CscPromptContext) => Promise<string>;

export interface CscPrompts {
  pin?: CscPrompt | undefined;
  otp?: CscPrompt | undefined;
}

/** One signMany may authorize several times (beyond `multisign`): its PIN is asked once, kept only for it. */
export interface FactorState {
  pin?: string | undefined;
}

type Factors = Pick<CscAuthorizeRequest, 'pin' | 'otp' | 'authData'>;

/** A required factor without its callback is a configuration error, found before anything is asked or sent. */
function requirePrompt(
  kind: 'pin' | 'otp',
  presence: CscPresence,
  prompts: CscPrompts,
  credentialId: string,
) {
  if (presence === 'required' && !prompts[kind])
    throw new KysoError('INVALID_INPUT', {
      params: {
        detail: `credential ${credentialId} needs ${kind === 'pin' ? 'a PIN' : 'an OTP'}: pass a ${kind} callback`,
      },
    });
}

async function ask(
  kind: 'pin' | 'otp',
  prompts: CscPrompts,
  context: CscPromptContext,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  const prompt = prompts[kind];
  if (!prompt) return undefined;
  const value = await prompt(context);
  throwIfAborted(signal);
  return value;
}

/**
 * The PIN/OTP part of a credentials/authorize request, as the credential's info asks for it:
 * `PIN`/`OTP` fields (v1, v2.0.0.0) or `authData` objects (v2.0.0.2); nothing for implicit mode.
 * An online OTP (v1 `OTP.type: online`) is requested with credentials/sendOTP before its prompt.
 */
export async function gatherFactors(
  info: CscCredentialInfo,
  prompts: CscPrompts,
  client: CscClient,
  state: FactorState,
  signal: AbortSignal | undefined,
): Promise<Factors> {
  if (info.authMode !== 'explicit') return {};
  requirePrompt('pin', info.pin, prompts, info.credentialId);
  requirePrompt('otp', info.otp, prompts, info.credentialId);
  const base = { credentialId: info.credentialId };
  if (info.authObjects) {
    const authData: { id: string; value?: string }[] = [];
    for (const object of info.authObjects) {
      const kind = promptFor(object);
      const context = {
        ...base,
        ...(object.label ? { label: object.label } : {}),
        ...(object.description ? { description: object.description } : {}),
      };
      if (kind === 'none') authData.push({ id: object.id });
      else if (kind === 'pin') {
        state.pin ??= await ask('pin', prompts, context, signal);
        authData.push({ id: object.id, ...(state.pin !== undefined ? { value: state.pin } : {}) });
      } else {
        const value = await ask('otp', prompts, context, signal);
        authData.push({ id: object.id, ...(value !== undefined ? { value } : {}) });
      }
    }
    return { authData };
  }
  const out: Factors = {};
  if (info.pin !== 'none') {
    state.pin ??= await ask(
      'pin',
      prompts,
      { ...base, ...(info.pinLabel ? { label: info.pinLabel } : {}) },
      signal,
    );
    if (state.pin !== undefined) out.pin = state.pin;
  }
  if (info.otp !== 'none' && prompts.otp) {
    if (info.otpType === 'online') await client.sendOtp(info.credentialId, signal ? { signal } : {});
    const otp = await ask(
      'otp',
      prompts,
      { ...base, ...(info.otpLabel ? { label: info.otpLabel } : {}) },
      signal,
    );
    if (otp !== undefined) out.otp = otp;
  }
  return out;
}
