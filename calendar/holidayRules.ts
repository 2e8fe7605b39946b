import type { BankHoliday } from './bankHolidays';
import { civilToEpochDay, fromEpochDay, isoWeekdayOfEpochDay } from './epochDay';

/**
 * England-and-Wales bank holidays as the statute and custom make them, for a year no published list covers yet: New
 * Year's Day, Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day
 * and Boxing Day (Banking and Financial Dealings Act 1971, Schedule 1, and the royal proclamations that set the
 * customary days each year), with a weekday substituted for one that falls at a weekend. A one-off day (a jubilee, a
 * funeral, a coronation) or a moved day is proclaimed, never derived: only a published list has those.
 */
export function holidaysByRule(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const [christmas, boxing] = christmasAndBoxingDay(year);
  return [
    newYearsDay(year),
    { date: fromEpochDay(easter - 2), title: 'Good Friday' },
    { date: fromEpochDay(easter + 1), title: 'Easter Monday' },
    { date: fromEpochDay(mondayOnOrAfter(civilToEpochDay({ year, month: 5, day: 1 }))), title: 'Early May bank holiday' },
    { date: fromEpochDay(mondayOnOrBefore(civilToEpochDay({ year, month: 5, day: 31 }))), title: 'Spring bank holiday' },
    { date: fromEpochDay(mondayOnOrBefore(civilToEpochDay({ year, month: 8, day: 31 }))), title: 'Summer bank holiday' },
    christmas,
    boxing,
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Easter Sunday as a day number: the anonymous Gregorian computus (Meeus, Jones, Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilToEpochDay({ year, month, day });
}

const SUBSTITUTE = 'Substitute day';
const weekday = isoWeekdayOfEpochDay; // 1 Monday ... 7 Sunday
const mondayOnOrAfter = (day: number) => day + ((8 - weekday(day)) % 7);
const mondayOnOrBefore = (day: number) => day - ((weekday(day) + 6) % 7);

function newYearsDay(year: number): BankHoliday {
  const day = civilToEpochDay({ year, month: 1, day: 1 });
  return weekday(day) <= 5 ? { date: fromEpochDay(day), title: "New Year's Day" } : { date: fromEpochDay(mondayOnOrAfter(day)), title: "New Year's Day", notes: SUBSTITUTE };
}

/** Christmas Day and Boxing Day, each on its own weekday or on the first weekday after the weekend not already taken. */
function christmasAndBoxingDay(year: number): [BankHoliday, BankHoliday] {
  const christmas = civilToEpochDay({ year, month: 12, day: 25 });
  const at = (day: number, title: string, substitute: boolean): BankHoliday => ({ date: fromEpochDay(day), title, ...(substitute && { notes: SUBSTITUTE }) });
  switch (weekday(christmas)) {
    case 5: // Friday: Boxing Day falls on the Saturday, so Monday 28
      return [at(christmas, 'Christmas Day', false), at(christmas + 3, 'Boxing Day', true)];
    case 6: // Saturday: Monday 27 and Tuesday 28
      return [at(christmas + 2, 'Christmas Day', true), at(christmas + 3, 'Boxing Day', true)];
    case 7: // Sunday: Boxing Day is Monday 26, Christmas Day's substitute Tuesday 27
      return [at(christmas + 2, 'Christmas Day', true), at(christmas + 1, 'Boxing Day', false)];
    default:
      return [at(christmas, 'Christmas Day', false), at(christmas + 1, 'Boxing Day', false)];
  }
}
