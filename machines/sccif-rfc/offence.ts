import { assign } from 'xstate';
import { z } from 'zod';
import { type EventSpec, type InspectionEvent, note, payload } from '../kit';
import { src002 } from './source';

/**
 * A possible offence found on a visit (seed 002 §"Finding evidence of possible offences"; reading:
 * the structured reading of seed 002 T13, S13, §7.21): the inspector contacts a social care compliance inspector or the RIM
 * at once, and together they decide whether the inspection, or the monitoring visit, continues or stops. Shared by
 * every visit that has the rule (sccif-rfc-full v2 on, sccif-rfc-monitoring-visit v2 on), so it is written once.
 */
export const OFFENCE_SOURCE = src002('Finding evidence of possible offences');
const INCOMPLETE_SOURCE = src002('Incomplete inspections');

export interface OffenceContext {
  offence: { suspectedOn: string; advisedBy: string; decision: 'continue' | 'stop' | null } | null;
  stoppedOn: string | null;
}

export interface OffenceRuleParams {
  /** The XState machine id, so that the states the rule adds can be targeted from where the visit stands. */
  machineId: string;
  /** The state (path under the machine) a visit goes back to when it continues. */
  resumeAt: string;
  /** What the seed calls the visit in its labels: "inspection" or "monitoring visit". */
  visit: string;
  /** What a stopped visit leaves behind, for the catalogue (the seed leaves the end state to a policy it does not hold). */
  stoppedReading: string;
}

type Args = { context: OffenceContext; event: InspectionEvent };

/** The rule's parts: its context, the transition the on-site state takes, the two states it adds and its events. */
export function offenceRule(p: OffenceRuleParams) {
  const visit = p.visit;
  return {
    context: { offence: null, stoppedOn: null } satisfies OffenceContext,
    /** Added to the state where the fieldwork happens. */
    onSite: {
      OFFENCE_SUSPECTED: {
        target: `#${p.machineId}.offenceSuspected`,
        actions: assign({ offence: ({ event }: Args) => ({ suspectedOn: event.at, advisedBy: event.advisedBy as string, decision: null }) }),
      },
    },
    states: {
      offenceSuspected: {
        meta: { status: 'offence_suspected' },
        on: {
          INSPECTION_CONTINUED_AFTER_ADVICE: {
            target: `#${p.machineId}.${p.resumeAt}`,
            actions: assign({ offence: ({ context }: Args) => ({ ...context.offence!, decision: 'continue' as const }) }),
          },
          INSPECTION_STOPPED_FOR_OFFENCE: {
            target: 'stopped',
            actions: assign({ offence: ({ context }: Args) => ({ ...context.offence!, decision: 'stop' as const }), stoppedOn: ({ event }: Args) => event.at }),
          },
        },
      },
      stopped: { meta: { status: 'stopped' }, type: 'final' as const },
    },
    events: {
      OFFENCE_SUSPECTED: {
        label: 'Possible offence: the inspector has contacted a compliance inspector or the RIM for advice',
        roles: ['inspector'],
        schema: payload({ advisedBy: z.enum(['social_care_compliance_inspector', 'regulatory_inspection_manager']), summary: note }),
        source: `${OFFENCE_SOURCE}; domain reading T13`,
      },
      INSPECTION_CONTINUED_AFTER_ADVICE: {
        label: `The ${visit} continues after advice on the possible offence`,
        roles: ['inspector', 'manager'],
        schema: payload({}),
        source: OFFENCE_SOURCE,
      },
      INSPECTION_STOPPED_FOR_OFFENCE: {
        label: `The ${visit} stops after advice on the possible offence (incomplete-inspections policy)`,
        roles: ['inspector', 'manager'],
        schema: payload({ reason: note }),
        source: `${OFFENCE_SOURCE}; ${INCOMPLETE_SOURCE}; domain reading §7.21`,
        reading: p.stoppedReading,
      },
    } satisfies Record<string, EventSpec>,
  };
}
