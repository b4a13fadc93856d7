import { describe, expect, it } from 'vitest';
import {
  ERROR_MESSAGES,
  formatMessage,
  isKysoError,
  KysoError,
  kysoErrorFromJSON,
  parseLang,
  pickLang,
  toKysoError,
} from '../src/index.js';

describe('the error registry', () => {
  it('has UPPER_SNAKE codes with a Vietnamese and an English message each', () => {
    for (const [code, messages] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(messages.vi.trim(), code).not.toBe('');
      expect(messages.en.trim(), code).not.toBe('');
      expect(messages.vi, code).not.toBe(messages.en);
      // the same placeholders in both languages
      const holes = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(holes(messages.vi), code).toEqual(holes(messages.en));
    }
  });

  it('has the codes DESIGN.md names', () => {
    for (const code of [
      'CERTIFICATE_EXPIRED',
      'CERTIFICATE_REVOKED',
      'REVOCATION_UNAVAILABLE',
      'SIGNATURE_TOO_LARGE',
      'STATE_MISMATCH',
      'BAD_SIGNATURE_VALUE',
      'PIN_INCORRECT',
      'PIN_LOCKED',
      'KEY_NOT_FOUND',
      'TOKEN_NOT_PRESENT',
      'CREDENTIAL_NOT_AUTHORIZED',
      'BAD_PASSWORD',
      'NO_PRIVATE_KEY',
      'PDF_STRUCTURE',
      'ENCRYPTED_PDF',
      'FIELD_ALREADY_SIGNED',
      'CERTIFIED_NO_CHANGES',
      'ORGANIZATION_BEFORE_PERSONAL',
    ]) {
      expect(Object.hasOwn(ERROR_MESSAGES, code), code).toBe(true);
    }
  });
});

describe('KysoError', () => {
  it('fills parameters and speaks both languages', () => {
    const e = new KysoError('SIGNATURE_TOO_LARGE', { params: { size: 9000, capacity: 8192 } });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('KysoError');
    expect(e.message).toBe('The signature (9000 bytes) does not fit the reserved space (8192 bytes).');
    expect(e.localize('vi')).toBe('Chữ ký (9000 byte) không vừa vùng đã dành sẵn (8192 byte).');
    expect(new KysoError('PIN_LOCKED', { lang: 'vi' }).message).toBe('Mã PIN đã bị khóa.');
    expect(formatMessage('FIELD_ALREADY_SIGNED', 'en')).toBe('The field {field} already holds a signature.');
  });

  it('is recognised by name and code across package copies', () => {
    const foreign = { name: 'KysoError', code: 'PIN_LOCKED', message: 'x' };
    expect(isKysoError(foreign)).toBe(true);
    expect(isKysoError(foreign, 'PIN_LOCKED')).toBe(true);
    expect(isKysoError(foreign, 'PIN_INCORRECT')).toBe(false);
    expect(isKysoError({ name: 'KysoError', code: 'NOT_A_CODE' })).toBe(false);
    expect(isKysoError(new Error('x'))).toBe(false);
    expect(isKysoError(null)).toBe(false);
  });

  it('crosses a JSON boundary and comes back by code', () => {
    const sent = JSON.parse(
      JSON.stringify(new KysoError('IO_ERROR', { params: { path: '/a', detail: 'ENOENT' } })),
    );
    expect(sent).toEqual({
      name: 'KysoError',
      code: 'IO_ERROR',
      message: 'Cannot access /a: ENOENT',
      params: { path: '/a', detail: 'ENOENT' },
    });
    const back = kysoErrorFromJSON(sent, 'vi');
    expect(isKysoError(back, 'IO_ERROR')).toBe(true);
    expect(back.message).toBe('Không truy cập được /a: ENOENT');
    const unknown = kysoErrorFromJSON({ code: 'FROM_THE_FUTURE', message: 'new' });
    expect(unknown.code).toBe('INTERNAL');
    expect(unknown.message).toContain('FROM_THE_FUTURE: new');
    expect(kysoErrorFromJSON('garbage').code).toBe('INTERNAL');
  });

  it('wraps anything thrown, keeping the cause', () => {
    const cause = new TypeError('boom');
    const k = toKysoError(cause);
    expect(k.code).toBe('INTERNAL');
    expect(k.cause).toBe(cause);
    const abort = toKysoError(new DOMException('stop', 'AbortError'), 'vi');
    expect(abort.code).toBe('ABORTED');
    expect(abort.message).toBe('Thao tác đã bị hủy.');
    const same = new KysoError('PIN_LOCKED');
    expect(toKysoError(same)).toBe(same);
  });
});

describe('languages', () => {
  it('reads tags and locales', () => {
    expect(parseLang('vi-VN')).toBe('vi');
    expect(parseLang('en_US.UTF-8')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(pickLang('fr')).toBe('en');
    expect(pickLang(undefined, 'vi')).toBe('vi');
  });
});
