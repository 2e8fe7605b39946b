import { z } from 'zod';

/**
 * The outcome of a Childcare Register compliance inspection: the requirements for ongoing registration met, not met
 * with actions, or not met with enforcement (seed 003 CRCI §"During the inspection", §"Outcome: not met – actions";
 * reading §1, §6.1). Not a graded judgement: the outcome is the public result.
 */
export const CRCI_OUTCOMES = ['met', 'not_met_actions', 'not_met_enforcement'] as const;

export const crciOutcome = z.strictObject({ outcome: z.enum(CRCI_OUTCOMES) });
