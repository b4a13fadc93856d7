import { KysoError } from '@kyso/core';
import { CK, CKR } from './constants.js';
import { type Cryptoki, type Handle, type LoadedCryptoki, loadCryptoki } from './cryptoki.js';
import { ckrOf, pkcs11Error } from './errors.js';
import { KeyedLock } from './lock.js';

/** Which token: by label (what users see), serial number, or position among slots with a token. */
export interface TokenSelector {
  label?: string;
  serial?: string;
  /** 0-based index in the list of slots holding a token (`--slot N`). */
  slot?: number;
}

/** What a unit of work gets: an open session on the selected token, logged in when a PIN was given. */
export interface Pkcs11Session {
  readonly api: Cryptoki;
  readonly handle: Handle;
  readonly slot: Handle;
  /** The binding's tag for CK_RSA_PKCS_PSS_PARAMS. */
  readonly pssParamsType: number;
  /** Mechanisms the token offers (C_GetMechanismList). */
  readonly mechanisms: ReadonlySet<number>;
}

const shared = new Map<string, Promise<Pkcs11Module>>();

/**
 * One PKCS#11 library, initialised once per process (C_Initialize is process-wide) and shared by
 * every signer using it; finalised when the last user closes it. All token work goes through
 * `withSession`, which serialises the work per token (see KeyedLock), logs in at most once, and always
 * logs out and closes the session, also when the work fails.
 */
export class Pkcs11Module {
  readonly library: string;
  readonly #loaded: LoadedCryptoki;
  #users = 0;
  #openSessions = 0;
  #sessionsOpened = 0;
  #closed = false;
  readonly #lock = new KeyedLock();

  private constructor(library: string, loaded: LoadedCryptoki) {
    this.library = library;
    this.#loaded = loaded;
  }

  /**
   * Opens (or shares) the library at `library`. `cryptoki` replaces the native binding, for tests.
   * Each open must be matched by one close.
   */
  static open(library: string, options: { cryptoki?: LoadedCryptoki } = {}): Promise<Pkcs11Module> {
    if (options.cryptoki) {
      const module = Pkcs11Module.#start(library, options.cryptoki);
      module.#users = 1;
      return Promise.resolve(module);
    }
    let pending = shared.get(library);
    if (!pending) {
      pending = Promise.resolve().then(() => Pkcs11Module.#start(library, loadCryptoki(library)));
      shared.set(library, pending);
      pending.catch(() => shared.delete(library));
    }
    return pending.then((module) => {
      module.#users++;
      return module;
    });
  }

  static #start(library: string, loaded: LoadedCryptoki): Pkcs11Module {
    try {
      // the library may be called from libuv's threads (C_SignAsync): let it lock with OS primitives
      loaded.api.C_Initialize({ flags: CK.CKF_OS_LOCKING_OK });
    } catch (error) {
      if (ckrOf(error) !== CKR.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        loaded.unload();
        throw pkcs11Error(error, 'C_Initialize');
      }
    }
    return new Pkcs11Module(library, loaded);
  }

  /** The raw API, for diagnostics (e.g. checking that no session handle is left valid). */
  get api(): Cryptoki {
    return this.#loaded.api;
  }

  /** Sessions open right now through this module; 0 whenever no work is in flight. */
  get openSessions(): number {
    return this.#openSessions;
  }

  /** Sessions opened since the start. */
  get sessionsOpened(): number {
    return this.#sessionsOpened;
  }

