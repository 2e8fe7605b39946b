import { type AnyStateMachine, createMachine } from 'xstate';
import type { InspectionTypeDefinition } from '../kit';
import { rfcMonitoringVisit2024 as v1 } from './monitoringVisit';
import { offenceRule } from './offence';

/**
 * SCCIF residential family centres (2024), monitoring visit, machine revision 2: revision 1 (machines/sccif-rfc/monitoringVisit.ts) unchanged on every
 * path it had, plus a possible offence found on the visit: the inspector takes advice at once and the visit continues
 * or stops (seed 002 §"Finding evidence of possible offences": "whether the inspection (or monitoring visit) should
 * continue"). The rule is the one full inspections have had since sccif-rfc-full revision 2 (machines/sccif-rfc/offence.ts),
 * not a copy. Built from v1's own config. A revision because the visit gains states revision 1 histories never had.
 */
type StateNode = { on?: Record<string, unknown>; states?: Record<string, StateNode>; [key: string]: unknown };
const v1Machine = v1.machine as AnyStateMachine;
const base = v1Machine.config as unknown as StateNode & { context: (args: { input: Record<string, unknown> }) => Record<string, unknown> };
const states = base.states!;

const offence = offenceRule({
  machineId: 'rfcMonitoringVisit',
  resumeAt: 'onSite',
  visit: 'monitoring visit',
  stoppedReading:
    'The incomplete-inspections policy is not in the seed: a stopped visit ends with no report clocks and makes no new judgement (domain §7.21), so the grade in force stands; a case review decides what follows (domain §2.5 step 11).',
});

const config = {
  ...base,
  context: (args: { input: Record<string, unknown> }) => ({ ...base.context(args), ...offence.context }),
  states: {
    ...states,
    onSite: { ...states.onSite, on: { ...states.onSite!.on, ...offence.onSite } },
    ...offence.states,
  },
};

const machine = createMachine(config as never, v1Machine.implementations as never) as AnyStateMachine;

export const rfcMonitoringVisit2024v2: InspectionTypeDefinition = {
  ...v1,
  machineRevision: 2,
  revisionNote: 'adds the possible offence found on a visit',
  migratesFrom: { revisions: [1], note: 'a possible offence may be recorded on the visit' },
  title: 'Residential family centre: monitoring visit (SCCIF 2024), with a possible offence found on the visit',
  machine,
  events: { ...v1.events, ...offence.events },
};
