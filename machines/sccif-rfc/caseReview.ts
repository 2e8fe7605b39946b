import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addCalendarMonths } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload } from '../kit';
import { SEED_002, src002 } from './source';

/**
 * SCCIF residential family centres: the inadequate track after a full inspection judged inadequate overall
 * (seed 002 §"Inadequate judgements: next steps": §"Post-inspection debrief and case reviews", §"Subsequent
 * inspection activity", §"Feedback to local authorities"). Reading: the structured reading of seed 002 §2.3, T31–T34,
 * §7.13, §7.14.
 */
const CASE_REVIEWS = src002('Post-inspection debrief and case reviews');
const LA_FEEDBACK = src002('Feedback to local authorities');

const noticeToServe = z.strictObject({ noticeId: z.string().trim().min(1).max(200), requirement: note, complianceDate: isoDate });

/** What the case review decides (seed 002 §"Post-inspection debrief and case reviews", §"Subsequent inspection activity"). */
export const caseReviewDecision = z.strictObject({
  nextInspectionBy: isoDate,
  nextInspectionType: z.literal('full'),
  monitoringVisits: z.strictObject({ everyWeeks: z.number().int().min(1).max(52), announced: z.boolean() }).nullable(),
  complianceNotices: z
    .array(noticeToServe)
    .max(50)
    .refine((notices) => new Set(notices.map((n) => n.noticeId)).size === notices.length, 'each notice needs its own noticeId'),
});
export type CaseReviewDecision = z.infer<typeof caseReviewDecision>;

export interface CaseReviewContext {
  /** The end of the inspection judged inadequate (its feedback day). */
  inspectionEndedOn: string | null;
  /** Families accommodated for assessment since this day are among those whose placing authorities are alerted. */
  alertLookBackFrom: string | null;
  debriefedOn: string | null;
  debriefRecommendation: string | null;
  decision: CaseReviewDecision | null;
  decidedOn: string | null;
  alertsSentOn: string | null;
  currentAuthorities: number | null;
  previousSixMonthsAuthorities: number | null;
  alertsConfirmedOn: string | null;
}

export interface CaseReviewInput {
  inspectionEndedOn?: string;
}

const decisionOf = (event: InspectionEvent): CaseReviewDecision => ({
  nextInspectionBy: event.nextInspectionBy as string,
  nextInspectionType: 'full',
  monitoringVisits: (event.monitoringVisits as CaseReviewDecision['monitoringVisits']) ?? null,
  complianceNotices: (event.complianceNotices as CaseReviewDecision['complianceNotices']) ?? [],
});

