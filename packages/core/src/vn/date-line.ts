import { KysoError } from '../errors/kyso-error.js';
import { type CalendarDate, vietnamDate } from './vietnam-time.js';

/**
 * "ngày 05 tháng 01 năm 2024" (Decree 30/2020/NĐ-CP): Arabic numerals, a leading zero only for days
 * below 10 and for months 1 and 2 (a lone 1 or 2 could be extended by hand into 10, 11 or 12).
 * An instant is read on the Vietnamese clock, never the host's.
 */
export function formatDateLine(date: CalendarDate | Date, place?: string): string {
  const { year, month, day } = date instanceof Date ? vietnamDate(date) : date;
  if (
    !Number.isInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31
  )
    throw new KysoError('INVALID_INPUT', {
      params: { detail: `not a calendar date: ${year}-${month}-${day}` },
    });
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  const line = `ngày ${dd} tháng ${mm} năm ${year}`;
  const where = place?.normalize('NFC').trim();
  return where ? `${where}, ${line}` : line;
}
