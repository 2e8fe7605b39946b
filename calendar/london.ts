import { epochDayToCivil, fromEpochDay, civilToEpochDay, isoWeekdayOfEpochDay, toEpochDay } from './epochDay';
import { daysInMonth, type IsoDate } from './isoDate';

/**
 * Europe/London without a time-zone database (workflow code may not use `Intl` zones).
 * UK rule since 1996: British Summer Time (UTC+1) from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October; Greenwich Mean Time (UTC+0) otherwise. Before 1996
 * summer time ended on other Sundays, so earlier instants are refused rather than guessed.
 * Should Parliament change the rule, this is the one place to change.
 */
export const LONDON_RULE_FIRST_YEAR = 1996;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

function assertRuleYear(year: number, what: string): void {
  if (year < LONDON_RULE_FIRST_YEAR) {
    throw new RangeError(`Europe/London offset for ${what} is not known: the UK summer-time rule used holds from ${LONDON_RULE_FIRST_YEAR}`);
  }
}

function lastSundayEpochDay(year: number, month: number): number {
  const lastDay = civilToEpochDay({ year, month, day: daysInMonth(year, month) });
  return lastDay - (isoWeekdayOfEpochDay(lastDay) % 7);
}

/** First day numbers of the switch Sundays (summer time starts / ends during these days). */
function summerTimeSundays(year: number): { readonly start: number; readonly end: number } {
  return { start: lastSundayEpochDay(year, 3), end: lastSundayEpochDay(year, 10) };
}

function assertInstant(instantMs: number): void {
  if (!Number.isFinite(instantMs)) throw new RangeError(`Not an instant (epoch milliseconds): ${String(instantMs)}`);
}

/** Minutes London is ahead of UTC at that instant. */
export function londonOffsetMinutes(instantMs: number): 0 | 60 {
  assertInstant(instantMs);
  const utcDay = Math.floor(instantMs / MS_PER_DAY);
  const { year } = epochDayToCivil(utcDay);
  assertRuleYear(year, `instant ${instantMs} (UTC day ${year < 0 ? utcDay : fromEpochDay(utcDay)})`);
  const { start, end } = summerTimeSundays(year);
  const startsAt = start * MS_PER_DAY + MS_PER_HOUR;
  const endsAt = end * MS_PER_DAY + MS_PER_HOUR;
  return instantMs >= startsAt && instantMs < endsAt ? 60 : 0;
}

/** The calendar date on a London wall clock at that instant. */
export function londonDateOf(instantMs: number): IsoDate {
  const offset = londonOffsetMinutes(instantMs);
  return fromEpochDay(Math.floor((instantMs + offset * MS_PER_MINUTE) / MS_PER_DAY));
}

/**
 * Epoch ms of London midnight at the start of `date`. Midnight always exists and is never
 * repeated in London (the switches happen at 01:00 and 02:00 local): it is in summer time on days
 * after the March switch Sunday up to and including the October switch Sunday.
 */
export function startOfLondonDay(date: IsoDate): number {
  const epochDay = toEpochDay(date);
  const { year } = epochDayToCivil(epochDay);
  assertRuleYear(year, date);
  const { start, end } = summerTimeSundays(year);
  const summer = epochDay > start && epochDay <= end;
  return epochDay * MS_PER_DAY - (summer ? MS_PER_HOUR : 0);
}

/**
 * The first instant of the London day after `date`: a deadline "by the end of day D" falls due
 * here, and anything strictly before it is in time.
 */
export function endOfLondonDay(date: IsoDate): number {
  return startOfLondonDay(fromEpochDay(toEpochDay(date) + 1));
}

/**
 * The instant a London wall clock shows `HH:MM` on `date`. In the hour the clocks go back the time is ambiguous and the
 * earlier (summer-time) instant is taken; in the hour they go forward it does not exist and is read as Greenwich time.
 */
export function londonLocalInstant(date: IsoDate, time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new RangeError(`Not a time of day (HH:MM): ${time}`);
  assertRuleYear(epochDayToCivil(toEpochDay(date)).year, date);
  const asGreenwich = toEpochDay(date) * MS_PER_DAY + (Number(match[1]) * 60 + Number(match[2])) * MS_PER_MINUTE;
  const asSummer = asGreenwich - MS_PER_HOUR;
  return londonOffsetMinutes(asSummer) === 60 ? asSummer : asGreenwich;
}
