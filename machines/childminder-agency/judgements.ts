import { z } from 'zod';
import { gradeScale } from '../kit';

/**
 * The agency's grades: provisional at feedback, "ineffective" among them (seed 003 CMA §"Start of the inspection";
 * reading §6.1). The other three labels are [bg] from the childminder agency guidance.
 */
export const AGENCY_SCALE = gradeScale(['outstanding', 'good', 'requires_improvement', 'ineffective']);

export const agencyJudgements = z.strictObject({ overallEffectiveness: AGENCY_SCALE.schema });
