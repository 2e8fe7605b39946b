import { z } from 'zod';
import { note } from '../kit';

/**
 * No graded judgements: which standards for online education the provider meets and which (if any) it fails to meet
 * (seed 003 OLP §"Overview", §"Providing feedback"). An empty list: every standard met.
 */
export const standardsJudgement = z.strictObject({
  standardsNotMet: z.array(note).max(50).describe('the standards the provider fails to meet; empty when all are met'),
  recommendations: z.array(note).max(50).optional(),
});

/** The public outcome: the DfE decides accreditation on it, after publication. */
export const standardsOutcome = (j: Record<string, unknown> | null) =>
  j ? ((j.standardsNotMet as unknown[]).length === 0 ? 'standards_met' : 'standards_not_met') : null;

export const OLP_KINDS = ['accreditation', 'additional'] as const;