const machine = setup({
  types: {
    context: {} as CaseReviewContext,
    events: {} as InspectionEvent,
    input: {} as CaseReviewInput,
  },
  guards: {
    // A decision looks forward: the next inspection and every compliance date fall after the case review itself.
    // Without dates (when listing what may be decided now) it is allowed.
    datesAfterTheReview: ({ event }) =>
      (event.nextInspectionBy === undefined || (event.nextInspectionBy as string) > event.at) &&
      ((event.complianceNotices as { complianceDate: string }[] | undefined) ?? []).every((n) => n.complianceDate > event.at),
    // A centre with no family placed now or in the previous 6 months has no placing authority to alert or phone.
    noAuthorityToAlert: ({ event }) => event.currentAuthorities === 0 && event.previousSixMonthsAuthorities === 0,
  },
  actions: {
    recordAlertsSent: assign({
      alertsSentOn: ({ event }) => event.at,
      currentAuthorities: ({ event }) => event.currentAuthorities as number,
      previousSixMonthsAuthorities: ({ event }) => event.previousSixMonthsAuthorities as number,
    }),
  },
}).createMachine({
  id: 'rfcCaseReview',
  context: ({ input }) => ({
    inspectionEndedOn: input?.inspectionEndedOn ?? null,
    alertLookBackFrom: input?.inspectionEndedOn ? addCalendarMonths(input.inspectionEndedOn, -6) : null,
    debriefedOn: null,
    debriefRecommendation: null,
    decision: null,
    decidedOn: null,
    alertsSentOn: null,
    currentAuthorities: null,
    previousSixMonthsAuthorities: null,
    alertsConfirmedOn: null,
  }),
  initial: 'awaitingDebrief',
  states: {
    awaitingDebrief: {
      meta: { status: 'awaiting_debrief' },
      on: {
        DEBRIEF_HELD: {
          target: 'awaitingCaseReview',
          actions: assign({
            debriefedOn: ({ event }) => event.at,
            debriefRecommendation: ({ event }) => event.recommendation as string,
          }),
        },
      },
    },
    awaitingCaseReview: {
      meta: { status: 'awaiting_case_review' },
      on: {
        CASE_REVIEW_DECIDED: {
          guard: 'datesAfterTheReview',
          target: 'alertingAuthorities',
          actions: assign({ decision: ({ event }) => decisionOf(event), decidedOn: ({ event }) => event.at }),
        },
      },
    },
    alertingAuthorities: {
      meta: { status: 'alerting_local_authorities' },
      on: {
        LA_ALERTS_SENT: [
          { guard: 'noAuthorityToAlert', target: 'noAuthorityToAlert', actions: 'recordAlertsSent' },
          { target: 'awaitingConfirmation', actions: 'recordAlertsSent' },
        ],
      },
    },
    awaitingConfirmation: {
      meta: { status: 'awaiting_alert_confirmation' },
      on: {
        LA_ALERTS_CONFIRMED: { target: 'alertsConfirmed', actions: assign({ alertsConfirmedOn: ({ event }) => event.at }) },
      },
    },
    alertsConfirmed: { meta: { status: 'alerts_confirmed' }, type: 'final' },
    noAuthorityToAlert: { meta: { status: 'no_authority_to_alert' }, type: 'final' },
  },
});

const authorities = z.number().int().min(0).max(500);

export const rfcCaseReview2024: InspectionTypeDefinition = {
  type: 'sccif-rfc-case-review',
  version: 1,
  machineRevision: 1,
  title: 'Residential family centre: inadequate track, debrief, case review and alerts (SCCIF 2024)',
  framework: SEED_002,
  inForceFrom: '2024-04-05',
  machine,
  inputSchema: z.strictObject({ inspectionEndedOn: isoDate }),
  events: {
    DEBRIEF_HELD: {
      label: 'Post-inspection debrief held: recommended further action for the case review',
      roles: ['inspector', 'manager'],
      schema: payload({ recommendation: note }),
      source: CASE_REVIEWS,
    },
    CASE_REVIEW_DECIDED: {
      label: 'Case review decides: next full inspection, monitoring visits, compliance notices',
      roles: ['manager'],
      schema: payload(caseReviewDecision.shape),
      source: `${CASE_REVIEWS}; ${src002('Subsequent inspection activity')}; ${src002('Timing and frequency')}`,
    },
    LA_ALERTS_SENT: {
      label: 'Email sent to the DCSs of placing authorities: families placed now and in the previous 6 months',
      roles: ['inspector'],
      schema: payload({ currentAuthorities: authorities, previousSixMonthsAuthorities: authorities }),
      source: LA_FEEDBACK,
    },
    LA_ALERTS_CONFIRMED: {
      label: 'Phone calls confirm every placing authority received the email',
      roles: ['inspector'],
      schema: payload({}),
      source: LA_FEEDBACK,
    },
  },
  clocks: [
    {
      id: 'caseReview',
      label: 'Case review after an inadequate judgement',
      runsIn: ['awaitingDebrief', 'awaitingCaseReview'],
      anchor: 'inspectionEndedOn',
      length: 5,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The case review is held in proportion to risk and no later than 5 working days after the inspection',
      source: `${CASE_REVIEWS}; domain reading T32`,
      reading:
        '"Following the inspection" is read as the end of the inspection (the feedback day), as every other post-inspection clock. The debrief ("as soon as possible") has no clock of its own: it comes before the case review, so it is held within the same 5 working days.',
    },
  ],
  effects: {},
};
