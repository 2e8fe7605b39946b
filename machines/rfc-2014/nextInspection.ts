import { addCalendarDays, addCalendarMonths, addCalendarYears } from '../../calendar';
import { src004 } from './source';
import type { Rfc2014Grade } from './judgements';

/** When a residential family centre's next full inspection is due under the 2014 framework, and by which rule. */
export interface NextInspectionDue {
  by: string;
  rule: string;
  source: string;
  reading: string;
}

const FROM_THE_END =
  'Counted from the end of the inspection, the day of the oral feedback, as every other clock of the framework is (¶67).';

/**
 * The next full inspection after one that ended on `endedOn` with `overallExperiences` (seed 004 ¶10, ¶12, ¶13, ¶45).
 * Pure: dates in, a date out.
 */
export function nextInspectionDue(endedOn: string, overallExperiences: Rfc2014Grade): NextInspectionDue {
  if (overallExperiences === 'inadequate') {
    return {
      by: addCalendarMonths(endedOn, 12),
      rule: 'When Ofsted judges a residential family centre to be inadequate for overall experiences of children and parents, the next inspection will normally take place within 12 months',
      source: src004(12, 45),
      reading: FROM_THE_END,
    };
  }
  return {
    by: addCalendarDays(addCalendarYears(endedOn, 3), -1),
    rule: 'All residential family centres must have at least one inspection during each three-year inspection cycle; a full inspection is carried out at least once during each cycle',
    source: src004(10, 13),
    reading: `The seed does not say when a cycle starts (its frequency is set in regulations it only names). Read as: no centre goes longer than one cycle without a full inspection, so the next is due by the day before the third anniversary of the last one's end. ${FROM_THE_END}`,
  };
}
