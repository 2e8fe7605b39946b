import { z } from 'zod';
import { EDUCATION_SCALE } from '../kit';

/**
 * Full-inspection grades. The page names "the grades awarded for each judgement required", overall effectiveness and
 * leadership and management (seed 003 FES §"Providing feedback"); the other judgements of the full handbook are [ext].
 */
export const fesJudgements = z.strictObject({
  overallEffectiveness: EDUCATION_SCALE.schema,
  leadershipAndManagement: EDUCATION_SCALE.schema,
});

/** What the lead inspector states at the end of a short inspection (seed 003 FES §"Feedback at the end of a short inspection"). */
export const SHORT_INSPECTION_OUTCOMES = ['remains_good_or_outstanding', 'may_no_longer_be_good_or_outstanding', 'improvement_shown'] as const;
export const shortInspectionOutcome = z.enum(SHORT_INSPECTION_OUTCOMES);

/** The two outcomes that extend a short inspection into a full one. */
export const convertsToFull = (outcome: unknown) => outcome === 'may_no_longer_be_good_or_outstanding' || outcome === 'improvement_shown';

export const FES_KINDS = ['full', 'short', 'monitoring'] as const;
