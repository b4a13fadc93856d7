import { createTestPki, type TestPki } from '@kyso/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateKind,
  formatDateLine,
  formatVietnamTime,
  type KysoError,
  parseCalendarDate,
  parseCertificate,
  vietnamDate,
} from '../src/index.js';

const hostZone = process.env.TZ;
afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

// Node applies a TZ assigned at run time to every Date after it; each block proves it took effect.
describe.each([
  ['UTC', 0],
  ['Asia/Ho_Chi_Minh', -420],
  ['America/Los_Angeles', 480],
])('under TZ=%s', (zone, offset) => {
  beforeAll(() => {
    process.env.TZ = zone;
    expect(new Date('2023-01-15T00:00:00Z').getTimezoneOffset()).toBe(offset);
  });

  it.each([
    ['2023-02-28', 'ngày 28 tháng 02 năm 2023'],
    ['2023-03-12', 'ngày 12 tháng 3 năm 2023'],
    ['2024-01-05', 'ngày 05 tháng 01 năm 2024'],
    ['2024-10-01', 'ngày 01 tháng 10 năm 2024'],
    ['2024-12-31', 'ngày 31 tháng 12 năm 2024'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
  ])('date line of %s is "%s"', (iso, line) => {
    expect(formatDateLine(parseCalendarDate(iso))).toBe(line);
  });

  it('reads an instant on the Vietnamese clock', () => {
    // 2023-02-28T17:30Z is already 1 March in Vietnam; 2024-01-04T16:59:59Z is still 4 January.
    expect(formatDateLine(new Date('2023-02-28T17:30:00Z'), 'Thái Bình')).toBe(
      'Thái Bình, ngày 01 tháng 3 năm 2023',
    );
    expect(vietnamDate(new Date('2024-01-04T16:59:59Z'))).toEqual({ year: 2024, month: 1, day: 4 });
    expect(vietnamDate(new Date('2024-01-04T17:00:00Z'))).toEqual({ year: 2024, month: 1, day: 5 });
  });

  it('prints signing times at +07:00 in both styles', () => {
    const t = new Date('2025-01-02T09:29:02.750Z');
    expect(formatVietnamTime(t)).toBe('2025-01-02T16:29:02+07:00');
    expect(formatVietnamTime(t, 'dotted')).toBe('02.01.2025 16:29:02 +07:00');
    // Across midnight and the year boundary.
    expect(formatVietnamTime(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01T03:00:00+07:00');
    // The ISO form means the same instant when parsed back.
    expect(new Date(formatVietnamTime(t)).getTime()).toBe(Math.floor(t.getTime() / 1000) * 1000);
  });
});

describe('calendar dates and places', () => {
  it.each(['2023-02-29', '2023-13-01', '2023-00-10', '2023-1-5', '05/01/2024', '', '2024-01-05T00:00'])(
    'refuses %j with INVALID_INPUT',
    (text) => {
      let error: KysoError | undefined;
      try {
        parseCalendarDate(text);
      } catch (e) {
        error = e as KysoError;
      }
      expect(error?.code).toBe('INVALID_INPUT');
    },
  );

  it('normalises the place to NFC', () => {
    const decomposed = 'Tha\u0301i Bi\u0300nh';
    const line = formatDateLine({ year: 2024, month: 1, day: 5 }, decomposed);
    expect(line).toBe('Thái Bình, ngày 05 tháng 01 năm 2024');
    expect(line).toBe(line.normalize('NFC'));
  });

  it('refuses an invalid instant', () => {
    expect(() => formatVietnamTime(new Date(Number.NaN))).toThrow(/invalid date/);
  });
});

describe('organisation or personal certificates', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await createTestPki({ include: ['to-chuc', 'lanh-dao-phong', 'signer-p256'] });
  });
  const kind = (id: string) => certificateKind(parseCertificate(pki.get(id).certificate));

  it('an MST certificate without a personal identifier is an organisation’s', () => {
    expect(kind('to-chuc')).toBe('organization');
  });

  it('CCCD, or no Vietnamese identifier at all, is personal', () => {
    expect(kind('lanh-dao-phong')).toBe('personal');
    expect(kind('signer-p256')).toBe('personal');
  });

  it('the rule is configurable', () => {
    const cert = parseCertificate(pki.get('to-chuc').certificate);
    expect(certificateKind(cert, { organization: ['MNS'], personal: ['CCCD'] })).toBe('personal');
  });
});
