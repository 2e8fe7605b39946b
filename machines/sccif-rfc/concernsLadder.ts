import { z } from 'zod';
import { type Fragment, type FragmentContext, type InspectionPeople, update } from '../fragments';
import { type InspectionEvent, note, payload } from '../kit';
import { SEED_002 } from './source';

/**
 * A provider's concerns about a residential family centre inspection, rung by rung (seed 002 §"Concerns or complaints
 * about an inspection", §"Annex for figures" steps 1, 2, 4, 5b; reading: the structured reading of seed 002 §2.10, S20,
 * S21, T17, T26). The rungs on site are recorded here; the next-working-day contact is the `nextDayContact` fragment
 * (machines/fragments/nextDayContact.ts), routed to a RIM independent of the inspection (INSPECTION_PEOPLE below); the
 * draft-stage comments and formal complaint are the full inspection's own (v1). What this adds after them is the
 * formal complaint on receiving the final report.
 */
export const CONCERNS_SOURCE = `${SEED_002} §"Concerns or complaints about an inspection"`;
const CONCERNS = `${SEED_002} §"Concerns"`;
const COMPLAINTS = `${SEED_002} §"Complaints"`;
const ANNEX = `${SEED_002} §"Annex for figures"`;

export type OnSiteConcernStatus = 'with_inspector' | 'resolved_by_inspector' | 'with_rim' | 'resolved_by_rim' | 'unresolved';

export interface OnSiteConcern {
  raisedOn: string;
  summary: string;
  status: OnSiteConcernStatus;
  /** What the inspector did, recorded in the inspection evidence (the seed: "concerns raised, and actions taken"). */
  actionTaken: string | null;
  rimId: string | null;
  rimResponse: string | null;
}

export interface ConcernsLadderContext {
  onSiteConcerns: OnSiteConcern[];
  /** Who gave the feedback: the lead inspector. */
  leadInspectorId: string | null;
  /** The RIMs who acted for the inspector on this inspection: answered a concern on site, or agreed extra days. */
  inspectorsRimIds: string[];
  finalReportComplaint: { madeOn: string; summary: string } | null;
}

/**
 * The inspection's own people, whom the next-working-day concern may not be routed to: "a RIM who is independent of
 * the inspection" (seed 002 §"Concerns") is neither its inspector nor the inspector's RIM who dealt with it.
 */
export const INSPECTION_PEOPLE: InspectionPeople = {
  who: "the inspection's own inspector or their RIM",
  ids: (context) => [context.leadInspectorId, ...((context.inspectorsRimIds as string[] | undefined) ?? [])],
};

const concernsOf = (context: FragmentContext) => context.onSiteConcerns as OnSiteConcern[];
const lastOf = (context: FragmentContext) => concernsOf(context).at(-1);
const withLast = (context: FragmentContext, change: Partial<OnSiteConcern>) => ({ onSiteConcerns: [...concernsOf(context).slice(0, -1), { ...lastOf(context)!, ...change }] });
const rimsWith = (context: FragmentContext, id: string) => {
  const rims = context.inspectorsRimIds as string[];
  return rims.includes(id) ? rims : [...rims, id];
};

/** The next-working-day concern as the fragment records it, with the independent RIM's answer. */
type RoutedConcern = { handlerId: string | null; answeredOn?: string };
const routedOf = (context: FragmentContext) => (context.concerns as RoutedConcern[]).at(-1);

// ---- the rules a decision may break: one function each, used by the guard and by the refusal -----------------------

function raiseBreaks(context: Record<string, unknown>): string | null {
  const status = lastOf(context)?.status;
  return status === 'with_inspector' || status === 'with_rim' ? 'a concern raised on site is still open: its answer is recorded first' : null;
}

const statusIs = (wanted: OnSiteConcernStatus, otherwise: string) => (context: Record<string, unknown>) => (lastOf(context)?.status === wanted ? null : otherwise);
const inspectorAnswerBreaks = statusIs('with_inspector', 'there is no concern raised with the inspector to answer');
const escalationBreaks = (context: Record<string, unknown>) => {
  const last = lastOf(context);
  return last && last.status === 'unresolved' && last.rimId === null ? null : 'only a concern the inspector could not resolve goes to the inspector\'s RIM';
};
const rimAnswerBreaks = statusIs('with_rim', "there is no concern with the inspector's RIM to answer");

function independentAnswerBreaks(context: Record<string, unknown>): string | null {
  const routed = routedOf(context);
  return routed?.handlerId && !routed.answeredOn ? null : 'there is no concern routed to an independent RIM awaiting an answer';
}

const holds = (rule: (context: Record<string, unknown>) => string | null) =>
  function ruleHolds({ context }: { context: FragmentContext; event: InspectionEvent }) {
    return rule(context) === null;
  };

/**
 * The ladder's own rungs, written against the full inspection's states (`onSite`, `reporting`, `awaitingPublication`):
 * a concern during the inspection, with the inspector, then the inspector's RIM; the independent RIM's answer to the
 * next-working-day concern; and the formal complaint on receiving the final report.
 */
