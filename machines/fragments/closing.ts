import { deadline } from '../../calendar';
import type { Fragment } from './fragment';
import { update } from './update';

export interface ClosingParams {
  /** The outcome that becomes the public grade, from the judgements (or null where there is none). */
  gradeOf: (judgements: Record<string, unknown> | null) => string | null;
  /** The remit's next inspection, where the handbook sets it ("within 36 months of the previous inspection"). */
  nextInspection?: { months: number; source: string };
}

/**
 * The end: `published`, final, with the grade and, where the remit sets one, the date the next inspection is due by
 * (reading §2.1 step 13: follow-up depends on the remit; the type adds its own follow-up states before this one).
 */
export function closing(p: ClosingParams): Fragment {
  return {
    context: { grade: null, nextInspectionDueBy: null },
    states: {
      published: {
        meta: { status: 'published' },
        type: 'final',
        entry: closingFacts(p),
      },
    },
  };
}

/** The facts the end sets (grade, next inspection due by), also set where a report is published before the end. */
export function closingFacts(p: ClosingParams) {
  return update((c) => ({
    grade: p.gradeOf(c.judgements as Record<string, unknown> | null),
    nextInspectionDueBy: p.nextInspection && c.feedbackDate ? deadline(c.feedbackDate as string, p.nextInspection.months, 'months') : null,
  }));
}
