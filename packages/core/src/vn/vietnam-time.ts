import { KysoError } from '../errors/kyso-error.js';

/** Vietnam keeps UTC+07:00 all year (no daylight saving), whatever the host's time zone. */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** A calendar date with no time zone: what a document's date line and `--date` name. */
export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The parts of an instant on the clock in Vietnam (UTC+07:00). */
function vietnamParts(instant: Date) {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new KysoError('INVALID_INPUT', { params: { detail: 'an invalid date' } });
  const shifted = new Date(t + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hours: shifted.getUTCHours(),
    minutes: shifted.getUTCMinutes(),
    seconds: shifted.getUTCSeconds(),
  };
}

/** The calendar date an instant falls on in Vietnam. */
export function vietnamDate(instant: Date): CalendarDate {
  const { year, month, day } = vietnamParts(instant);
  return { year, month, day };
}

export type SigningTimeStyle = 'iso' | 'dotted';

/**
 * A signing time on the Vietnamese clock: `iso` gives ISO 8601 with the offset
 * (`2025-01-02T16:29:02+07:00`), `dotted` what agencies' tools print (`02.01.2025 16:29:02 +07:00`).
 */
export function formatVietnamTime(instant: Date, style: SigningTimeStyle = 'iso'): string {
  const p = vietnamParts(instant);
  const time = `${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}`;
  return style === 'dotted'
    ? `${pad(p.day)}.${pad(p.month)}.${pad(p.year, 4)} ${time} +07:00`
    : `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${time}+07:00`;
}

/** `YYYY-MM-DD` → a calendar date that exists (2023-02-29 is refused), else INVALID_INPUT. */
export function parseCalendarDate(text: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const refuse = () =>
    new KysoError('INVALID_INPUT', { params: { detail: `not a date as YYYY-MM-DD: ${text}` } });
  if (!m) throw refuse();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw refuse();
  return { year, month, day };
}
