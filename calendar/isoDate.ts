/**
 * A calendar date with no time and no zone, written `YYYY-MM-DD` (ISO 8601 extended form).
 * Strings travel through workflow history, events and JSON unchanged, which is why dates are
 * strings rather than `Date` objects (a `Date` is an instant and would drag a zone in).
 */
export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a well-formed string naming a real day (so `2023-02-29` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/** Parses strictly; a malformed or impossible date is a caller's bug, so it throws. */
export function parseIsoDate(date: IsoDate): CivilDate {
  if (!isIsoDate(date)) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`Year ${year} cannot be written as an ISO calendar date (0000-9999)`);
  }
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
