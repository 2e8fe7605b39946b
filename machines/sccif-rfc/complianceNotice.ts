import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addCalendarDays } from '../../calendar';
import { type ClockSpec, type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload } from '../kit';
import { SEED_002, src002 } from './source';

/**
 * SCCIF residential family centres: one compliance notice, from service to the case-review decision on it
 * (seed 002 §"Compliance notices and enforcement action", §"Monitoring compliance notices").
 * Reading: the structured reading of seed 002 §2.4.3, T35, T36, §7.11, §7.12.
 */
const MONITORING = src002('Monitoring compliance notices');

export const NOTICE_OUTCOMES = ['met', 'not_met', 'met_but_new_failure'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];
export const NOTICE_DECISIONS = ['close', 'further_notice', 'cancel_registration', 'prosecution_considered'] as const;
export type NoticeDecision = (typeof NOTICE_DECISIONS)[number];

/**
 * Which case-review decisions follow which outcome (seed 002 §"Monitoring compliance notices"):
 * - met: "we then consider whether to close the compliance case": close;
 * - not met: an offence and a ground for cancellation: "either take steps to cancel its registration or issue a
 *   further notice", and the case review "must consider whether pursuing prosecution is the most appropriate
 *   action"; closing is not an option;
 * - met, but a different failure seen: "does not constitute a failure to comply with the notice", so no
 *   cancellation or prosecution on this notice; the breach is resolved "by a requirement or a further compliance
 *   notice": close this notice (the new breach becomes a requirement) or serve a further notice.
 */
export const DECISIONS_AFTER: Readonly<Record<NoticeOutcome, readonly NoticeDecision[]>> = {
  met: ['close'],
  not_met: ['further_notice', 'cancel_registration', 'prosecution_considered'],
  met_but_new_failure: ['close', 'further_notice'],
};

/**
 * The follow-up visit's clock: the one statement of the 5 working days, read by the notice, by the planning of combined
 * visits (followUps.ts) and by the timeline of the command line.
 */
export const followUpVisit: ClockSpec = {
  id: 'followUpVisit',
  label: 'Follow-up visit to check the notice',
  runsIn: ['awaitingComplianceDate', 'followUpDue'],
  anchor: 'complianceDate',
  length: 5,
  unit: 'workingDays',
  kind: 'target',
  rule: 'A monitoring visit or inspection within 5 working days of the compliance date',
  source: `${MONITORING}; domain reading T35`,
  reading:
    'The window is [compliance date, compliance date + 5 working days] (domain reading §7.11): on or after the date, because the visit checks notices whose timescales have passed.',
};

export interface ComplianceNoticeContext {
  noticeId: string | null;
  requirement: string | null;
  complianceDate: string | null;
  /** The compliance clock's anchor: one calendar day before the compliance date, so that it runs out at the end of that date. */
  dayBeforeComplianceDate: string | null;
  visitId: string | null;
  visitedOn: string | null;
  outcome: NoticeOutcome | null;
  outcomeRecordedOn: string | null;
  decision: NoticeDecision | null;
  decidedOn: string | null;
}

export interface ComplianceNoticeInput {
  noticeId?: string;
  requirement?: string;
  complianceDate?: string;
}

/**
 * A guard: the case review takes this decision, and it is one the recorded outcome allows. Without a decision
 * (when listing what may be decided now) any decision the outcome allows will do.
 */
const decides =
  (decision: NoticeDecision) =>
  ({ context, event }: { context: ComplianceNoticeContext; event: InspectionEvent }) =>
    (event.decision === undefined || event.decision === decision) &&
    context.outcome !== null &&
    DECISIONS_AFTER[context.outcome].includes(decision);

