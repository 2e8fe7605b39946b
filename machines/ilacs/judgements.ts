import { z } from 'zod';
import { SCCIF_SCALE } from '../kit';

/** The kinds of ILACS activity (seed 003 ILACS §"Feedback at the end of the inspection/visit": "short and standard inspections", "inspection/visit"). */
export const ILACS_KINDS = ['standard', 'short', 'focused_visit', 'monitoring_visit'] as const;

/** Short and standard inspections make provisional judgements; visits give findings in a letter (reading §2.13, §6.1). */
export const ILACS_INSPECTIONS: readonly string[] = ['standard', 'short'];

/**
 * The judgements of a short or standard inspection. The page says only "provisional judgements"; the judgement areas
 * and the four-point social care scale are [bg] from the ILACS framework (reading §6.1).
 */
export const ilacsJudgements = z.strictObject({
  overallEffectiveness: SCCIF_SCALE.schema,
  impactOfLeaders: SCCIF_SCALE.schema,
  helpAndProtection: SCCIF_SCALE.schema,
  childrenInCare: SCCIF_SCALE.schema,
  careLeavers: SCCIF_SCALE.schema,
});
