import { z } from 'zod';
import { gradeScale } from '../kit';

export const JUDGEMENTS_SOURCE = 'seed 000 (children\'s centre inspection, 2011) ¶27, ¶28 (table of judgements)';

/**
 * The framework's four-point scale (seed 000 ¶27): 1 outstanding, 2 good, 3 satisfactory, 4 inadequate.
 * Its own labels, not the later "requires improvement".
 */
const SCALE = gradeScale(['outstanding', 'good', 'satisfactory', 'inadequate']);
export const CHILDRENS_CENTRE_GRADES = SCALE.labels;
export const childrensCentreGrade = SCALE.schema;
export type ChildrensCentreGrade = z.infer<typeof childrensCentreGrade>;

/** The grade's number on the framework's scale: outstanding = 1 ... inadequate = 4. */
export const gradeNumber = SCALE.rank;

/**
 * The judgement areas in the order of the table after seed 000 ¶28. The recommendations ("what does the
 * centre need to do to improve further?") are text in the report, not a graded judgement.
 * The seed states no limiting judgements (the grade descriptors are in evaluation schedule 100005, not
 * held here), so none are encoded (domain reading E18).
 */
export const childrensCentreJudgements = z.strictObject({
  /** The effectiveness of the centre in meeting the needs of and improving outcomes for families. */
  overallEffectiveness: childrensCentreGrade,
  /** The centre's capacity for sustained improvement. */
  capacityForSustainedImprovement: childrensCentreGrade,
  /** How good are outcomes for users? */
  outcomes: z.strictObject({
    healthy: childrensCentreGrade,
    safeAndProtected: childrensCentreGrade,
    enjoyAndAchieve: childrensCentreGrade,
    positiveBehaviourAndContribution: childrensCentreGrade,
    skillsForTheFutureAndEconomicStability: childrensCentreGrade,
  }),
  /** How good is the provision? */
  provision: z.strictObject({
    rangeOfServicesMeetsNeeds: childrensCentreGrade,
    purposefulLearningDevelopmentAndEnjoyment: childrensCentreGrade,
    careGuidanceAndSupport: childrensCentreGrade,
  }),
  /** How effective are the leadership and management? */
  leadershipAndManagement: z.strictObject({
    governanceAccountabilityAndManagement: childrensCentreGrade,
    evaluationAndAmbitiousTargets: childrensCentreGrade,
    useOfResources: childrensCentreGrade,
    equalityAndDiversity: childrensCentreGrade,
    safeguarding: childrensCentreGrade,
    partnerships: childrensCentreGrade,
    engagingFamiliesInTheReachArea: childrensCentreGrade,
  }),
});

export type ChildrensCentreJudgements = z.infer<typeof childrensCentreJudgements>;

/** Every grade given, headline and per area. */
export function allGrades(j: ChildrensCentreJudgements): ChildrensCentreGrade[] {
  return [
    j.overallEffectiveness,
    j.capacityForSustainedImprovement,
    ...Object.values(j.outcomes),
    ...Object.values(j.provision),
    ...Object.values(j.leadershipAndManagement),
  ];
}

/**
 * "Unless the centre receives an inadequate judgement" (seed 000 ¶65). Reading (domain E2): any
 * judgement graded inadequate, headline or area, since the seed says "an inadequate judgement", not
 * "inadequate overall".
 */
export function hasInadequateJudgement(j: ChildrensCentreJudgements): boolean {
  return allGrades(j).includes('inadequate');
}

/** Every judgement at one grade: handy for tests and demos. */
export function uniformJudgements(grade: ChildrensCentreGrade): ChildrensCentreJudgements {
  return {
    overallEffectiveness: grade,
    capacityForSustainedImprovement: grade,
    outcomes: {
      healthy: grade,
      safeAndProtected: grade,
      enjoyAndAchieve: grade,
      positiveBehaviourAndContribution: grade,
      skillsForTheFutureAndEconomicStability: grade,
    },
    provision: {
      rangeOfServicesMeetsNeeds: grade,
      purposefulLearningDevelopmentAndEnjoyment: grade,
      careGuidanceAndSupport: grade,
    },
    leadershipAndManagement: {
      governanceAccountabilityAndManagement: grade,
      evaluationAndAmbitiousTargets: grade,
      useOfResources: grade,
      equalityAndDiversity: grade,
      safeguarding: grade,
      partnerships: grade,
      engagingFamiliesInTheReachArea: grade,
    },
  };
}
