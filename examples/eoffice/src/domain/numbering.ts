/**
 * A document number as Decree 30/2020 writes it: the running number of the year (from 01 on
 * 1 January), then the symbol — "Số: 12/KH-UBND". Numbers below 10 get a leading zero.
 */
export function formatDocumentNumber(number: number, symbol: string): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`not a document number: ${number}`);
  return `${String(number).padStart(2, '0')}/${symbol.normalize('NFC').trim()}`;
}

/** The year a number belongs to: the calendar year in Vietnam (UTC+07:00) at the time of issue. */
export function numberingYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3600_000).getUTCFullYear();
}
