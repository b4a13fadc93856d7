import type { Principal } from './principal.js';

export interface OtpCheck {
  principal: Principal;
  credentialId: string;
  otp: string;
  signal: AbortSignal;
}

/**
 * One-time passwords are the host's business (TOTP app, SMS…): credentials/authorize asks for one on
 * the credentials `appliesTo` selects (all by default) and hands it to `verify`, which must also make
 * it single-use.
 */
export interface OtpPolicy {
  appliesTo?: (credentialId: string) => boolean;
  verify(check: OtpCheck): boolean | Promise<boolean>;
  /** Shown by clients next to the field. */
  label?: string;
}
