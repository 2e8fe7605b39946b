import { z } from 'zod';

/**
 * The inspection outcome and any areas of significant concern (seed 003 ASEND §"The feedback meeting": "the
 * inspection outcome and the resulting time frame for the next inspection activity"; areas of significant concern
 * "will result in further monitoring and the requirement for a priority action plan"). The page names no outcome
 * categories: the three are [bg] from the 2023 area SEND framework (reading §2.3), shortened.
 */
export const AREA_SEND_OUTCOMES = ['typically_positive', 'inconsistent', 'widespread_or_systemic_failings'] as const;

export const areaSendOutcome = z.strictObject({
  outcome: z.enum(AREA_SEND_OUTCOMES),
  areasOfSignificantConcern: z.boolean().describe('further monitoring and a priority action plan are required'),
});
