import {
  bytesOf,
  Cursor,
  children,
  decode,
  readNamedBits,
  readSmallInteger,
  readString,
  TAG,
} from '../asn1/index.js';
import { KysoError } from '../errors/kyso-error.js';

const FAILURES = [
  'badAlg',
  '',
  'badRequest',
  '',
  '',
  'badDataFormat',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'timeNotAvailable',
  'unacceptedPolicy',
  'unacceptedExtension',
  'addInfoNotAvailable',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'systemFailure',
];

/**
 * TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
 * PKIStatusInfo ::= SEQUENCE { status PKIStatus, statusString PKIFreeText OPTIONAL, failInfo PKIFailureInfo OPTIONAL }
 */
export interface TimestampResponse {
  /** 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4 revocationWarning, 5 revocationNotification */
  status: number;
  statusText: string[];
  failures: string[];
  /** The token (a CMS ContentInfo), when granted. */
  token?: Uint8Array;
}

export function parseTimestampResponse(bytes: Uint8Array): TimestampResponse {
  try {
    const c = new Cursor(decode(bytes), 'TimeStampResp');
    const s = new Cursor(c.next(TAG.SEQUENCE), 'PKIStatusInfo');
    const status = readSmallInteger(s.next(TAG.INTEGER), 'PKIStatus');
    const text = s.optional(TAG.SEQUENCE);
    const fail = s.optional(TAG.BIT_STRING);
    s.end();
    const token = c.done ? undefined : c.next(TAG.SEQUENCE);
    c.end();
    return {
      status,
      statusText: text ? children(text).map((t) => readString(t)) : [],
      failures: fail ? [...readNamedBits(fail)].map((b) => FAILURES[b] || `bit ${b}`) : [],
      ...(token ? { token: bytesOf(token) } : {}),
    };
  } catch (error) {
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `time-stamp response: ${(error as Error).message}` },
      cause: error,
    });
  }
}
