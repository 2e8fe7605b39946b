import { type AnyStateMachine, createMachine } from 'xstate';
import type { InspectionTypeDefinition } from '../kit';
import { rfcMonitoringVisit2024 as v1 } from './monitoringVisit';
import { offenceRule } from './offence';

/**
 * SCCIF residential family centres, monitoring visit v2: v1 (machines/sccif-rfc/monitoringVisit.ts) unchanged on every
 * path it had, plus a possible offence found on the visit: the inspector takes advice at once and the visit continues
 * or stops (seed 002 §"Finding evidence of possible offences": "whether the inspection (or monitoring visit) should
 * continue"). The rule is the one full inspections have had since sccif-rfc-full v2 (machines/sccif-rfc/offence.ts),
 * not a copy. Built from v1's own config. A new version because the visit gains states v1 histories never had.
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
  version: 2,
  title: 'Residential family centre: monitoring visit (SCCIF 2024), with a possible offence found on the visit',
  // The seed did not change, so there is no framework date to take. The day full inspections took the offence rule
  // (sccif-rfc-full v2, the inspection year from 1 April 2027): from then on the rule holds on every visit to a centre,
  // as the seed's one paragraph says, and visits already planned keep v1.
  inForceFrom: '2027-04-01',
  machine,
  events: { ...v1.events, ...offence.events },
};
