import holidayData from './holidays/england-and-wales.json';
import { civilToEpochDay, isoWeekdayOfEpochDay, toEpochDay } from './epochDay';
import { holidaysByRule } from './holidayRules';
import { parseIsoDate, type IsoDate } from './isoDate';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly title: string;
  /** "Substitute day", "Extra bank holiday", or why a regular day moved. */
  readonly notes?: string;
  /** Set on a day derived from the statutory rules for a year no published list covers yet (calendar/holidayRules.ts). */
  readonly provisional?: true;
  /** Set on a day added after the shipped list by a published calendar change (calendar/holidayCalendar.ts): its proclamation. */
  readonly proclaimed?: string;
}

/** A date the working-day calendar cannot place: before the published list, or past the years the rules are used for. */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';
}

interface HolidayFile {
  readonly version: string;
  readonly source: string;
  readonly division: string;
  readonly coverage: { readonly firstYear: number; readonly lastYear: number };
  readonly holidays: readonly BankHoliday[];
}

const data: HolidayFile = holidayData;

/** Recorded with every deadline computed, so an audit can tell which holiday list was used. */
export const HOLIDAY_DATA_VERSION: string = data.version;
export const HOLIDAY_DATA_SOURCE: string = data.source;
export const HOLIDAY_DIVISION: string = data.division;
export const HOLIDAY_COVERAGE: { readonly firstYear: number; readonly lastYear: number } = Object.freeze({
  firstYear: data.coverage.firstYear,
  lastYear: data.coverage.lastYear,
});

/**
 * The last year whose holidays the statutory rules give, provisionally, after the published list: far past any cycle an
 * inspection runs (the rules have no end; a bound keeps every question answerable and every error clear).
 */
export const RULES_LAST_YEAR = 2199;
/** The first year, and its first day, whose holidays are provisional: derived by rule, not yet published. */
export const PROVISIONAL_FROM_YEAR = HOLIDAY_COVERAGE.lastYear + 1;
export const PROVISIONAL_FROM: IsoDate = `${PROVISIONAL_FROM_YEAR}-01-01`;

/** First and last day numbers the calendar answers for: the published list, then the rules. */
export const COVERED_FIRST_EPOCH_DAY = civilToEpochDay({ year: HOLIDAY_COVERAGE.firstYear, month: 1, day: 1 });
export const COVERED_LAST_EPOCH_DAY = civilToEpochDay({ year: RULES_LAST_YEAR, month: 12, day: 31 });

export function coverageError(what: string): CalendarRangeError {
  return new CalendarRangeError(
    `No England-and-Wales working-day calendar for ${what}: the published holiday list (version ${HOLIDAY_DATA_VERSION}) ` +
      `covers ${HOLIDAY_COVERAGE.firstYear} to ${HOLIDAY_COVERAGE.lastYear}, and the statutory rules ${PROVISIONAL_FROM_YEAR} to ${RULES_LAST_YEAR} (provisionally)`,
  );
}

/** Whether a date falls in a year whose holidays are derived by rule, not yet published (a proclamation may change them). */
export function isProvisional(date: IsoDate): boolean {
  return date >= PROVISIONAL_FROM;
}

/** Throws rather than let a date outside the list be treated as having no holidays. */
export function assertEpochDayCovered(epochDay: number, label: () => string): void {
  if (epochDay < COVERED_FIRST_EPOCH_DAY || epochDay > COVERED_LAST_EPOCH_DAY) throw coverageError(label());
}

export function isCovered(date: IsoDate): boolean {
  const epochDay = toEpochDay(date);
  return epochDay >= COVERED_FIRST_EPOCH_DAY && epochDay <= COVERED_LAST_EPOCH_DAY;
}

/** Checks a holiday list and indexes it by day number: a malformed list must fail loudly, not shift deadlines quietly. */
export function indexHolidays(holidays: readonly BankHoliday[]): ReadonlyMap<number, BankHoliday> {
  const byDay = new Map<number, BankHoliday>();
  let previous = -Infinity;
  for (const holiday of holidays) {
    const epochDay = civilToEpochDay(parseIsoDate(holiday.date));
    assertEpochDayCovered(epochDay, () => `listed holiday ${holiday.date}`);
    if (epochDay <= previous) throw new Error(`Holiday list is not in strictly ascending date order at ${holiday.date}`);
    // England-and-Wales lists name the substitute weekday, never the weekend day itself.
    if (isoWeekdayOfEpochDay(epochDay) > 5) throw new Error(`Holiday list names a weekend day: ${holiday.date}`);
    if (holiday.title.trim() === '') throw new Error(`Holiday ${holiday.date} has no title`);
    byDay.set(epochDay, Object.freeze({ ...holiday }));
    previous = epochDay;
  }
  return byDay;
}

const PROVISIONAL_HOLIDAYS: readonly BankHoliday[] = Array.from({ length: RULES_LAST_YEAR - HOLIDAY_COVERAGE.lastYear }, (_, i) =>
  holidaysByRule(PROVISIONAL_FROM_YEAR + i).map((h): BankHoliday => ({ ...h, provisional: true })),
).flat();

/** The holidays the product ships, in date order: the published list, then the years by rule (published data always wins). */
export const SHIPPED_HOLIDAYS: readonly BankHoliday[] = Object.freeze([...data.holidays, ...PROVISIONAL_HOLIDAYS]);

/**
 * The dates the product can reason about: working days need the holiday list, and Europe/London days the UK
 * summer-time rule (from 1996). A date outside is refused where it comes in, never met later inside a workflow.
 */
export const SUPPORTED_DATES: { readonly first: IsoDate; readonly last: IsoDate } = Object.freeze({
  first: `${Math.max(HOLIDAY_COVERAGE.firstYear, 1996)}-01-01`,
  last: `${RULES_LAST_YEAR}-12-31`,
});

export function isSupportedDate(date: IsoDate): boolean {
  return date >= SUPPORTED_DATES.first && date <= SUPPORTED_DATES.last;
}
