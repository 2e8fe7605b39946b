import { z } from 'zod';
import { gradeScale } from '../kit';

export const JUDGEMENTS_SOURCE_2014 = 'seed 004 (residential family centres, 2014) ¶23, ¶32–34';

/**
 * The 2014 framework's four-point scale, in its own words (seed 004 ¶23): outstanding, good, requires
 * improvement, inadequate. The same labels as the SCCIF's, but the framework's own scale, so that a change to
 * one never changes the other.
 */
export const RFC_2014_SCALE = gradeScale(['outstanding', 'good', 'requires_improvement', 'inadequate']);
export const rfc2014Grade = RFC_2014_SCALE.schema;
export type Rfc2014Grade = z.infer<typeof rfc2014Grade>;

/** Messages shown when a recorded set breaks a limiting rule (seed 004 ¶32–33). */
export const LIMITING_MESSAGES = {
  helpAndProtection:
    "how well children and parents are helped and protected is inadequate, so the overall experiences of children and parents must be inadequate (limiting judgement, seed 004 ¶32)",
  leadershipAndManagement:
    "the effectiveness of leaders and managers is inadequate, so the overall experiences of children and parents cannot be better than requires improvement (limiting judgement, seed 004 ¶33)",
  workingWithPartners:
    "working with partners to improve outcomes is inadequate, so the overall experiences of children and parents cannot be better than requires improvement (limiting judgement, seed 004 ¶33)",
} as const;

/**
 * The five judgements of a 2014 full inspection (seed 004 ¶34, report headings ¶62): the overall experiences
 * of children and parents, taking into account the four others. Two rules cap the overall judgement:
 * - ¶32: help and protection inadequate → overall "will always be inadequate";
 * - ¶33: leaders and managers, or working with partners, inadequate → overall "likely" inadequate and "always
 *   no more than requires improvement". Only the "always" part is enforced; "likely" is the inspector's
 *   weighing of the impact (¶33's last sentence), so requires improvement stays allowed.
 * Quality of assessment caps nothing: seed 004 states no limiting rule for it (domain reading E8).
 */
export const rfc2014Judgements = z
  .strictObject({
    overallExperiences: rfc2014Grade,
    qualityOfAssessment: rfc2014Grade,
    helpAndProtection: rfc2014Grade,
    leadershipAndManagement: rfc2014Grade,
    workingWithPartners: rfc2014Grade,
  })
  .superRefine((j, ctx) => {
    const overall = RFC_2014_SCALE.rank(j.overallExperiences);
    if (j.helpAndProtection === 'inadequate' && j.overallExperiences !== 'inadequate') {
      ctx.addIssue({ code: 'custom', path: ['overallExperiences'], message: LIMITING_MESSAGES.helpAndProtection });
    }
    for (const area of ['leadershipAndManagement', 'workingWithPartners'] as const) {
      if (j[area] === 'inadequate' && overall < RFC_2014_SCALE.rank('requires_improvement')) {
        ctx.addIssue({ code: 'custom', path: ['overallExperiences'], message: LIMITING_MESSAGES[area] });
      }
    }
  });

export type Rfc2014Judgements = z.infer<typeof rfc2014Judgements>;
