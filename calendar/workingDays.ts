import { assertWholeNumber } from './assertions';
import { assertEpochDayCovered } from './bankHolidays';
import { holidayEpochDays, isBankHolidayEpochDay } from './holidayCalendar';
import { fromEpochDay, isoWeekdayOfEpochDay, toEpochDay } from './epochDay';
import type { IsoDate } from './isoDate';

function isWorkingEpochDay(epochDay: number): boolean {
  return isoWeekdayOfEpochDay(epochDay) <= 5 && !isBankHolidayEpochDay(epochDay);
}

function coveredEpochDay(date: IsoDate): number {
  const epochDay = toEpochDay(date);
  assertEpochDayCovered(epochDay, () => date);
  return epochDay;
}

/** Monday to Friday and not an England-and-Wales bank holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingEpochDay(coveredEpochDay(date));
}

/**
 * docs/ARCHITECTURE.md §4: the anchor is day 0 and the result is the Nth working day after it, so
 * `addWorkingDays(d, 0) === d` even when d is a Saturday. Negative n counts back to the Nth
 * working day before the anchor. Throws a RangeError if the count leaves the covered years.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'n');
  let epochDay = coveredEpochDay(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    epochDay += step;
    assertEpochDayCovered(epochDay, () => `${fromEpochDay(epochDay)}, reached counting ${n} working days from ${date}`);
    if (isWorkingEpochDay(epochDay)) remaining -= 1;
  }
  return fromEpochDay(epochDay);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return addWorkingDays(date, 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: IsoDate): IsoDate {
  return addWorkingDays(date, -1);
}

/** `date` itself when it is a working day, otherwise the next one. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

// 1970-01-05 (day number 4) was a Monday; counting whole weeks from it gives weekdays in O(1).
const MONDAY_EPOCH_DAY = 4;

function weekdaysBefore(epochDay: number): number {
  const offset = epochDay - MONDAY_EPOCH_DAY;
  const weeks = Math.floor(offset / 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

function holidaysOnOrBefore(epochDay: number): number {
  const days = holidayEpochDays();
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle] as number) <= epochDay) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Working days on or before the day, less a constant: only differences mean anything. */
function workingDayIndex(epochDay: number): number {
  return weekdaysBefore(epochDay + 1) - holidaysOnOrBefore(epochDay);
}

/**
 * Working days d with from < d <= to; when to is before from, minus the working days d with
 * to < d <= from. So it is a signed distance: antisymmetric, additive
 * (between(a, b) + between(b, c) === between(a, c)), and
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n` for every n >= 0 (and for n < 0 when a
 * is itself a working day).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  return workingDayIndex(coveredEpochDay(to)) - workingDayIndex(coveredEpochDay(from));
}
