import { addCalendarDays, addCalendarYears } from '../../calendar';
import type { SlacGrade } from './judgements';

/** When a local authority's next inspection of safeguarding and looked after children services is due, and by which rule. */
export interface NextInspectionDue {
  by: string;
  rule: string;
  source: string;
  reading: string;
  /** Set after an inadequate overall effectiveness: the seed allows a further inspection sooner, with no period. */
  furtherInspectionMayFollow?: string;
}

const SEED = 'seed 001 (inspections of safeguarding and looked after children services, 2010)';
const PROGRAMME_START = '2009-04-01';

/** The first day of the three-year period, counted from 1 April 2009, that `date` falls in (earlier dates: the first). */
export function programmePeriodStart(date: string): string {
  let start = PROGRAMME_START;
  while (addCalendarYears(start, 3) <= date) start = addCalendarYears(start, 3);
  return start;
}

/**
 * The next inspection after one that ended on `endedOn` (seed 001 ¶7). Pure: a date and the headline grade in, a
 * due date out.
 */
export function nextInspectionDue(endedOn: string, headline: SlacGrade): NextInspectionDue {
  const nextPeriodStart = addCalendarYears(programmePeriodStart(endedOn), 3);
  return {
    by: addCalendarDays(addCalendarYears(nextPeriodStart, 3), -1),
    rule: 'All local authority areas will have at least one inspection of safeguarding and looked after children services in the three-year period following 1 April 2009',
    source: `${SEED} ¶7`,
    reading:
      'The seed states the first three-year period only; the programme is read as going on in three-year periods from 1 April 2009, with at least one inspection in each: the next is due by the end of the period after the one the last inspection ended in.',
    ...(headline === 'inadequate' && {
      furtherInspectionMayFollow: `Overall effectiveness judged inadequate: "a further inspection may follow" (${SEED} ¶7), at a time the seed does not give, and it may be a separate inspection of safeguarding or of looked after children (¶15).`,
    }),
  };
}
