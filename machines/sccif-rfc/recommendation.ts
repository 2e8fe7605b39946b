import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addCalendarDays } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload } from '../kit';
import { SEED_002 } from './source';

/**
 * SCCIF residential family centres: one recommendation, checked at the next inspection and possibly turned into a
 * requirement (seed 002 §"Recommendations"). Reading: the structured reading of seed 002 §2.4.2, S34.
 */
const RECOMMENDATIONS = `${SEED_002} §"Recommendations"`;

export const RECOMMENDATION_OUTCOMES = ['met', 'not_met', 'turned_into_requirement'] as const;
type Outcome = (typeof RECOMMENDATION_OUTCOMES)[number];

export interface RecommendationContext {
  recommendationId: string | null;
  /** The national minimum standard (or statutory guidance) it refers to. */
  standard: string | null;
  nextInspectionDueBy: string | null;
  /** The check clock's anchor: one calendar day before the next inspection is due by. */
  dayBeforeNextInspectionDueBy: string | null;
  outcome: Outcome | null;
  checkedOn: string | null;
  requirementDueDate: string | null;
  regulation: string | null;
}

export interface RecommendationInput {
  recommendationId?: string;
  standard?: string;
  nextInspectionDueBy?: string;
}

const machine = setup({
  types: {
    context: {} as RecommendationContext,
    events: {} as InspectionEvent,
    input: {} as RecommendationInput,
  },
  guards: {
    outcomeMet: ({ event }) => event.outcome === 'met',
    outcomeNotMet: ({ event }) => event.outcome === 'not_met',
  },
  actions: {
    recordCheck: assign({
      outcome: ({ event }) => event.outcome as Outcome,
      checkedOn: ({ event }) => event.at,
      requirementDueDate: ({ event }) => (event.requirementDueDate as string | undefined) ?? null,
      regulation: ({ event }) => (event.regulation as string | undefined) ?? null,
    }),
  },
}).createMachine({
  id: 'rfcRecommendation',
  context: ({ input }) => ({
    recommendationId: input?.recommendationId ?? null,
    standard: input?.standard ?? null,
    nextInspectionDueBy: input?.nextInspectionDueBy ?? null,
    dayBeforeNextInspectionDueBy: input?.nextInspectionDueBy ? addCalendarDays(input.nextInspectionDueBy, -1) : null,
    outcome: null,
    checkedOn: null,
    requirementDueDate: null,
    regulation: null,
  }),
  initial: 'open',
  states: {
    open: {
      meta: { status: 'open' },
      on: {
        RECOMMENDATION_CHECKED: [
          { guard: 'outcomeMet', target: 'met', actions: 'recordCheck' },
          { guard: 'outcomeNotMet', target: 'notMet', actions: 'recordCheck' },
          { target: 'turnedIntoRequirement', actions: 'recordCheck' },
        ],
      },
    },
    met: { meta: { status: 'met' }, type: 'final' },
    notMet: { meta: { status: 'not_met' }, type: 'final' },
    turnedIntoRequirement: { meta: { status: 'turned_into_requirement' }, type: 'final' },
  },
});

/** A recommendation turned into a requirement takes what a requirement needs: its date (and its regulation). */
const checked = payload({
  outcome: z.enum(RECOMMENDATION_OUTCOMES),
  requirementDueDate: isoDate.optional(),
  regulation: note.optional(),
}).superRefine((p, ctx) => {
  const turned = p.outcome === 'turned_into_requirement';
  if (turned && !p.requirementDueDate) {
    ctx.addIssue({ code: 'custom', path: ['requirementDueDate'], message: 'a recommendation turned into a requirement needs the requirement\'s due date' });
  }
  if (turned && !p.regulation) {
    ctx.addIssue({ code: 'custom', path: ['regulation'], message: 'a requirement refers to the specific regulation breached' });
  }
  if (!turned && (p.requirementDueDate || p.regulation)) {
    ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'a due date or regulation is given only when the recommendation is turned into a requirement' });
  }
});

export const rfcRecommendation2024: InspectionTypeDefinition = {
  type: 'sccif-rfc-recommendation',
  version: 1,
  machineRevision: 1,
  title: 'Residential family centre: recommendation (SCCIF 2024)',
  framework: SEED_002,
  inForceFrom: '2024-04-05',
  machine,
  inputSchema: z.strictObject({ recommendationId: z.string().trim().min(1).max(200), standard: note, nextInspectionDueBy: isoDate.optional() }),
  events: {
    RECOMMENDATION_CHECKED: {
      label: 'Recommendation checked at the next inspection: acted on, not acted on, or turned into a requirement',
      roles: ['inspector'],
      schema: checked,
      source: `${RECOMMENDATIONS}; ${SEED_002} §"Requirements"`,
    },
  },
  clocks: [
    {
      id: 'nextInspection',
      label: 'Checked at the next inspection',
      runsIn: ['open'],
      anchor: 'dayBeforeNextInspectionDueBy',
      length: 1,
      unit: 'calendarDays',
      kind: 'target',
      rule: 'A recommendation is checked at the next inspection; it has no due date of its own',
      source: `${RECOMMENDATIONS}; domain reading §2.4.2`,
      reading:
        'Runs only when the starter gives the date the next full inspection is due by (from the cycle): a recommendation still unchecked after it raises a breach. The clock is anchored one calendar day before, so that it runs out at the end of that date.',
    },
  ],
  effects: {},
};
