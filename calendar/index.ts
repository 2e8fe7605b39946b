/**
 * Working-day calendar for England (docs/ARCHITECTURE.md §3 "calendar", §4): pure functions over a versioned
 * England-and-Wales bank-holiday list, safe inside Temporal's workflow sandbox (no I/O, no clock,
 * no Intl time zones).
 */
export type { IsoDate, CivilDate } from './isoDate';
export { isIsoDate, parseIsoDate, formatIsoDate, isLeapYear, daysInMonth } from './isoDate';
export { toEpochDay, fromEpochDay, isoWeekday } from './epochDay';
export {
  compareDates,
  isBefore,
  isAfter,
  addCalendarDays,
  calendarDaysBetween,
  addCalendarMonths,
  addCalendarYears,
} from './calendarArithmetic';
export type { BankHoliday } from './bankHolidays';
export {
  HOLIDAY_DATA_VERSION,
  HOLIDAY_DATA_SOURCE,
  HOLIDAY_DIVISION,
  HOLIDAY_COVERAGE,
  RULES_LAST_YEAR,
  PROVISIONAL_FROM,
  PROVISIONAL_FROM_YEAR,
  CalendarRangeError,
  isProvisional,
  isCovered,
  isSupportedDate,
  SUPPORTED_DATES,
} from './bankHolidays';
export type { HolidayChange, CalendarVersion, CalendarEra, HolidayCalendar } from './holidayCalendar';
export {
  SHIPPED_CALENDAR,
  calendarVersionName,
  holidayCalendarOf,
  holidayChangeRefusal,
  withChange,
  extendsCalendar,
  sameChange,
  sameCalendar,
  withCalendars,
  withCalendar,
  dueAcrossCalendars,
  calendarChanged,
  activeCalendarVersion,
  isBankHoliday,
  bankHolidayOn,
  bankHolidaysInYear,
} from './holidayCalendar';
export {
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  nextWorkingDay,
  previousWorkingDay,
  workingDayOnOrAfter,
} from './workingDays';
export { type HolidayBasis, calendarSummary, calendarYear } from './summary';
export { LONDON_RULE_FIRST_YEAR, londonOffsetMinutes, londonDateOf, londonLocalInstant, startOfLondonDay, endOfLondonDay } from './london';
export type { DeadlineUnit } from './deadline';
export { DEADLINE_UNITS, isDeadlineUnit, deadline, deadlineDueAt } from './deadline';
