import { type AnyStateMachine, assign, createMachine } from 'xstate';
import { z } from 'zod';
import { workingDaysBetween } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, note, payload, recordDate } from '../kit';
import { rfcJudgements } from './judgements';
import { rfcMonitoringVisit2024v2 as r2 } from './monitoringVisitV2';
import { SEED_002 } from './source';

/**
 * SCCIF residential family centres (2024), monitoring visit, machine revision 3: revision 2 unchanged on every path it
 * had, plus the formal complaint on the draft. The draft monitoring report "is then shared with the provider and
 * finalised using the same process and timescales as a standard inspection report" (seed 002 §"Review of the
 * monitoring report and evidence base"), and that process takes a formal complaint within the 5 working days of the
 * draft, answers it before the report is finalised, and sends the final report "longer if there has been a complaint"
 * (§"Annex for figures" steps 4, 5b, 6). So the final report clock stops while the complaint is open and is extended by
 * the working days it took, as sccif-rfc-full's does.
 */
const SAME_PROCESS = `${SEED_002} §"Review of the monitoring report and evidence base"`;
const annex = (step: string) => `${SEED_002} §"Annex for figures" step ${step}`;

type StateNode = { on?: Record<string, unknown>; states?: Record<string, StateNode>; [key: string]: unknown };
type Context = { complaintReceivedDate: string | null; complaintOutcome: string | null; complaintWorkingDays: number; judgements: unknown; grade: unknown };

/** A complaint can change a new judgement the visit made, never give one it did not make. */
const judgementOnlyIfTheVisitMadeOne = function judgementOnlyIfTheVisitMadeOne(context: Record<string, unknown>, event: InspectionEvent) {
  return event.judgements !== undefined && context.judgements === null ? 'the visit made no new judgement, so the response to the complaint cannot give one' : null;
};
type Args = { context: Context; event: InspectionEvent };

const r2Machine = r2.machine as AnyStateMachine;
const base = r2Machine.config as unknown as StateNode & { context: (args: { input: Record<string, unknown> }) => Record<string, unknown> };
const reporting = base.states!.reporting!;
const commentWindow = reporting.states!.commentWindow!;

const newJudgements = ({ event }: Args) => event.judgements as { overallExperiencesAndProgress: unknown } | undefined;

const config = {
  ...base,
  context: (args: { input: Record<string, unknown> }) => ({ ...base.context(args), complaintReceivedDate: null, complaintOutcome: null, complaintWorkingDays: 0 }),
  states: {
    ...base.states,
    reporting: {
      ...reporting,
      states: {
        ...reporting.states,
        commentWindow: {
          ...commentWindow,
          on: { ...commentWindow.on, COMPLAINT_MADE: { target: 'complaint', actions: recordDate('complaintReceivedDate') } },
        },
        complaint: {
          meta: { status: 'complaint_under_review' },
          on: {
            COMPLAINT_RESPONDED: [
              {
                guard: ({ context, event }: Args) => judgementOnlyIfTheVisitMadeOne(context, event) === null,
                target: 'finalising',
                actions: assign({
                  complaintOutcome: ({ event }: Args) => event.outcome as string,
                  complaintWorkingDays: ({ context, event }: Args) => context.complaintWorkingDays + workingDaysBetween(context.complaintReceivedDate ?? event.at, event.at),
                  judgements: ({ context, event }: Args) => newJudgements({ context, event }) ?? context.judgements,
                  grade: ({ context, event }: Args) => newJudgements({ context, event })?.overallExperiencesAndProgress ?? context.grade,
                }),
              },
            ],
          },
        },
      },
    },
  },
};

const machine = createMachine(config as never, r2Machine.implementations as never) as AnyStateMachine;

export const rfcMonitoringVisit2024v3: InspectionTypeDefinition = {
  ...r2,
  machineRevision: 3,
  revisionNote: 'adds the formal complaint on the draft, which extends the final report as for a full inspection',
  migratesFrom: { revisions: [1, 2], note: 'a formal complaint may be made within the comment window; the final report clock stops while it is open' },
  title: 'Residential family centre: monitoring visit (SCCIF 2024), with a possible offence found on the visit and the formal complaint',
  machine,
  events: {
    ...r2.events,
    COMPLAINT_MADE: {
      label: 'Provider submits a formal complaint within the comment window',
      roles: ['provider'],
      schema: payload({ summary: note }),
      source: `${SAME_PROCESS}; ${annex('4')}`,
    },
    COMPLAINT_RESPONDED: {
      label: 'Ofsted responds to the complaint before finalising the report (a new judgement the visit made may change)',
      roles: ['manager'],
      schema: payload({ outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld']), judgements: rfcJudgements.optional() }),
      source: `${SAME_PROCESS}; ${annex('5b')}`,
      breaks: judgementOnlyIfTheVisitMadeOne,
    },
  },
  clocks: r2.clocks.map((clock) =>
    clock.id === 'commentWindow'
      ? { ...clock, rule: 'The provider has 5 working days from the draft being sent to comment or complain', source: `${clock.source}; ${annex('4')}` }
      : clock.id === 'finalReport'
        ? {
            ...clock,
            extendedBy: ['complaintWorkingDays'],
            rule: 'Final report within 30 working days of the end of the visit, longer after a complaint',
            source: `${clock.source}; ${annex('6')}`,
            reading:
              'As for a full inspection, the seed sets no limit on the extension: the clock stops while a complaint is open and is extended by the working days the complaint took (domain reading §7.6).',
          }
        : clock,
  ),
};
