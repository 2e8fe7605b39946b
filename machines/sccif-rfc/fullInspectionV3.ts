import { type AnyStateMachine, assign, createMachine } from 'xstate';
import { z } from 'zod';
import { type StateConfig, mergeFragments, nextDayContact, withMachineTargets } from '../fragments';
import type { InspectionEvent, InspectionTypeDefinition } from '../kit';
import { CONCERNS_SOURCE, INSPECTION_PEOPLE, concernsLadder } from './concernsLadder';
import { rfcFullInspection2024v2 as v2 } from './fullInspectionV2';
import { previousRecommendation } from './previousRecommendations';
import { extended } from './transitions';
import { src002 } from './source';

/**
 * SCCIF residential family centres (2024), full inspection, machine revision 3: revision 2
 * (machines/sccif-rfc/fullInspectionV2.ts) with the concerns
 * ladder (seed 002 §"Concerns or complaints about an inspection"; machines/sccif-rfc/concernsLadder.ts): a concern
 * raised with the inspector, then the inspector's RIM, during the inspection; the informal concern on the working day
 * after, routed to a RIM independent of the inspection (the `nextDayContact` fragment); the draft comments and the
 * draft-stage complaint as v1 has them; and a formal complaint on receiving the final report. It also takes the
 * recommendations made at the previous inspection and shows them: each is checked, and may be turned into a
 * requirement, on its own workflow (seed 002 §"Recommendations"; machines/sccif-rfc/previousRecommendations.ts).
 * Built from v2's own config and definition, as v2 is from v1's: no rule is written twice.
 *
 * A revision, not an edit (docs/CHANGING_MACHINES.md): after feedback the inspection now waits for the next-day
 * window (a new state and a new timer), which revision 1 and 2 histories never had.
 */
type StateNode = StateConfig & { [key: string]: unknown };
const v2Machine = v2.machine as AnyStateMachine;
const base = v2Machine.config as unknown as StateNode & { id: string; context: (args: { input: Record<string, unknown> }) => Record<string, unknown> };
const states = base.states as Record<string, StateNode>;
const onSite = states.onSite!;
const fieldwork = onSite.states!.fieldwork!;
const NEXT_DAY_STATES = ['reporting.nextDayContact', 'reporting.concernRouting'];

type Args = { context: { inspectorsRimIds: string[]; leadInspectorId: string | null }; event: InspectionEvent };
const recordLeadInspector = assign({ leadInspectorId: ({ event }: Args) => event.actorId });
// seed 002 §"Length of inspection": the RIM agrees extra days, so whoever does acts as the inspector's RIM.
const recordRim = assign({ inspectorsRimIds: ({ context, event }: Args) => (context.inspectorsRimIds.includes(event.actorId) ? context.inspectorsRimIds : [...context.inspectorsRimIds, event.actorId]) });

const { initial: _qualityAssuranceFirst, ...reporting } = states.reporting!;
const fromV2 = {
  states: {
    ...states,
    onSite: {
      ...onSite,
      states: { ...onSite.states, fieldwork: { ...fieldwork, on: { ...fieldwork.on, ON_SITE_EXTENDED: extended(fieldwork.on!.ON_SITE_EXTENDED, [recordRim]) } } },
      on: { ...onSite.on, FEEDBACK_GIVEN: (onSite.on!.FEEDBACK_GIVEN as unknown[]).map((t) => extended(t, [recordLeadInspector])) },
    },
    reporting,
  },
  events: v2.events,
  // The report's targets run from the end of the inspection, through the next-day window too.
  clocks: v2.clocks.map((c) => (c.runsIn.includes('reporting.qualityAssurance') ? { ...c, runsIn: [...NEXT_DAY_STATES, ...c.runsIn] } : c)),
  effects: v2.effects,
};

const parts = mergeFragments(
  fromV2,
  nextDayContact({
    source: `${CONCERNS_SOURCE}; ${src002('Annex for figures')} step 2; domain reading §2.10 step 3, T17`,
    handledBy: 'a RIM independent of the inspection',
    independentOf: INSPECTION_PEOPLE,
  }),
  concernsLadder(),
);

const config = {
  ...base,
  context: (args: { input: Record<string, unknown> }) => ({
    ...base.context(args),
    ...parts.context,
    previousRecommendations: (args.input?.previousRecommendations as unknown[] | undefined) ?? [],
  }),
  states: withMachineTargets(base.id, parts.states),
};

const machine = createMachine(config as never, v2Machine.implementations as never) as AnyStateMachine;

export const rfcFullInspection2024v3: InspectionTypeDefinition = {
  ...v2,
  machineRevision: 3,
  migratesFrom: { revisions: [1, 2], note: "the concerns ladder opens: after feedback, the provider's working day to raise a concern comes before the draft; a formal complaint may follow the final report" },
  revisionNote:
    'adds the concerns ladder (the inspector, their RIM, the working day after the inspection, the formal complaint on the final report) and the check of the previous inspection\'s recommendations',
  title: 'Residential family centre: full inspection (SCCIF 2024), with the concerns ladder and the previous recommendations',
  machine,
  inputSchema: v2.inputSchema.extend({ previousRecommendations: z.array(previousRecommendation).max(100).optional() }),
  events: parts.events,
  clocks: parts.clocks,
  effects: parts.effects,
};
