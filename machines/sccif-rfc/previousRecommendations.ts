import { z } from 'zod';
import { isoDate, note } from '../kit';
import { type RecommendationMade, recommendationKey } from './feedbackFindings';

/**
 * The recommendations made at a centre's previous full inspection, passed to the next one, where they are checked and
 * possibly turned into requirements (seed 002 §"Recommendations": "If the centre has not acted on recommendations made
 * at a previous inspection, the inspector … may impose a requirement"; reading §2.4.2). Each is tracked as its own
 * workflow (`sccif-rfc-recommendation`), on which the inspector records the check; the next inspection shows which
 * they are and where.
 */
export const previousRecommendation = z.strictObject({
  recommendationId: z.string().trim().min(1).max(200),
  standard: note,
  madeOn: isoDate,
  /** The recommendation's own workflow, where RECOMMENDATION_CHECKED is recorded. */
  trackedAs: z.string().trim().min(1).max(300),
});
export type PreviousRecommendation = z.infer<typeof previousRecommendation>;

/** What a full inspection that ended leaves for the next one: every recommendation made at its feedback (none before v2). */
export function recommendationsToCheckNext(inspectionId: string, facts: Record<string, unknown> | undefined): PreviousRecommendation[] {
  const made = (facts?.recommendations as RecommendationMade[] | undefined) ?? [];
  const madeOn = facts?.feedbackDate as string | null | undefined;
  if (!madeOn) return [];
  return made.map((r, n) => ({ recommendationId: r.recommendationId, standard: r.standard, madeOn, trackedAs: `${inspectionId}-${recommendationKey(n)}` }));
}
