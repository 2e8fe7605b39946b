import { z } from 'zod';
import { EDUCATION_SCALE } from '../kit';

/**
 * Provisional grades for each key judgement and for overall effectiveness; safeguarding effective or not; ISS
 * paragraph 7 (safeguarding) met or not (seed 003 IND §"Providing feedback", §"Minor safeguarding improvements";
 * reading §1, §6.1). The four key judgements are [bg] from the full independent schools handbook.
 */
const grade = EDUCATION_SCALE.schema;
export const independentSchoolJudgements = z.strictObject({
  overallEffectiveness: grade,
  qualityOfEducation: grade,
  behaviourAndAttitudes: grade,
  personalDevelopment: grade,
  leadershipAndManagement: grade,
  safeguardingEffective: z.boolean(),
  issParagraph7Met: z.boolean(),
});
