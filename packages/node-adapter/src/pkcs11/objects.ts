import { KysoError } from '@kyso/core';
import { CK } from './constants.js';
import type { CkAttribute, Handle } from './cryptoki.js';
import type { Pkcs11Session } from './module.js';

/** How a key is named on its token: CKA_LABEL, CKA_ID (hex or bytes), or both. */
export interface KeySelector {
  label?: string;
  id?: string | Uint8Array;
}

export function describeKey(key: KeySelector): string {
  const parts: string[] = [];
  if (key.label !== undefined) parts.push(`label "${key.label}"`);
  if (key.id !== undefined) parts.push(`id ${idBytes(key.id).toString('hex')}`);
  return parts.join(', ');
}

function idBytes(id: string | Uint8Array): Buffer {
  if (typeof id !== 'string') return Buffer.from(id);
  if (!/^([0-9a-f]{2})+$/i.test(id))
    throw new KysoError('INVALID_INPUT', { params: { detail: `PKCS#11 key id must be hex: ${id}` } });
  return Buffer.from(id, 'hex');
}

function template(objectClass: number, key: KeySelector): CkAttribute[] {
  if (key.label === undefined && key.id === undefined)
    throw new KysoError('USAGE', { params: { detail: 'a PKCS#11 key needs a label or an id' } });
  const out: CkAttribute[] = [{ type: CK.CKA_CLASS, value: objectClass }];
  if (key.id !== undefined) out.push({ type: CK.CKA_ID, value: idBytes(key.id) });
  if (key.label !== undefined) out.push({ type: CK.CKA_LABEL, value: key.label });
  return out;
}

function find(session: Pkcs11Session, attributes: CkAttribute[]): Handle[] {
  const { api, handle } = session;
  api.C_FindObjectsInit(handle, attributes);
  try {
    return api.C_FindObjects(handle, 2);
  } finally {
    api.C_FindObjectsFinal(handle);
  }
}

/** The private key (visible only after login); KEY_NOT_FOUND when absent, refused when ambiguous. */
export function findPrivateKey(session: Pkcs11Session, key: KeySelector): Handle {
  const found = find(session, template(CK.CKO_PRIVATE_KEY, key));
  if (found.length === 0)
    throw new KysoError('KEY_NOT_FOUND', { params: { detail: `no private key with ${describeKey(key)}` } });
  if (found.length > 1)
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `several private keys with ${describeKey(key)}: name the key by id` },
    });
  return found[0]!;
}

/**
 * The X.509 certificate stored beside the key (same CKA_ID, else same label), DER; undefined when
 * the token holds none (the caller may have been given the certificates instead).
 */
export function findCertificate(session: Pkcs11Session, key: KeySelector): Uint8Array | undefined {
  const selector = key.id !== undefined ? { id: key.id } : key;
  const found = find(session, [
    ...template(CK.CKO_CERTIFICATE, selector),
    { type: CK.CKA_CERTIFICATE_TYPE, value: CK.CKC_X_509 },
  ]);
  if (found.length === 0) return undefined;
  const [value] = session.api.C_GetAttributeValue(session.handle, found[0]!, [{ type: CK.CKA_VALUE }]);
  if (!value || !Buffer.isBuffer(value.value)) return undefined;
  return new Uint8Array(value.value);
}
