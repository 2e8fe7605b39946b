import { z } from 'zod';
import { note } from '../kit';

/**
 * Not graded: judgements about compliance with the independent school standards (seed 003 AIIS §"Gathering and
 * recording evidence", §"Providing feedback"; reading §1). An empty list: every standard checked is met.
 */
export const complianceJudgement = z.strictObject({
  standardsNotMet: z.array(note).max(100).describe('the independent school standards not met; empty when all are met'),
});

export const complianceOutcome = (j: Record<string, unknown> | null) =>
  j ? ((j.standardsNotMet as unknown[]).length === 0 ? 'standards_met' : 'standards_not_met') : null;

export const AIIS_KINDS = ['pre_registration', 'material_change'] as const;
