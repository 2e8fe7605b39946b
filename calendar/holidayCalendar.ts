import { type BankHoliday, HOLIDAY_DATA_VERSION, RULES_LAST_YEAR, HOLIDAY_COVERAGE, SHIPPED_HOLIDAYS, assertEpochDayCovered, coverageError, indexHolidays } from './bankHolidays';
import { civilToEpochDay, isoWeekdayOfEpochDay, toEpochDay } from './epochDay';
import { type IsoDate, isIsoDate } from './isoDate';

/**
 * One change to the holiday list after the product shipped it: a day proclaimed (added), or withdrawn, with the
 * proclamation or notice it comes from.
 */
export interface HolidayChange {
  readonly action: 'add' | 'withdraw';
  readonly date: IsoDate;
  /** The holiday's name (an added day); a withdrawn day keeps the name it had. */
  readonly title?: string;
  /** The proclamation or notice, e.g. "Proclamation of 10 September 2022 (The London Gazette)". */
  readonly source: string;
}

/**
 * A calendar version, as an inspection or cycle holds it: the shipped list's version and every change published after
 * it, in order. Its name is `<shipped version>+<number of changes>`; a later version extends an earlier one's changes,
 * so versions are ordered by their count. Carried in a workflow's start and in the Update that moves it to a later
 * version, so replay computes with exactly the list the run computed with, whatever list the worker ships now.
 */
export interface CalendarVersion {
  readonly version: string;
  readonly changes: readonly HolidayChange[];
}

export const SHIPPED_CALENDAR: CalendarVersion = Object.freeze({ version: HOLIDAY_DATA_VERSION, changes: Object.freeze([]) as readonly HolidayChange[] });

/** The name a calendar version with these changes has. */
export function calendarVersionName(changes: readonly HolidayChange[]): string {
  return changes.length === 0 ? HOLIDAY_DATA_VERSION : `${HOLIDAY_DATA_VERSION}+${changes.length}`;
}

/** A holiday list checked and indexed for answering working-day questions. */
export interface HolidayCalendar {
  readonly version: string;
  readonly byDay: ReadonlyMap<number, BankHoliday>;
  /** Weekday holidays as sorted day numbers, for counting by binary search. */
  readonly days: readonly number[];
}

function indexed(version: string, holidays: readonly BankHoliday[]): HolidayCalendar {
  const byDay = indexHolidays(holidays);
  return { version, byDay, days: Object.freeze([...byDay.keys()]) };
}

const SHIPPED = indexed(HOLIDAY_DATA_VERSION, SHIPPED_HOLIDAYS);

/** Why a change cannot be made to the list as `holidays` has it, or null. */
function changeRefusal(byDay: ReadonlyMap<number, BankHoliday>, change: HolidayChange): string | null {
  if (!isIsoDate(change.date)) return `${JSON.stringify(change.date)} is not a date (YYYY-MM-DD)`;
  const epochDay = toEpochDay(change.date);
  const year = Number(change.date.slice(0, 4));
  if (year < HOLIDAY_COVERAGE.firstYear || year > RULES_LAST_YEAR) return coverageError(change.date).message;
  if (!change.source?.trim()) return `say where the change to ${change.date} comes from (source: the proclamation or notice)`;
  const existing = byDay.get(epochDay);
  if (change.action === 'add') {
    if (isoWeekdayOfEpochDay(epochDay) > 5) return `${change.date} is a weekend day: a bank holiday that falls at a weekend has a weekday substitute, which is the day to add`;
    if (!change.title?.trim()) return `name the holiday added on ${change.date} (title)`;
    if (existing) return `${change.date} is already a bank holiday (${existing.title})`;
    return null;
  }
  return existing ? null : `${change.date} is not a bank holiday: there is nothing to withdraw`;
}

function applied(byDay: ReadonlyMap<number, BankHoliday>, change: HolidayChange): BankHoliday[] {
  const epochDay = toEpochDay(change.date);
  const holidays = [...byDay.entries()].filter(([day]) => day !== epochDay).map(([, h]) => h);
  if (change.action === 'add') holidays.push({ date: change.date, title: change.title!.trim(), proclaimed: change.source });
  return holidays.sort((a, b) => (a.date < b.date ? -1 : 1));
}

const built = new Map<string, HolidayCalendar>([[HOLIDAY_DATA_VERSION, SHIPPED]]);

/**
 * The holiday list of a calendar version, built once per version and content. Throws a RangeError naming the change
 * that cannot be made (a day already a holiday, a weekend day, outside the years covered, no source).
 */
export function holidayCalendarOf(version: CalendarVersion): HolidayCalendar {
  const key = `${version.version}\u0000${JSON.stringify(version.changes)}`;
  const known = built.get(version.changes.length === 0 ? version.version : key);
  if (known) return known;
  if (version.version !== calendarVersionName(version.changes)) throw new RangeError(`calendar version ${JSON.stringify(version.version)} does not match its ${version.changes.length} changes (expected ${calendarVersionName(version.changes)})`);
  let byDay = SHIPPED.byDay;
  for (const change of version.changes) {
    const refused = changeRefusal(byDay, change);
    if (refused) throw new RangeError(`calendar change ${change.action} ${change.date} cannot be made: ${refused}`);
    byDay = indexHolidays(applied(byDay, change));
  }
  const calendar = indexed(version.version, [...byDay.values()]);
  built.set(key, calendar);
  return calendar;
}

