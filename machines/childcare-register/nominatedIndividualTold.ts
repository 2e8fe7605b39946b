import { z } from 'zod';
import { payload } from '../kit';
import { BEFORE_DRAFT, type Fragment, type FragmentGuard, update } from '../fragments';

/**
 * "Not met – actions": a group provider's nominated individual (NI) who was not at the feedback meeting is told the
 * outcome (seed 003 CRCI §"Outcome: not met – actions", written twice on the page: one rule, reading §7 E35). The page
 * gives no deadline: the next working day after feedback, as a target (reading §7 E31). The clock runs only when the
 * outcome is "not met – actions" and the NI was absent, while the report is still to be drafted.
 */
export function nominatedIndividualTold(source: string, choice: string): Fragment {
  const toBeTold: FragmentGuard = function nominatedIndividualStillToBeTold({ context }) {
    return context.nominatedIndividualToBeToldFrom !== null;
  };
  const tell = { NOMINATED_INDIVIDUAL_TOLD: { guard: toBeTold, actions: update((_c, e) => ({ nominatedIndividualToBeToldFrom: null, nominatedIndividualToldOn: e.at })) } };
  return {
    context: { nominatedIndividualToBeToldFrom: null, nominatedIndividualToldOn: null },
    states: {
      reporting: {
        // Entered once, from the feedback: the rule applies only to that outcome with the NI absent.
        entry: update((c) =>
          (c.judgements as { outcome?: string } | null)?.outcome === 'not_met_actions' && c.nominatedIndividualAtFeedback === false
            ? { nominatedIndividualToBeToldFrom: c.feedbackDate }
            : {},
        ),
        states: Object.fromEntries(BEFORE_DRAFT.map((state) => [state.split('.')[1]!, { on: tell }])),
      },
    },
    events: {
      NOMINATED_INDIVIDUAL_TOLD: { label: 'Nominated individual told the "not met – actions" outcome', roles: ['inspector'], schema: payload({}), source },
    },
    clocks: [
      {
        id: 'nominatedIndividualTold',
        label: 'Nominated individual told the outcome',
        runsIn: BEFORE_DRAFT,
        anchor: 'nominatedIndividualToBeToldFrom',
        length: 1,
        unit: 'workingDays',
        kind: 'target',
        rule: 'A nominated individual absent from the feedback is told a "not met – actions" outcome',
        source,
        reading: choice,
      },
    ],
  };
}

/** Recorded at feedback: was the group provider's nominated individual there? (absent for childminders and nannies). */
export const nominatedIndividualAtFeedback = { nominatedIndividualAtFeedback: z.boolean().optional().describe('group provision: the NI attended the feedback') };
