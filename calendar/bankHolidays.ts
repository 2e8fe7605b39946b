import holidayData from './holidays/england-and-wales.json';
import { civilToEpochDay, isoWeekdayOfEpochDay, toEpochDay } from './epochDay';
import { parseIsoDate, type IsoDate } from './isoDate';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly title: string;
  /** "Substitute day", "Extra bank holiday", or why a regular day moved. */
  readonly notes?: string;
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

/** First and last day numbers for which the holiday list is complete. */
export const COVERED_FIRST_EPOCH_DAY = civilToEpochDay({ year: HOLIDAY_COVERAGE.firstYear, month: 1, day: 1 });
export const COVERED_LAST_EPOCH_DAY = civilToEpochDay({ year: HOLIDAY_COVERAGE.lastYear, month: 12, day: 31 });

function coverageError(what: string): RangeError {
  return new RangeError(
    `No England-and-Wales bank-holiday data for ${what}: the holiday list (version ${HOLIDAY_DATA_VERSION}) ` +
      `covers ${HOLIDAY_COVERAGE.firstYear} to ${HOLIDAY_COVERAGE.lastYear} only`,
  );
}

/** Throws rather than let a date outside the list be treated as having no holidays. */
export function assertEpochDayCovered(epochDay: number, label: () => string): void {
  if (epochDay < COVERED_FIRST_EPOCH_DAY || epochDay > COVERED_LAST_EPOCH_DAY) throw coverageError(label());
}

export function isCovered(date: IsoDate): boolean {
  const epochDay = toEpochDay(date);
  return epochDay >= COVERED_FIRST_EPOCH_DAY && epochDay <= COVERED_LAST_EPOCH_DAY;
}

// Checked once at load: a malformed list must fail loudly, not shift deadlines quietly.
function indexHolidays(holidays: readonly BankHoliday[]): ReadonlyMap<number, BankHoliday> {
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

const HOLIDAYS_BY_EPOCH_DAY = indexHolidays(data.holidays);

/** Weekday holidays as sorted day numbers, for counting by binary search. */
export const HOLIDAY_EPOCH_DAYS: readonly number[] = Object.freeze([...HOLIDAYS_BY_EPOCH_DAY.keys()]);

/** Caller must have checked coverage. */
export function isBankHolidayEpochDay(epochDay: number): boolean {
  return HOLIDAYS_BY_EPOCH_DAY.has(epochDay);
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayOn(date) !== undefined;
}

/** The bank holiday on that date, or undefined; throws outside the covered years. */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  const epochDay = toEpochDay(date);
  assertEpochDayCovered(epochDay, () => date);
  return HOLIDAYS_BY_EPOCH_DAY.get(epochDay);
}

export function bankHolidaysInYear(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < HOLIDAY_COVERAGE.firstYear || year > HOLIDAY_COVERAGE.lastYear) {
    throw coverageError(`year ${year}`);
  }
  const prefix = `${year}-`;
  return [...HOLIDAYS_BY_EPOCH_DAY.values()].filter((holiday) => holiday.date.startsWith(prefix));
}

/**
 * The dates the product can reason about: working days need the holiday list, and Europe/London days the UK
 * summer-time rule (from 1996). A date outside is refused where it comes in, never met later inside a workflow.
 */
export const SUPPORTED_DATES: { readonly first: IsoDate; readonly last: IsoDate } = Object.freeze({
  first: `${Math.max(HOLIDAY_COVERAGE.firstYear, 1996)}-01-01`,
  last: `${HOLIDAY_COVERAGE.lastYear}-12-31`,
});

export function isSupportedDate(date: IsoDate): boolean {
  return date >= SUPPORTED_DATES.first && date <= SUPPORTED_DATES.last;
}
