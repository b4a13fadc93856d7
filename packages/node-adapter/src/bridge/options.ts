import type { RateLimit } from '../limits/rate-limit.js';
import type { SigningServiceOptions } from '../service/options.js';

/** A pairing code to show the official, and the page that asked for it. */
export interface PairingCode {
  /** The page's origin, e.g. `https://eoffice.example.gov.vn`. */
  origin: string;
  /** e.g. `K7QM-3XPA`: eight characters without 0/O or 1/I; typed with or without the dash. */
  code: string;
  expiresAt: Date;
}

export interface PairingOptions {
  /** How long a code may be typed, 120 s by default. */
  codeTtlSeconds?: number;
  /** Wrong codes that invalidate the code shown, 3 by default. */
  maxAttempts?: number;
  /** How long a pairing lasts before the page must pair again, 8 hours by default. */
  tokenTtlSeconds?: number;
  /** Pairing requests (codes asked for and codes tried) per origin, 10 a minute by default: 429 beyond. */
  rate?: RateLimit;
}

/**
 * The local bridge: the signing service for a token on the official's own machine, reached by the
 * agency's web application in the browser. Everything a signing service takes but `authorize`, which
 * the bridge does itself (pairing); `access` lets every paired origin use every credential unless set.
 */
export interface BridgeOptions extends Omit<SigningServiceOptions, 'authorize'> {
  /**
   * The web applications that may use the bridge, as origins (`https://eoffice.example.gov.vn`;
   * a path is ignored). A request from any other origin, or with none, is refused before any work.
   */
  allowOrigins: readonly string[];
  /**
   * Shows a pairing code to the official — the console of `kyso serve --bridge`, a tray icon… — the
   * only place the code goes. The official types it into the page to pair it.
   */
  onPairingCode: (pairing: PairingCode) => void;
  pairing?: PairingOptions;
}

/** createBridge needs the port it answers on, to check Host headers; serveBridge finds it itself. */
export interface BridgeServiceOptions extends BridgeOptions {
  port: number;
}
