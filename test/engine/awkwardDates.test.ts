import { addCalendarDays, isBankHoliday, isoWeekday } from '../../calendar';
import type { InspectionView } from '../../engine';
import { getDefinition } from '../../machines/registry';
import { type Lifecycle, LIFECYCLES, runOnTheDay } from '../support/lifecycles';

/**
 * The lifecycles the workflow tests run, driven through the engine as if begun on dates a time-skipping server cannot
 * reach (its clock only moves forward; `npm run test:dates` covers the dates ahead): the one-off bank holidays of
 * 2020, 2022 and 2023, a Christmas whose holidays fall at a weekend, Easter and a leap day (test/support/lifecycles.ts).
 * Steps are taken on the last day their clock allows and windows left to close by themselves, so a due date one working
 * day too early shows as a breach and one too late as a window that never closes. Every working-day due date is also
 * counted afresh, one day at a time.
 */
const AWKWARD_STARTS = [
  ['2020-05-06', 'two days before the early May bank holiday moved to Friday 8 May 2020 (VE day)'],
  ['2022-05-31', 'before the spring bank holiday moved to Thursday 2 June 2022 and the Platinum Jubilee on Friday 3 June'],
  ['2022-09-15', 'before the state funeral of Queen Elizabeth II, Monday 19 September 2022'],
  ['2023-05-04', 'before the coronation of King Charles III, Monday 8 May 2023'],
  ['2022-12-21', 'before a Christmas on a Sunday, with substitute days on 26 and 27 December 2022'],
  ['2024-03-27', 'before Good Friday 29 March 2024'],
  ['2024-02-27', 'two days before the leap day 29 February 2024'],
] as const;

/** The working day `n` working days after `anchor`, counted one day at a time. */
function countWorkingDays(anchor: string, n: number): string {
  let day = anchor;
  for (let left = n; left > 0; ) {
    day = addCalendarDays(day, 1);
    if (isoWeekday(day) <= 5 && !isBankHoliday(day)) left--;
  }
  return day;
}

function checkWorkingDayDeadlines(lifecycle: Lifecycle, view: InspectionView) {
  const definition = getDefinition(lifecycle.type, lifecycle.version, lifecycle.machineRevision);
  for (const deadline of view.deadlines) {
    const spec = definition.clocks.find((c) => c.id === deadline.clock)!;
    if (spec.unit !== 'workingDays' || spec.extendedBy?.some((f) => Number(view.facts[f] ?? 0) > 0)) continue;
    expect([deadline.clock, deadline.due]).toEqual([deadline.clock, countWorkingDays(view.facts[spec.anchor] as string, spec.length)]);
  }
}

describe.each(AWKWARD_STARTS)('begun on %s (%s)', (startOn) => {
  it.each(LIFECYCLES.map((l) => [l.name, l] as const))('%s: each step on its last day is on time, each window closes on its day', (_name, lifecycle) => {
    const { view } = runOnTheDay(lifecycle, startOn, (each) => checkWorkingDayDeadlines(lifecycle, each));
    expect(view.breaches.map((b) => b.clock)).toEqual(lifecycle.late ?? []);
    expect(view.status).toBe(lifecycle.ends);
  });
});
