import { z } from 'zod';
import { gradeRank, sccifGrade } from '../kit';

export const JUDGEMENTS_SOURCE = 'seed 002 §"How inspectors make judgements under the SCCIF", §"Evaluation criteria"';

/**
 * The three RFC judgements. The overall one is reached last, taking the other two into account, and two
 * rules cap it (seed 002 §"How inspectors make judgements under the SCCIF"):
 * - help and protection is the limiting judgement: if it is inadequate, overall is inadequate;
 * - leadership is graded: if it is inadequate, overall is never better than requires improvement.
 */
export const rfcJudgements = z
  .strictObject({
    overallExperiencesAndProgress: sccifGrade,
    helpAndProtection: sccifGrade,
    leadershipAndManagement: sccifGrade,
  })
  .superRefine((j, ctx) => {
    if (j.helpAndProtection === 'inadequate' && j.overallExperiencesAndProgress !== 'inadequate') {
      ctx.addIssue({
        code: 'custom',
        path: ['overallExperiencesAndProgress'],
        message:
          'help and protection is inadequate, so overall experiences and progress must be inadequate (limiting judgement)',
      });
    }
    if (
      j.leadershipAndManagement === 'inadequate' &&
      gradeRank(j.overallExperiencesAndProgress) < gradeRank('requires_improvement')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['overallExperiencesAndProgress'],
        message:
          'leadership and management is inadequate, so overall experiences and progress cannot be better than requires improvement',
      });
    }
  });

export type RfcJudgements = z.infer<typeof rfcJudgements>;
