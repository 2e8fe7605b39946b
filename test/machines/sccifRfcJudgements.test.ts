import { SCCIF_GRADES, gradeRank } from '../../machines/kit';
import { rfcJudgements } from '../../machines/sccif-rfc/judgements';

/**
 * Every combination of the three 2024 judgements against the limiting rules, written here independently of
 * the schema (seed 002 §"How inspectors make judgements under the SCCIF"): help and protection inadequate →
 * overall inadequate; leadership inadequate → overall no better than requires improvement.
 */
const combinations = SCCIF_GRADES.flatMap((overall) =>
  SCCIF_GRADES.flatMap((help) => SCCIF_GRADES.map((leadership) => [overall, help, leadership] as const)),
);

describe('SCCIF 2024 limiting judgements: all 64 combinations', () => {
  it.each(combinations)('overall %s, help and protection %s, leadership %s', (overall, help, leadership) => {
    const allowed =
      (help !== 'inadequate' || overall === 'inadequate') && (leadership !== 'inadequate' || gradeRank(overall) >= gradeRank('requires_improvement'));
    const parsed = rfcJudgements.safeParse({ overallExperiencesAndProgress: overall, helpAndProtection: help, leadershipAndManagement: leadership });
    expect(parsed.success).toBe(allowed);
    if (!parsed.success) expect(parsed.error.issues[0]!.message).toMatch(/limiting judgement|cannot be better than requires improvement/);
  });

  it('accepts some and refuses some', () => {
    const accepted = combinations.filter(([o, h, l]) => rfcJudgements.safeParse({ overallExperiencesAndProgress: o, helpAndProtection: h, leadershipAndManagement: l }).success);
    // refused: 12 with help inadequate and overall not (3 × 4); 6 more with leadership inadequate, overall good or better, help not inadequate (2 × 3)
    expect(accepted.length).toBe(64 - 12 - 6);
  });
});
