import { createRequire } from 'node:module';
import { KysoError } from '@kyso/core';

/** A session, slot or object handle as the binding passes it (an opaque CK_ULONG in a Buffer). */
export type Handle = Buffer;

export interface CkAttribute {
  type: number;
  value?: number | boolean | string | Buffer;
}

export interface CkMechanism {
  mechanism: number;
  parameter?: Buffer | number | { type: number; hashAlg: number; mgf: number; saltLen: number };
}

/**
 * The part of the PKCS#11 API kyso calls, shaped as pkcs11js exposes it. Naming it here keeps the
 * binding's types out of kyso's public API and lets tests stand in a fake module (for return values
 * SoftHSM never gives, such as CKR_PIN_LOCKED).
 */
export interface Cryptoki {
  C_Initialize(options?: { flags?: number }): void;
  C_Finalize(): void;
  C_GetSlotList(tokenPresent?: boolean): Handle[];
  C_GetTokenInfo(slot: Handle): { label: string; serialNumber: string; flags: number };
  C_GetMechanismList(slot: Handle): number[];
  C_OpenSession(slot: Handle, flags: number): Handle;
  C_CloseSession(session: Handle): void;
  C_GetSessionInfo(session: Handle): { state: number; flags: number };
  C_Login(session: Handle, userType: number, pin?: string): void;
  C_Logout(session: Handle): void;
  C_FindObjectsInit(session: Handle, template: CkAttribute[]): void;
  C_FindObjects(session: Handle, maxObjectCount: number): Handle[];
  C_FindObjectsFinal(session: Handle): void;
  C_GetAttributeValue(session: Handle, object: Handle, template: CkAttribute[]): CkAttribute[];
  C_SignInit(session: Handle, mechanism: CkMechanism, key: Handle): void;
  /** Runs on libuv's thread pool: a slow token does not stall the event loop. */
  C_SignAsync(session: Handle, data: Buffer, out: Buffer): Promise<Buffer>;
}

/** A loaded PKCS#11 library: the API, how to unload it, and the binding's parameter tag for PSS. */
export interface LoadedCryptoki {
  api: Cryptoki;
  /** The binding's own tag for CK_RSA_PKCS_PSS_PARAMS. */
  pssParamsType: number;
  unload(): void;
}

interface Pkcs11jsModule {
  PKCS11: new () => Cryptoki & { load(path: string): void; close(): void };
  CK_PARAMS_RSA_PSS: number;
}

/**
 * Loads a PKCS#11 library (the vendor's .so/.dll) through pkcs11js, an optional dependency: a server
 * that only fronts PKCS#12 files or CSC services never needs the native module.
 */
export function loadCryptoki(library: string): LoadedCryptoki {
  let binding: Pkcs11jsModule;
  try {
    binding = createRequire(import.meta.url)('pkcs11js') as Pkcs11jsModule;
  } catch (error) {
    throw new KysoError('USAGE', {
      params: { detail: 'PKCS#11 needs the optional dependency pkcs11js (npm install pkcs11js)' },
      cause: error,
    });
  }
  const api = new binding.PKCS11();
  try {
    api.load(library);
  } catch (error) {
    throw new KysoError('IO_ERROR', {
      params: { path: library, detail: `not a loadable PKCS#11 library (${(error as Error).message})` },
      cause: error,
    });
  }
  return { api, pssParamsType: binding.CK_PARAMS_RSA_PSS, unload: () => api.close() };
}