/** Why `change` cannot follow `version`, or null. */
export function holidayChangeRefusal(version: CalendarVersion, change: HolidayChange): string | null {
  return changeRefusal(holidayCalendarOf(version).byDay, change);
}

/** `version` with `change` published after it. Throws a RangeError when the change cannot be made. */
export function withChange(version: CalendarVersion, change: HolidayChange): CalendarVersion {
  const changes = [...version.changes, change];
  const next = { version: calendarVersionName(changes), changes };
  holidayCalendarOf(next);
  return next;
}

/** Whether two changes say the same, whatever order their fields come in (a stored one's come back in the database's). */
export function sameChange(a: HolidayChange, b: HolidayChange): boolean {
  return a.action === b.action && a.date === b.date && (a.title ?? null) === (b.title ?? null) && a.source === b.source;
}

/** Whether two versions are the same list of changes. */
export function sameCalendar(a: CalendarVersion, b: CalendarVersion): boolean {
  return a.changes.length === b.changes.length && a.changes.every((change, i) => sameChange(change, b.changes[i]!));
}

/** Whether `later` is `earlier` with more changes published after it. */
export function extendsCalendar(later: CalendarVersion, earlier: CalendarVersion): boolean {
  return later.changes.length > earlier.changes.length && earlier.changes.every((change, i) => sameChange(change, later.changes[i]!));
}

/**
 * A calendar in force from an instant: an inspection holds the one it started with (from the beginning of time) and
 * each one it was moved to later, from the instant it was moved.
 */
export interface CalendarEra {
  readonly calendar: HolidayCalendar;
  readonly from: number;
}

const SHIPPED_ERAS: readonly CalendarEra[] = [{ calendar: SHIPPED, from: -Infinity }];

// The calendar working-day questions are answered with. Set only for the length of a synchronous call (`withCalendars`),
// so code that runs many inspections in one process (a worker's workflows) never sees another's.
let eras: readonly CalendarEra[] = SHIPPED_ERAS;
let active: HolidayCalendar = SHIPPED;

/** Runs `fn` with working-day questions answered by the last of `calendars` (its earlier eras kept for `dueAcrossCalendars`). */
export function withCalendars<T>(calendars: readonly CalendarEra[], fn: () => T): T {
  const saved = [eras, active] as const;
  eras = calendars.length ? calendars : SHIPPED_ERAS;
  active = eras[eras.length - 1]!.calendar;
  try {
    return fn();
  } finally {
    [eras, active] = saved;
  }
}

/** Runs `fn` with working-day questions answered by one calendar version. */
export function withCalendar<T>(version: CalendarVersion, fn: () => T): T {
  return withCalendars([{ calendar: holidayCalendarOf(version), from: -Infinity }], fn);
}

/**
 * A due date across calendar changes: computed under the first calendar, then under each later one, unless it had
 * already run out (by `dueAtOf`) before that one came into force, or that one came after `asOf` (a clock stopped then).
 * So a clock that ran out is never re-opened by a holiday proclaimed later, and one still running moves.
 */
export function dueAcrossCalendars(compute: () => IsoDate, dueAtOf: (due: IsoDate) => number, asOf = Infinity): IsoDate {
  if (eras.length === 1) return compute();
  const all = eras;
  let due = withCalendars([all[0]!], compute);
  for (let k = 1; k < all.length && all[k]!.from <= asOf; k++) {
    if (dueAtOf(due) <= all[k]!.from) break;
    due = withCalendars(all.slice(0, k + 1), compute);
  }
  return due;
}

/** Whether more than one calendar version is in force (an inspection moved to a later one). */
export function calendarChanged(): boolean {
  return eras.length > 1;
}

/** The version working-day questions are answered with now. */
export function activeCalendarVersion(): string {
  return active.version;
}

/** Caller must have checked coverage. */
export function isBankHolidayEpochDay(epochDay: number): boolean {
  return active.byDay.has(epochDay);
}

/** Weekday holidays of the active calendar as sorted day numbers. */
export function holidayEpochDays(): readonly number[] {
  return active.days;
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayOn(date) !== undefined;
}

/** The bank holiday on that date, or undefined; throws outside the covered years. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const epochDay = toEpochDay(date);
  assertEpochDayCovered(epochDay, () => date);
  return active.byDay.get(epochDay);
}

export function bankHolidaysInYear(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < HOLIDAY_COVERAGE.firstYear || year > RULES_LAST_YEAR) throw coverageError(`year ${year}`);
  const first = civilToEpochDay({ year, month: 1, day: 1 });
  const last = civilToEpochDay({ year, month: 12, day: 31 });
  return active.days.filter((d) => d >= first && d <= last).map((d) => active.byDay.get(d)!);
}
