import { type AnyStateMachine, createMachine } from 'xstate';
import type { InspectionEvent, InspectionTypeDefinition } from '../kit';
import { rfcRecommendation2024 as v1 } from './recommendation';

/**
 * SCCIF residential family centres (2024), recommendation, machine revision 2: revision 1 (machines/sccif-rfc/recommendation.ts) unchanged, except
 * that a recommendation turned into a requirement starts that requirement as its own tracked workflow, with the date
 * and regulation the inspector gave (seed 002 §"Recommendations": "If the centre has not acted on recommendations
 * made at a previous inspection, the inspector … may impose a requirement"). Built from v1's config, not a copy.
 * A revision because the transition now asks for an effect, which revision 1 histories never recorded.
 */
type Transition = { guard?: unknown; target?: string; actions?: unknown };
type Open = { on: { RECOMMENDATION_CHECKED: Transition[] } };
const v1Machine = v1.machine as AnyStateMachine;
const base = v1Machine.config as unknown as { states: { open: Open } & Record<string, unknown> };
const checked = base.states.open.on.RECOMMENDATION_CHECKED;

const raiseRequirement = {
  type: 'raiseRequirement',
  params: ({ context, event }: { context: { recommendationId: string | null }; event: InspectionEvent }) => ({
    requirementId: `${context.recommendationId ?? 'recommendation'} (requirement)`,
    regulation: event.regulation,
    dueDate: event.requirementDueDate,
  }),
};

const config = {
  ...base,
  states: {
    ...base.states,
    open: {
      ...base.states.open,
      on: {
        ...base.states.open.on,
        // v1's candidates in order; the last one (turned into a requirement) also raises it.
        RECOMMENDATION_CHECKED: checked.map((t) =>
          t.target === 'turnedIntoRequirement' ? { ...t, actions: [...(Array.isArray(t.actions) ? t.actions : [t.actions]), raiseRequirement] } : t,
        ),
      },
    },
  },
};

const machine = createMachine(config as never, {
  ...v1Machine.implementations,
  actions: { ...v1Machine.implementations.actions, raiseRequirement: () => {} },
} as never) as AnyStateMachine;

export const rfcRecommendation2024v2: InspectionTypeDefinition = {
  ...v1,
  machineRevision: 2,
  revisionNote: 'a recommendation turned into a requirement starts that requirement as a workflow of its own',
  migratesFrom: { revisions: [1], note: 'a recommendation turned into a requirement from then on starts it as its own workflow' },
  machine,
  events: {
    RECOMMENDATION_CHECKED: {
      ...v1.events.RECOMMENDATION_CHECKED!,
      reading:
        'A recommendation turned into a requirement starts that requirement as its own workflow (`<recommendation>-requirement`), with the regulation and due date given here, tracked like any requirement made at feedback.',
    },
  },
  effects: {
    raiseRequirement: {
      label: 'Track the requirement a recommendation was turned into, with its own date',
      source: `${v1.events.RECOMMENDATION_CHECKED!.source}`,
      starts: (params) => [{ key: 'requirement', type: 'sccif-rfc-requirement', input: { requirementId: params.requirementId, regulation: params.regulation, dueDate: params.dueDate } }],
    },
  },
};
