import type { ClockSpec } from './definition';

const UNIT_WORDS: Record<ClockSpec['unit'], [string, string]> = {
  workingDays: ['working day', 'working days'],
  calendarDays: ['calendar day', 'calendar days'],
  months: ['month', 'months'],
  years: ['year', 'years'],
  hours: ['clock hour', 'clock hours'],
};

/**
 * What a clock counts, in words made from its numbers (so it cannot say 18 while the clock counts 17): shown beside the
 * seed's own words (`rule`), which may count differently (the arrival day as day 1...), as its `reading` then says.
 */
export function clockCounts(clock: Pick<ClockSpec, 'length' | 'unit' | 'anchor' | 'extendedBy'>): string {
  const [one, many] = UNIT_WORDS[clock.unit];
  const extended = clock.extendedBy?.length ? `, and the working days held in ${clock.extendedBy.join(', ')}` : '';
  return `${clock.length} ${clock.length === 1 ? one : many} from ${clock.anchor}${extended}`;
}
