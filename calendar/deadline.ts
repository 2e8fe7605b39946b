import { assertWholeNumber } from './assertions';
import { addCalendarDays, addCalendarMonths, addCalendarYears } from './calendarArithmetic';
import type { IsoDate } from './isoDate';
import { endOfLondonDay } from './london';
import { addWorkingDays } from './workingDays';

/** The units the frameworks' time rules are stated in (docs/ARCHITECTURE.md §4); hours are clock time, not here. */
export type DeadlineUnit = 'workingDays' | 'calendarDays' | 'months' | 'years';

export const DEADLINE_UNITS: readonly DeadlineUnit[] = Object.freeze(['workingDays', 'calendarDays', 'months', 'years']);

export function isDeadlineUnit(value: unknown): value is DeadlineUnit {
  return typeof value === 'string' && (DEADLINE_UNITS as readonly string[]).includes(value);
}

/** The last day of a period of `length` units counted from `anchor` (day 0). */
export function deadline(anchor: IsoDate, length: number, unit: DeadlineUnit): IsoDate {
  assertWholeNumber(length, 'length');
  switch (unit) {
    case 'workingDays':
      return addWorkingDays(anchor, length);
    case 'calendarDays':
      return addCalendarDays(anchor, length);
    case 'months':
      return addCalendarMonths(anchor, length);
    case 'years':
      return addCalendarYears(anchor, length);
    default: {
      const unknown: never = unit;
      throw new RangeError(`Unknown deadline unit: ${JSON.stringify(unknown)}`);
    }
  }
}

/** Epoch ms at which that deadline falls due: the end of its last day in Europe/London. */
export function deadlineDueAt(anchor: IsoDate, length: number, unit: DeadlineUnit): number {
  return endOfLondonDay(deadline(anchor, length, unit));
}