  /** The slot holding the selected token; TOKEN_NOT_PRESENT when there is none. */
  findSlot(selector: TokenSelector = {}): Handle {
    this.#checkOpen();
    const api = this.#loaded.api;
    let slots: Handle[];
    try {
      slots = api.C_GetSlotList(true);
    } catch (error) {
      throw pkcs11Error(error, 'C_GetSlotList');
    }
    if (selector.slot !== undefined) {
      const slot = slots[selector.slot];
      if (!slot) throw notPresent(`no token in slot #${selector.slot} (${slots.length} with a token)`);
      return slot;
    }
    if (selector.label === undefined && selector.serial === undefined) {
      if (slots.length === 1) return slots[0]!;
      throw new KysoError('USAGE', {
        params: { detail: `${slots.length} tokens present: choose one by label, serial or slot` },
      });
    }
    for (const slot of slots) {
      let info: { label: string; serialNumber: string };
      try {
        info = api.C_GetTokenInfo(slot);
      } catch (error) {
        // a token pulled out between the two calls is simply not this one
        if (ckrOf(error) !== undefined) continue;
        throw pkcs11Error(error, 'C_GetTokenInfo');
      }
      if (selector.label !== undefined && info.label.trim() !== selector.label) continue;
      if (selector.serial !== undefined && info.serialNumber.trim() !== selector.serial) continue;
      return slot;
    }
    const wanted = selector.label !== undefined ? `label "${selector.label}"` : `serial ${selector.serial}`;
    throw notPresent(`no token with ${wanted}`);
  }

  /**
   * Runs `work` in a fresh session on the selected token, with the token to itself. With a PIN, logs
   * in first (C_Login checks it: PIN_INCORRECT, PIN_LOCKED). Logout and close always follow.
   */
  async withSession<T>(
    selector: TokenSelector,
    work: (session: Pkcs11Session) => Promise<T>,
    options: { pin?: string; signal?: AbortSignal } = {},
  ): Promise<T> {
    options.signal?.throwIfAborted();
    const slot = this.findSlot(selector);
    return this.#lock.run(slot.toString('hex'), async () => {
      options.signal?.throwIfAborted();
      const api = this.#loaded.api;
      const mechanisms = new Set(call(() => api.C_GetMechanismList(slot), 'C_GetMechanismList'));
      const handle = call(() => api.C_OpenSession(slot, CK.CKF_SERIAL_SESSION), 'C_OpenSession');
      this.#openSessions++;
      this.#sessionsOpened++;
      let loggedIn = false;
      try {
        if (options.pin !== undefined) {
          login(api, handle, options.pin);
          loggedIn = true;
        }
        return await work({ api, handle, slot, pssParamsType: this.#loaded.pssParamsType, mechanisms });
      } catch (error) {
        throw pkcs11Error(error, 'signing');
      } finally {
        if (loggedIn) {
          try {
            api.C_Logout(handle);
          } catch {
            // closing the session below ends the login all the same
          }
        }
        try {
          api.C_CloseSession(handle);
        } catch {
          // a removed token has no session left to close
        }
        this.#openSessions--;
      }
    });
  }

  /** Ends this user's share; the last one finalises the library. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (--this.#users > 0) return;
    this.#closed = true;
    for (const [key, pending] of shared)
      if ((await pending.catch(() => undefined)) === this) shared.delete(key);
    try {
      this.#loaded.api.C_Finalize();
    } finally {
      this.#loaded.unload();
    }
  }

  #checkOpen(): void {
    if (this.#closed)
      throw new KysoError('USAGE', { params: { detail: `PKCS#11 library ${this.library} is closed` } });
  }
}

function notPresent(detail: string): KysoError {
  return new KysoError('TOKEN_NOT_PRESENT', { params: { detail } });
}

function call<T>(fn: () => T, name: string): T {
  try {
    return fn();
  } catch (error) {
    throw pkcs11Error(error, name);
  }
}

function login(api: Cryptoki, session: Handle, pin: string): void {
  try {
    api.C_Login(session, CK.CKU_USER, pin);
  } catch (error) {
    if (ckrOf(error) !== CKR.CKR_USER_ALREADY_LOGGED_IN) throw pkcs11Error(error, 'C_Login');
    // left over from work that could not log out: start again so that this PIN is really checked
    api.C_Logout(session);
    call(() => api.C_Login(session, CK.CKU_USER, pin), 'C_Login');
  }
}
