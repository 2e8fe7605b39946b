import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addCalendarDays } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload } from '../kit';
import { SEED_002 } from './source';

/**
 * SCCIF residential family centres: one requirement made at feedback, with its own compliance date, checked and,
 * when not met, escalated to enforcement (seed 002 §"Requirements"). Reading: the structured reading of seed 002 §2.4.1,
 * T30, §7.10.
 */
const REQUIREMENTS = `${SEED_002} §"Requirements"`;

export const REQUIREMENT_OUTCOMES = ['met', 'not_met'] as const;
/** Enforcement the seed names; its enforcement policy may add more ("not limited to"), hence `other`. */
export const ENFORCEMENT_ACTIONS = [
  'compliance_notice',
  'restriction_of_accommodation',
  'imposing_conditions',
  'cancellation_of_registration',
  'prosecution',
  'other',
] as const;

export interface RequirementContext {
  requirementId: string | null;
  regulation: string | null;
  dueDate: string | null;
  /** The due clock's anchor: one calendar day before the due date, so that it runs out at the end of that date. */
  dayBeforeDueDate: string | null;
  outcome: (typeof REQUIREMENT_OUTCOMES)[number] | null;
  checkedOn: string | null;
  enforcementAction: (typeof ENFORCEMENT_ACTIONS)[number] | null;
  enforcementDetails: string | null;
  escalatedOn: string | null;
}

export interface RequirementInput {
  requirementId?: string;
  regulation?: string;
  dueDate?: string;
}

const machine = setup({
  types: {
    context: {} as RequirementContext,
    events: {} as InspectionEvent,
    input: {} as RequirementInput,
  },
  guards: {
    // Before the due date a requirement can be found met (done early), not "not met by the date". Without an
    // outcome (when listing what may be decided now) it is allowed.
    outcomeMetOrUnsaid: ({ event }) => event.outcome === undefined || event.outcome === 'met',
    outcomeMet: ({ event }) => event.outcome === 'met',
  },
  actions: {
    recordCheck: assign({
      outcome: ({ event }) => event.outcome as RequirementContext['outcome'],
      checkedOn: ({ event }) => event.at,
    }),
  },
}).createMachine({
  id: 'rfcRequirement',
  context: ({ input }) => ({
    requirementId: input?.requirementId ?? null,
    regulation: input?.regulation ?? null,
    dueDate: input?.dueDate ?? null,
    dayBeforeDueDate: input?.dueDate ? addCalendarDays(input.dueDate, -1) : null,
    outcome: null,
    checkedOn: null,
    enforcementAction: null,
    enforcementDetails: null,
    escalatedOn: null,
  }),
  initial: 'open',
  states: {
    open: {
      meta: { status: 'open' },
      on: {
        DUE_DATE_PASSED: 'awaitingCheck',
        REQUIREMENT_CHECKED: { guard: 'outcomeMetOrUnsaid', target: 'met', actions: 'recordCheck' },
      },
    },
    awaitingCheck: {
      meta: { status: 'awaiting_check' },
      on: {
        REQUIREMENT_CHECKED: [
          { guard: 'outcomeMet', target: 'met', actions: 'recordCheck' },
          { target: 'notMet', actions: 'recordCheck' },
        ],
      },
    },
    notMet: {
      meta: { status: 'not_met' },
      on: {
        ESCALATED_TO_ENFORCEMENT: {
          target: 'enforcement',
          actions: assign({
            enforcementAction: ({ event }) => event.action as RequirementContext['enforcementAction'],
            enforcementDetails: ({ event }) => (event.details as string | undefined) ?? null,
            escalatedOn: ({ event }) => event.at,
          }),
        },
      },
    },
    met: { meta: { status: 'met' }, type: 'final' },
    enforcement: { meta: { status: 'enforcement' }, type: 'final' },
  },
});

export const rfcRequirement2024: InspectionTypeDefinition = {
  type: 'sccif-rfc-requirement',
  version: 1,
  machineRevision: 1,
  title: 'Residential family centre: requirement (SCCIF 2024)',
  framework: SEED_002,
  inForceFrom: '2024-04-05',
  machine,
  inputSchema: z.strictObject({ requirementId: z.string().trim().min(1).max(200), regulation: note, dueDate: isoDate }),
  events: {
    REQUIREMENT_CHECKED: {
      label: 'Requirement checked: met, or not met by its date',
      roles: ['inspector'],
      schema: payload({ outcome: z.enum(REQUIREMENT_OUTCOMES) }),
      source: `${REQUIREMENTS}; domain reading S33`,
    },
    ESCALATED_TO_ENFORCEMENT: {
      label: 'Requirement not met: enforcement action chosen',
      roles: ['manager'],
      schema: payload({ action: z.enum(ENFORCEMENT_ACTIONS), details: note.optional() }),
      source: `${REQUIREMENTS}; ${SEED_002} §"Compliance notices and enforcement action"`,
    },
  },
  clocks: [
    {
      id: 'dueDate',
      label: 'Date by which the requirement must be met',
      runsIn: ['open'],
      anchor: 'dayBeforeDueDate',
      length: 1,
      unit: 'calendarDays',
      kind: 'automatic',
      onExpiry: 'DUE_DATE_PASSED',
      rule: 'The registered person must meet the requirement by the date the inspector set at feedback (which may be before the report arrives)',
      source: `${REQUIREMENTS}; domain reading T30`,
      reading:
        'The due date is the last day to comply: the clock runs out at the end of it (anchored one calendar day before, since a clock counts from day 0). It is counted from feedback, not the report (domain §7.10). Before it the requirement can be found met; "not met" is only recorded after it.',
    },
  ],
  effects: {},
};
