import { z } from 'zod';
import { SCCIF_SCALE } from '../kit';

/** An inspection of Cafcass, or a visit (seed 003 CAF §"Feedback at the end of the inspection/visit"). */
export const CAFCASS_KINDS = ['inspection', 'visit'] as const;

/**
 * An inspection's judgements. The page says "findings and/or judgements" and names good and outstanding; the judgement
 * areas and the four-point scale are [bg] from the Cafcass framework (reading §6.1).
 */
export const cafcassJudgements = z.strictObject({
  overallEffectiveness: SCCIF_SCALE.schema,
  experiencesAndProgressOfChildren: SCCIF_SCALE.schema,
  impactOfLeaders: SCCIF_SCALE.schema,
});