export function concernsLadder(): Fragment {
  return {
    context: { onSiteConcerns: [], leadInspectorId: null, inspectorsRimIds: [], finalReportComplaint: null } satisfies ConcernsLadderContext,
    states: {
      onSite: {
        on: {
          CONCERN_RAISED_ON_SITE: {
            guard: holds(raiseBreaks),
            actions: update((c, e) => ({
              onSiteConcerns: [...concernsOf(c), { raisedOn: e.at, summary: e.summary as string, status: 'with_inspector', actionTaken: null, rimId: null, rimResponse: null }],
            })),
          },
          CONCERN_ANSWERED_BY_INSPECTOR: {
            guard: holds(inspectorAnswerBreaks),
            actions: update((c, e) => withLast(c, { actionTaken: e.actionTaken as string, status: e.resolved ? 'resolved_by_inspector' : 'unresolved' })),
          },
          CONCERN_TAKEN_TO_RIM: { guard: holds(escalationBreaks), actions: update((c) => withLast(c, { status: 'with_rim' })) },
          CONCERN_ANSWERED_BY_RIM: {
            guard: holds(rimAnswerBreaks),
            actions: update((c, e) => ({
              ...withLast(c, { rimId: e.actorId, rimResponse: e.response as string, status: e.resolved ? 'resolved_by_rim' : 'unresolved' }),
              inspectorsRimIds: rimsWith(c, e.actorId),
            })),
          },
        },
      },
      reporting: {
        on: {
          CONCERN_ANSWERED_BY_INDEPENDENT_RIM: {
            guard: holds(independentAnswerBreaks),
            actions: update((c, e) => {
              const concerns = [...(c.concerns as Record<string, unknown>[])];
              concerns[concerns.length - 1] = { ...concerns.at(-1), answeredOn: e.at, answeredBy: e.actorId, outcome: e.outcome, answer: e.answer };
              return { concerns };
            }),
          },
        },
      },
      awaitingPublication: {
        on: {
          FINAL_REPORT_COMPLAINT_MADE: {
            guard: function noComplaintYet({ context }: { context: FragmentContext }) {
              return context.finalReportComplaint === null;
            },
            actions: update((_c, e) => ({ finalReportComplaint: { madeOn: e.at, summary: e.summary as string } })),
          },
        },
      },
    },
    events: {
      CONCERN_RAISED_ON_SITE: {
        label: 'Provider raises a concern with the inspector during the inspection (recorded in the evidence)',
        roles: ['provider', 'inspector'],
        schema: payload({ summary: note }),
        source: `${CONCERNS}; ${ANNEX} step 1; domain reading §2.10 step 1, S20`,
        reading: 'One concern at a time is open: each is answered before the next is raised. A concern does not hold the inspection up; one still unresolved at the end goes to the next-working-day contact.',
        breaks: raiseBreaks,
      },
      CONCERN_ANSWERED_BY_INSPECTOR: {
        label: 'The inspector records the action taken on the concern, and whether it is resolved',
        roles: ['inspector'],
        schema: payload({ actionTaken: note, resolved: z.boolean() }),
        source: `${CONCERNS}; domain reading §2.10 step 1`,
        breaks: inspectorAnswerBreaks,
      },
      CONCERN_TAKEN_TO_RIM: {
        label: "Concern the inspector could not resolve taken to the inspector's RIM, during the inspection",
        roles: ['provider', 'inspector'],
        schema: payload({}),
        source: `${CONCERNS}; ${ANNEX} step 2; domain reading §2.10 step 2`,
        breaks: escalationBreaks,
      },
      CONCERN_ANSWERED_BY_RIM: {
        label: "The inspector's RIM answers the concern: resolved or not",
        roles: ['manager'],
        schema: payload({ response: note, resolved: z.boolean() }),
        source: `${CONCERNS}; domain reading §2.10 step 2`,
        reading:
          "The RIM who answers is recorded as the inspector's RIM for this inspection, so the next-working-day concern can never be routed back to them. Still unresolved: the provider may contact Ofsted on the working day after the inspection.",
        breaks: rimAnswerBreaks,
      },
      CONCERN_ANSWERED_BY_INDEPENDENT_RIM: {
        label: 'The independent RIM answers the next-working-day concern: resolved, or carried into the comments on the draft',
        roles: ['manager'],
        schema: payload({ outcome: z.enum(['resolved', 'carried_into_draft_comments']), answer: note }),
        source: `${CONCERNS}; ${ANNEX} step 2; domain reading §2.10 step 3, S21`,
        reading:
          'The seed says only "at the earliest opportunity": no clock. The answer does not hold the report up; what stays unresolved goes to the comments on the draft or a formal complaint (the next rungs).',
        breaks: independentAnswerBreaks,
      },
      FINAL_REPORT_COMPLAINT_MADE: {
        label: 'Provider lodges a formal complaint on receiving the final report',
        roles: ['provider'],
        schema: payload({ summary: note }),
        source: `${COMPLAINTS}; domain reading §2.10 step 5`,
        reading:
          'The seed does not say whether this complaint holds publication up (domain §2.1 step 20): the report is published as the annex says (step 6, 5 working days after the final report), and the complaint is recorded for the complaints procedure, which is outside the seed. Only a complaint at draft stage is answered before the report is final (step 5b).',
      },
    },
  };
}
