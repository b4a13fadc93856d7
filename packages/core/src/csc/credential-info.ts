import { fromBase64 } from '../bytes/bytes.js';
import {
  isJsonObject,
  type JsonObject,
  malformed,
  optionalNumber,
  optionalString,
  requireObject,
  requireString,
  requireStringArray,
} from './json.js';
import type { CscAuthMode, CscAuthObject, CscCredentialInfo, CscPresence } from './types.js';

const METHOD = 'credentials/info';
const AUTH_MODES = new Set<string>(['implicit', 'explicit', 'oauth2code']);

/**
 * Reads a `credentials/info` answer in any of its shapes: v1.0.4 and v2.0.0.0 (`authMode`, `PIN`,
 * `OTP` objects with `presence`), v2.0.0.2 (`auth: { mode, objects }`). `key.algo` and
 * `cert.certificates` are the same in all.
 */
export function readCredentialInfo(credentialId: string, json: JsonObject): CscCredentialInfo {
  const key = requireObject(json['key'], METHOD, 'key');
  const keyAlgorithms = requireStringArray(key['algo'], METHOD, 'key.algo');
  const cert = requireObject(json['cert'], METHOD, 'cert');
  const encoded = requireStringArray(cert['certificates'], METHOD, 'cert.certificates');
  if (encoded.length === 0) throw malformed(METHOD, 'cert.certificates is empty');
  const certificates = encoded.map((b64, i) => {
    try {
      return fromBase64(b64);
    } catch {
      throw malformed(METHOD, `cert.certificates[${i}] is not base64`);
    }
  });

  const auth = isJsonObject(json['auth']) ? json['auth'] : undefined;
  const pin = presenceOf(json['PIN'], 'PIN');
  const otp = presenceOf(json['OTP'], 'OTP');
  const authObjects = auth && Array.isArray(auth['objects']) ? readAuthObjects(auth['objects']) : undefined;
  const declaredMode = json['authMode'] ?? auth?.['mode'];
  const authMode = readAuthMode(
    declaredMode,
    pin.presence !== 'none' || otp.presence !== 'none' || !!authObjects,
  );
  const otpType = isJsonObject(json['OTP']) ? json['OTP']['type'] : undefined;

  const multisign = optionalNumber(json['multisign'], METHOD, 'multisign') ?? 1;
  if (!Number.isInteger(multisign) || multisign < 1) throw malformed(METHOD, 'multisign is below 1');
  const scal = String(json['SCAL'] ?? '1') === '2' ? '2' : '1';

  const description = optionalString(json['description'], METHOD, 'description');
  const keyStatus = optionalString(key['status'], METHOD, 'key.status');
  const keyLength = optionalNumber(key['len'], METHOD, 'key.len');
  const keyCurve = optionalString(key['curve'], METHOD, 'key.curve');
  const fromObjects = authObjects ? presenceFromObjects(authObjects) : undefined;
  return {
    credentialId,
    ...(description ? { description } : {}),
    ...(keyStatus ? { keyStatus } : {}),
    keyAlgorithms,
    ...(keyLength !== undefined ? { keyLength } : {}),
    ...(keyCurve ? { keyCurve } : {}),
    certificates,
    authMode,
    pin: fromObjects?.pin ?? pin.presence,
    otp: fromObjects?.otp ?? otp.presence,
    ...(otpType === 'online' || otpType === 'offline' ? { otpType } : {}),
    ...(pin.label ? { pinLabel: pin.label } : {}),
    ...(otp.label ? { otpLabel: otp.label } : {}),
    ...(authObjects && authMode === 'explicit' ? { authObjects } : {}),
    scal,
    multisign,
  };
}

function readAuthMode(value: unknown, hasFactors: boolean): CscAuthMode {
  if (value === undefined || value === null) return hasFactors ? 'explicit' : 'implicit';
  if (typeof value !== 'string' || !AUTH_MODES.has(value))
    throw malformed(METHOD, `unknown authorization mode ${JSON.stringify(value)}`);
  return value as CscAuthMode;
}

/** v1 writes presence as the strings "true" | "false" | "optional"; some services send booleans. */
function presenceOf(value: unknown, field: string): { presence: CscPresence; label?: string } {
  if (value === undefined || value === null) return { presence: 'none' };
  const object = requireObject(value, METHOD, field);
  const p = object['presence'];
  const presence: CscPresence =
    p === true || p === 'true'
      ? 'required'
      : p === 'optional'
        ? 'optional'
        : p === false || p === 'false'
          ? 'none'
          : 'required';
  const label = optionalString(object['label'], METHOD, `${field}.label`);
  return label ? { presence, label } : { presence };
}

function readAuthObjects(values: unknown[]): CscAuthObject[] {
  return values.map((v, i) => {
    const o = requireObject(v, METHOD, `auth.objects[${i}]`);
    const out: CscAuthObject = {
      type: requireString(o['type'], METHOD, `auth.objects[${i}].type`),
      id: requireString(o['id'], METHOD, `auth.objects[${i}].id`),
    };
    for (const k of ['label', 'description', 'format', 'generator'] as const) {
      const s = optionalString(o[k], METHOD, `auth.objects[${i}].${k}`);
      if (s) out[k] = s;
    }
    return out;
  });
}

/** Which of the signer's two prompts an authentication object is answered with. */
export function promptFor(object: CscAuthObject): 'pin' | 'otp' | 'none' {
  if (object.type.endsWith('OOB')) return 'none';
  const name = `${object.id} ${object.label ?? ''}`.toLowerCase();
  return object.generator || /\botp\b|one[- ]time/.test(name) ? 'otp' : 'pin';
}

function presenceFromObjects(objects: CscAuthObject[]): { pin: CscPresence; otp: CscPresence } {
  const kinds = objects.map(promptFor);
  return {
    pin: kinds.includes('pin') ? 'required' : 'none',
    otp: kinds.includes('otp') ? 'required' : 'none',
  };
}
