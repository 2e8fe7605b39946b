import { z } from 'zod';
import { EDUCATION_SCALE } from '../kit';

/**
 * A full inspection is graded (the page names requires improvement and inadequate, seed 003 ECF §"Engaging with the
 * lead provider representative(s)"; reading §6.1); the overall grade is [bg] from the full ECF/NPQ framework.
 */
export const fullInspectionJudgements = z.strictObject({ overallEffectiveness: EDUCATION_SCALE.schema });

/** An LPMV judges whether leaders and managers are taking effective action to ensure high-quality delivery. */
export const lpmvJudgement = z.strictObject({ leadersTakingEffectiveAction: z.boolean() });

/** Either, for a change at QA or moderation; the change must fit the kind (checked by the machine). */
export const ecfJudgements = z.union([fullInspectionJudgements, lpmvJudgement]);

export const ECF_KINDS = ['full', 'monitoring'] as const;

/** The public outcome: the grade of a full inspection, or the LPMV letter's judgement. */
export function ecfOutcome(j: Record<string, unknown> | null): string | null {
  if (!j) return null;
  if (typeof j.overallEffectiveness === 'string') return j.overallEffectiveness;
  return j.leadersTakingEffectiveAction ? 'taking_effective_action' : 'not_taking_effective_action';
}
