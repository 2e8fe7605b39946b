import { z } from 'zod';
import { gradeScale } from '../kit';

export const JUDGEMENTS_SOURCE = 'seed 001 ¶27 (four-point scale), ¶48–49 (report contents: separate sections and grades)';

/**
 * The four-point scale of seed 001 ¶27, 1 to 4. The seed gives the labels only through its evaluation
 * schedules; "adequate" here where seed 000 says "satisfactory" (domain reading §2.5).
 */
const SCALE = gradeScale(['outstanding', 'good', 'adequate', 'inadequate']);
export const SLAC_GRADES = SCALE.labels;
export const slacGrade = SCALE.schema;
export type SlacGrade = z.infer<typeof slacGrade>;

/** Lower is better: outstanding = 1 ... inadequate = 4. */
export const slacGradeRank = SCALE.rank;

/**
 * The graded areas of the safeguarding section, in the order of seed 001 ¶49. "Areas for improvement" is
 * not graded and so is not here. User engagement sits inside leadership and management in this section.
 */
export const safeguardingJudgements = z.strictObject({
  overallEffectiveness: slacGrade,
  capacityForImprovement: slacGrade,
  ambitionAndPrioritisation: slacGrade,
  leadershipAndManagement: slacGrade,
  performanceManagementAndQualityAssurance: slacGrade,
  partnershipWorking: slacGrade,
  contributionOfHealthAgencies: slacGrade,
  qualityOfProvision: slacGrade,
  safeguardingOutcomes: slacGrade,
  equalityAndDiversity: slacGrade,
});

/**
 * The graded areas of the services for looked after children section (seed 001 ¶49). It has no separate
 * partnership or health grade; "How good are outcomes for looked after children and care leavers?" is a
 * heading without a grade, over the five outcome grades.
 */
export const lookedAfterChildrenJudgements = z.strictObject({
  overallEffectiveness: slacGrade,
  capacityForImprovement: slacGrade,
  ambitionAndPrioritisation: slacGrade,
  leadershipAndManagement: slacGrade,
  performanceManagementAndQualityAssurance: slacGrade,
  qualityOfProvision: slacGrade,
  beingHealthy: slacGrade,
  stayingSafe: slacGrade,
  enjoyingAndAchieving: slacGrade,
  makingAPositiveContribution: slacGrade,
  economicWellBeing: slacGrade,
  equalityAndDiversity: slacGrade,
});

/**
 * Both sections of the one report (seed 001 ¶48). Seed 001 states no limiting-judgement rule, so none is
 * enforced (domain reading §2.5).
 */
export const slacJudgements = z.strictObject({
  safeguarding: safeguardingJudgements,
  lookedAfterChildren: lookedAfterChildrenJudgements,
});

export type SafeguardingJudgements = z.infer<typeof safeguardingJudgements>;
export type LookedAfterChildrenJudgements = z.infer<typeof lookedAfterChildrenJudgements>;
export type SlacJudgements = z.infer<typeof slacJudgements>;

/**
 * The headline grade kept in `grade` (read model, publications): the lower of the two overall
 * effectiveness grades. Reading: the seed grades the two sections separately and its only process rule
 * turns on either overall effectiveness being inadequate (¶7), so the headline must show that.
 */
export function headlineGrade(j: SlacJudgements): SlacGrade {
  const a = j.safeguarding.overallEffectiveness;
  const b = j.lookedAfterChildren.overallEffectiveness;
  return slacGradeRank(a) >= slacGradeRank(b) ? a : b;
}
