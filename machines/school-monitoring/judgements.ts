import { z } from 'zod';
import { EDUCATION_SCALE } from '../kit';

/** The kinds of monitoring inspection (seed 003 SMH §"Ofsted's monitoring policy"; reading §2.16). */
export const MONITORING_KINDS = ['routine', 'special_measures', 'serious_weaknesses', 'early_safeguarding'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

/** Only these may be deemed a graded (section 5) inspection (SMH §"Deeming of monitoring inspections …"). */
export const DEEMABLE_KINDS: readonly MonitoringKind[] = ['serious_weaknesses', 'early_safeguarding'];

/**
 * The monitoring judgement, and the graded judgement when the inspection is deemed graded. Whether leaders are taking
 * effective action is the s8 monitoring judgement [bg: full handbook]; the page says only that judgements are
 * provisional and that a deemed inspection "may change the OE grade".
 */
export const monitoringJudgements = z.strictObject({
  leadersTakingEffectiveAction: z.boolean(),
  deemedGraded: z
    .strictObject({ overallEffectiveness: EDUCATION_SCALE.schema, safeguardingEffective: z.boolean() })
    .optional()
    .describe('only for serious weaknesses and the early monitoring after a safeguarding-only inadequate'),
});
export type MonitoringJudgements = z.infer<typeof monitoringJudgements>;
