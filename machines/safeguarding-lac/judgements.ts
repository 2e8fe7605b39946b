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
 * The headline grade kept in `grade` (read model, publications): the lower of the overall effectiveness grades of the
 * sections inspected (both, or the one of a separate inspection). Reading: the seed grades the sections separately and
 * its only process rule turns on either overall effectiveness being inadequate (¶7), so the headline must show that.
 */
export function headlineGrade(j: Partial<SlacJudgements>): SlacGrade {
  const grades = [j.safeguarding?.overallEffectiveness, j.lookedAfterChildren?.overallEffectiveness].filter((g): g is SlacGrade => g !== undefined);
  return grades.reduce((worst, g) => (slacGradeRank(g) > slacGradeRank(worst) ? g : worst));
}

/** Which services an inspection covers: nearly always both, together; exceptionally one of them (seed 001 ¶15). */
export const SLAC_SCOPES = ['both', 'safeguarding', 'looked_after_children'] as const;
export type SlacScope = (typeof SLAC_SCOPES)[number];

/** The sections of the report (and of the judgements and case samples) an inspection of `scope` has. */
export function sectionsOf(scope: SlacScope): ReadonlyArray<keyof SlacJudgements> {
  return scope === 'both' ? ['safeguarding', 'lookedAfterChildren'] : scope === 'safeguarding' ? ['safeguarding'] : ['lookedAfterChildren'];
}
