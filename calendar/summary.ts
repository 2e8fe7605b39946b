import { HOLIDAY_COVERAGE, HOLIDAY_DATA_SOURCE, HOLIDAY_DATA_VERSION, HOLIDAY_DIVISION, PROVISIONAL_FROM_YEAR, RULES_LAST_YEAR } from './bankHolidays';
import { activeCalendarVersion, bankHolidaysInYear } from './holidayCalendar';

/**
 * Where a bank holiday comes from: the published list the product ships, the statutory rules until a year is
 * published, or a change published since (a proclamation, with its source).
 */
export type HolidayBasis = 'published' | 'rule' | 'proclaimed';

const RULES_SOURCE =
  'the statutory rules and customs (Banking and Financial Dealings Act 1971, Schedule 1, and the annual proclamations): New Year\'s Day, Good Friday, Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, with weekend substitutes; no proclaimed one-off or moved day';

/** What the working-day calendar is made of: its version, the shipped data's version, and which years are published and which by rule. */
export function calendarSummary() {
  return {
    division: HOLIDAY_DIVISION,
    version: activeCalendarVersion(),
    shippedVersion: HOLIDAY_DATA_VERSION,
    published: { firstYear: HOLIDAY_COVERAGE.firstYear, lastYear: HOLIDAY_COVERAGE.lastYear, source: HOLIDAY_DATA_SOURCE },
    provisional: { firstYear: PROVISIONAL_FROM_YEAR, lastYear: RULES_LAST_YEAR, source: RULES_SOURCE },
  };
}

/** One year's bank holidays, each with where it comes from; throws a CalendarRangeError outside the years covered. */
export function calendarYear(year: number) {
  const basis: Exclude<HolidayBasis, 'proclaimed'> = year >= PROVISIONAL_FROM_YEAR ? 'rule' : 'published';
  return {
    year,
    basis,
    holidays: bankHolidaysInYear(year).map((h) => ({
      date: h.date,
      title: h.title,
      notes: h.notes ?? null,
      basis: h.proclaimed ? ('proclaimed' as const) : basis,
      ...(h.proclaimed ? { source: h.proclaimed } : {}),
    })),
  };
}
