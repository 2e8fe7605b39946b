import { z } from 'zod';
import { EDUCATION_SCALE } from '../kit';

/**
 * ITE grades: the page names "quality of education and training" and the requires improvement and inadequate grades
 * (seed 003 ITE §"Engaging with the provider's representative, leaders and managers"; reading §6.1); overall
 * effectiveness and leadership and management, and the two better grades, are [bg] from the ITE framework.
 */
export const iteJudgements = z.strictObject({
  overallEffectiveness: EDUCATION_SCALE.schema,
  qualityOfEducationAndTraining: EDUCATION_SCALE.schema,
  leadershipAndManagement: EDUCATION_SCALE.schema,
});
