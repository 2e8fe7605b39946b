import { assertWholeNumber } from './assertions';
import { fromEpochDay, toEpochDay } from './epochDay';
import { daysInMonth, formatIsoDate, parseIsoDate, type IsoDate } from './isoDate';

/** -1, 0 or 1, usable as an `Array.prototype.sort` comparator. Validates both dates. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = toEpochDay(a) - toEpochDay(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareDates(a, b) > 0;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'n');
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of calendar days from `from` to `to` (0 when equal). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Same day-of-month n months later (or earlier), clamped to the end of a shorter month:
 * 31 January + 1 month is 28 or 29 February, as "within N months" is read in the frameworks.
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'n');
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** Years as twelve months, so 29 February + 1 year is 28 February. */
export function addCalendarYears(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'n');
  return addCalendarMonths(date, n * 12);
}