const machine = setup({
  types: {
    context: {} as ComplianceNoticeContext,
    events: {} as InspectionEvent,
    input: {} as ComplianceNoticeInput,
  },
  guards: {
    // The follow-up window is [compliance date, +5 WD] (domain reading §7.11): a visit on the compliance date
    // itself counts, one before it does not (the visit checks notices "of which the completion timescales have passed").
    onOrAfterComplianceDate: ({ context, event }) => context.complianceDate !== null && event.at >= context.complianceDate,
    decidesClose: decides('close'),
    decidesFurtherNotice: decides('further_notice'),
    decidesCancellation: decides('cancel_registration'),
    decidesProsecution: decides('prosecution_considered'),
  },
  actions: {
    recordVisit: assign({
      visitId: ({ event }) => event.visitId as string,
      visitedOn: ({ event }) => event.at,
    }),
    recordOutcome: assign({
      outcome: ({ event }) => event.outcome as NoticeOutcome,
      outcomeRecordedOn: ({ event }) => event.at,
    }),
    recordDecision: assign({
      decision: ({ event }) => event.decision as NoticeDecision,
      decidedOn: ({ event }) => event.at,
    }),
  },
}).createMachine({
  id: 'rfcComplianceNotice',
  context: ({ input }) => ({
    noticeId: input?.noticeId ?? null,
    requirement: input?.requirement ?? null,
    complianceDate: input?.complianceDate ?? null,
    dayBeforeComplianceDate: input?.complianceDate ? addCalendarDays(input.complianceDate, -1) : null,
    visitId: null,
    visitedOn: null,
    outcome: null,
    outcomeRecordedOn: null,
    decision: null,
    decidedOn: null,
  }),
  initial: 'awaitingComplianceDate',
  states: {
    awaitingComplianceDate: {
      meta: { status: 'awaiting_compliance_date' },
      on: {
        COMPLIANCE_DATE_PASSED: 'followUpDue',
        FOLLOW_UP_VISITED: { guard: 'onOrAfterComplianceDate', target: 'awaitingOutcome', actions: 'recordVisit' },
      },
    },
    followUpDue: {
      meta: { status: 'follow_up_visit_due' },
      on: {
        FOLLOW_UP_VISITED: { target: 'awaitingOutcome', actions: 'recordVisit' },
      },
    },
    awaitingOutcome: {
      meta: { status: 'awaiting_outcome' },
      on: {
        NOTICE_OUTCOME_RECORDED: { target: 'awaitingCaseReview', actions: 'recordOutcome' },
      },
    },
    awaitingCaseReview: {
      meta: { status: 'awaiting_case_review' },
      on: {
        NOTICE_CASE_REVIEW_DECIDED: [
          { guard: 'decidesClose', target: 'closed', actions: 'recordDecision' },
          { guard: 'decidesFurtherNotice', target: 'furtherNotice', actions: 'recordDecision' },
          { guard: 'decidesCancellation', target: 'cancellation', actions: 'recordDecision' },
          { guard: 'decidesProsecution', target: 'prosecutionConsidered', actions: 'recordDecision' },
        ],
      },
    },
    closed: { meta: { status: 'closed' }, type: 'final' },
    furtherNotice: { meta: { status: 'further_notice' }, type: 'final' },
    cancellation: { meta: { status: 'cancellation_of_registration' }, type: 'final' },
    prosecutionConsidered: { meta: { status: 'prosecution_considered' }, type: 'final' },
  },
});

export const rfcComplianceNotice2024: InspectionTypeDefinition = {
  type: 'sccif-rfc-compliance-notice',
  version: 1,
  machineRevision: 1,
  title: 'Residential family centre: compliance notice (SCCIF 2024)',
  framework: SEED_002,
  inForceFrom: '2024-04-05',
  machine,
  inputSchema: z.strictObject({ noticeId: z.string().min(1).max(200), requirement: note, complianceDate: isoDate }),
  events: {
    FOLLOW_UP_VISITED: {
      label: 'Follow-up monitoring visit or inspection held: the notice checked',
      roles: ['inspector'],
      schema: payload({ visitId: z.string().min(1).max(200) }),
      source: MONITORING,
    },
    NOTICE_OUTCOME_RECORDED: {
      label: 'Outcome of the notice: met, not met, or met but a different failure found',
      roles: ['inspector', 'manager'],
      schema: payload({ outcome: z.enum(NOTICE_OUTCOMES) }),
      source: MONITORING,
    },
    NOTICE_CASE_REVIEW_DECIDED: {
      label: 'Case review decides: close, further notice, cancel the registration, or consider prosecution',
      roles: ['manager'],
      schema: payload({ decision: z.enum(NOTICE_DECISIONS) }),
      source: MONITORING,
    },
  },
  clocks: [
    {
      id: 'complianceDate',
      label: 'Time given to comply with the notice',
      runsIn: ['awaitingComplianceDate'],
      anchor: 'dayBeforeComplianceDate',
      length: 1,
      unit: 'calendarDays',
      kind: 'automatic',
      onExpiry: 'COMPLIANCE_DATE_PASSED',
      rule: 'The registered person must fully comply by the date set in the notice',
      source: `${src002('Compliance notices and enforcement action')}; ${MONITORING}`,
      reading:
        'The compliance date is the last day to comply: the clock runs out at the end of it (anchored one calendar day before, since a clock counts from day 0). The follow-up visit may already be held on the compliance date (domain reading §7.11).',
    },
    followUpVisit,
  ],
  effects: {},
};
