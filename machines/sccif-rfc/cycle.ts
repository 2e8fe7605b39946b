import { addCalendarDays, addCalendarMonths, addCalendarYears } from '../../calendar';
import type { SccifGrade } from '../kit';
import { SEED_002, src002 } from './source';

/**
 * When a residential family centre's next full inspection falls due (seed 002 §"Frequency of inspection",
 * §"Scheduling"; reading: the structured reading of seed 002 §3 T1–T5 and §3.3). Pure: dates in, dates out.
 */
export interface InspectionWindow {
  /** The first day the inspection should happen (the scheduler starts it then). */
  opens: string;
  /** The last day it is due by. */
  dueBy: string;
  rule: string;
  source: string;
  reading?: string;
}

export interface LastFullInspection {
  /** The end of the inspection: the feedback day (seed 002 §"End of the inspection and feedback"). */
  endedOn: string;
  grade: SccifGrade;
}

const ANCHOR_READING =
  'The seed does not say which date of "the previous inspection" anchors the window; the end of the inspection (the feedback day) is used, as for every other post-inspection clock (domain reading §7.3).';

/** The 1 April strictly after a date: an inspection on 31 March 2022 starts a cycle on 1 April 2022, one on 1 April 2022 on 1 April 2023. */
export function cycleStartAfter(date: string): string {
  const year = Number(date.slice(0, 4));
  return date < `${year}-04-01` ? `${year}-04-01` : `${year + 1}-04-01`;
}

export function nextFullInspectionWindow(registeredOn: string, last: LastFullInspection | null): InspectionWindow {
  if (last === null) {
    return {
      opens: registeredOn,
      dueBy: addCalendarMonths(registeredOn, 12),
      rule: 'A new centre is generally inspected within 12 months of registration',
      source: `${SEED_002} §"Scheduling"`,
    };
  }
  switch (last.grade) {
    case 'inadequate':
      return {
        opens: addCalendarMonths(last.endedOn, 6),
        dueBy: addCalendarMonths(last.endedOn, 12),
        rule: 'A centre judged inadequate is usually reinspected within 6 to 12 months of its previous inspection',
        source: `${SEED_002} §"Frequency of inspection"`,
        reading: ANCHOR_READING,
      };
    case 'requires_improvement':
      return {
        opens: addCalendarMonths(last.endedOn, 12),
        dueBy: addCalendarMonths(last.endedOn, 18),
        rule: 'A centre that requires improvement is usually reinspected within 12 to 18 months',
        source: `${SEED_002} §"Frequency of inspection"`,
        reading: ANCHOR_READING,
      };
    default: {
      const cycleStart = cycleStartAfter(last.endedOn);
      return {
        opens: cycleStart,
        dueBy: addCalendarDays(addCalendarYears(cycleStart, 3), -1),
        rule: 'At least one full inspection in each rolling 3-year cycle, which begins on the 1 April after the last inspection',
        source: `${SEED_002} §"Frequency of inspection"`,
        reading:
          'The cycle runs from the 1 April strictly after the end of the inspection to the day before the third anniversary of that 1 April (domain reading §3.3); the inspection is scheduled from the start of the cycle.',
      };
    }
  }
}

/**
 * The window once the inspection is brought forward (seed 002 §"Subsequent inspection activity": "an inspection visit
 * takes place sooner if any further significant concerns arise"; §"Residential family centres with no registered
 * manager": "bringing the date of the inspection forward"). It opens on the day it is brought forward and is due by
 * the day the manager gives, by default that same day: inspect now.
 */
export function broughtForwardWindow(current: InspectionWindow, on: string, reason: string, by: string = on): InspectionWindow {
  return {
    opens: on,
    dueBy: by,
    rule: `Brought forward on ${on}: ${reason}`,
    source: `${SEED_002} §"Subsequent inspection activity"; §"Residential family centres with no registered manager"`,
    reading: `The seed sets no period for an inspection brought forward: it is due by the day the manager gives, else the day it is brought forward, in place of ${current.dueBy} (${current.rule}).`,
  };
}

/** The next full inspection's window: by the seed's rules, or by the date a case review decided. */
export function nextWindow(registeredOn: string, last: LastFullInspection | null, decidedBy: string | null | undefined): InspectionWindow {
  const byRule = nextFullInspectionWindow(registeredOn, last);
  if (!decidedBy) return byRule;
  return {
    opens: byRule.opens < decidedBy ? byRule.opens : decidedBy,
    dueBy: decidedBy,
    rule: 'The next full inspection by the date the case review decided',
    source: src002('Post-inspection debrief and case reviews'),
    reading: `The case review decides the date (usually within 6 to 12 months); the window opens as the seed's rule would (${byRule.rule}) unless the decided date is earlier.`,
  };
}
