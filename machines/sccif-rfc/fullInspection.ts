import { assign, setup } from 'xstate';
import { z } from 'zod';
import { workingDaysBetween } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload, recordDate } from '../kit';
import { JUDGEMENTS_SOURCE, type RfcJudgements, rfcJudgements } from './judgements';
import { SEED_002, src002 } from './source';

/**
 * SCCIF residential family centres: the full inspection (seed 002, 2024), from scheduling to publication.
 * Reading: the structured reading of seed 002 §2.1, §3, §4. Every rule names its source paragraph below.
 */

export interface RfcFullInspectionContext {
  scheduledFor: string | null;
  deferrals: number;
  onSiteStartedAt: string | null;
  extraOnSiteDays: number;
  pausedAt: string | null;
  pausedWorkingDays: number;
  feedbackDate: string | null;
  provisionalJudgements: RfcJudgements | null;
  judgements: RfcJudgements | null;
  changedJudgementsNotTold: boolean;
  draftSentDate: string | null;
  commentsReceived: boolean;
  complaintReceivedDate: string | null;
  complaintWorkingDays: number;
  finalReportSentDate: string | null;
  publishedDate: string | null;
  grade: RfcJudgements['overallExperiencesAndProgress'] | null;
}

export interface RfcFullInspectionInput {
  scheduledFor?: string | null;
}

const judgementsOf = (event: InspectionEvent) => event.judgements as RfcJudgements;

const machine = setup({
  types: {
    context: {} as RfcFullInspectionContext,
    events: {} as InspectionEvent,
    input: {} as RfcFullInspectionInput,
  },
  guards: {
    // seed 002 §"Quality assurance and arrangements for publishing the report": a changed judgement is
    // told to the provider, with reasons, before the provider receives the draft.
    changedJudgementsTold: ({ context }) => !context.changedJudgementsNotTold,
    changedJudgementsNotTold: ({ context }) => context.changedJudgementsNotTold,
  },
  actions: {
    publishReport: () => {},
  },
}).createMachine({
  id: 'rfcFullInspection',
  context: ({ input }) => ({
    scheduledFor: input?.scheduledFor ?? null,
    deferrals: 0,
    onSiteStartedAt: null,
    extraOnSiteDays: 0,
    pausedAt: null,
    pausedWorkingDays: 0,
    feedbackDate: null,
    provisionalJudgements: null,
    judgements: null,
    changedJudgementsNotTold: false,
    draftSentDate: null,
    commentsReceived: false,
    complaintReceivedDate: null,
    complaintWorkingDays: 0,
    finalReportSentDate: null,
    publishedDate: null,
    grade: null,
  }),
  initial: 'scheduled',
  states: {
    scheduled: {
      meta: { status: 'scheduled' },
      on: {
        DEFERRAL_REQUESTED: 'deferralRequested',
        INSPECTION_STARTED: {
          target: 'onSite',
          actions: recordDate<RfcFullInspectionContext>('onSiteStartedAt'),
        },
      },
    },
    deferralRequested: {
      meta: { status: 'deferral_requested' },
      on: {
        DEFERRAL_GRANTED: {
          target: 'scheduled',
          actions: assign({
            deferrals: ({ context }) => context.deferrals + 1,
            scheduledFor: ({ event, context }) => (event.newDate as string | undefined) ?? context.scheduledFor,
          }),
        },
        DEFERRAL_REFUSED: 'scheduled',
        INSPECTION_STARTED: {
          target: 'onSite',
          actions: recordDate<RfcFullInspectionContext>('onSiteStartedAt'),
        },
      },
    },
    onSite: {
      initial: 'fieldwork',
      states: {
        fieldwork: {
          meta: { status: 'on_site' },
          on: {
            INSPECTION_PAUSED: {
              target: 'paused',
              actions: recordDate<RfcFullInspectionContext>('pausedAt'),
            },
            ON_SITE_EXTENDED: {
              actions: assign({
                extraOnSiteDays: ({ context, event }) => context.extraOnSiteDays + (event.days as number),
              }),
            },
            FIELDWORK_COMPLETED: 'awaitingFeedback',
          },
        },
        paused: {
          meta: { status: 'paused' },
          on: {
            INSPECTION_RESUMED: {
              target: 'fieldwork',
              actions: assign({
                pausedWorkingDays: ({ context, event }) =>
                  context.pausedWorkingDays + workingDaysBetween(context.pausedAt ?? event.at, event.at),
                pausedAt: null,
              }),
            },
          },
        },
        awaitingFeedback: { meta: { status: 'awaiting_feedback' } },
      },
      on: {
        FEEDBACK_GIVEN: {
          target: 'reporting',
          actions: assign({
            feedbackDate: ({ event }) => event.at,
            provisionalJudgements: ({ event }) => judgementsOf(event),
            judgements: ({ event }) => judgementsOf(event),
          }),
        },
      },
    },
    reporting: {
      initial: 'qualityAssurance',
      states: {
        qualityAssurance: {
          meta: { status: 'quality_assurance' },
          on: {
            JUDGEMENTS_CHANGED: {
              actions: assign({
                judgements: ({ event }) => judgementsOf(event),
                changedJudgementsNotTold: true,
              }),
            },
            PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS: {
              guard: 'changedJudgementsNotTold',
              actions: assign({ changedJudgementsNotTold: false }),
            },
            DRAFT_REPORT_SENT: {
              guard: 'changedJudgementsTold',
              target: 'commentWindow',
              actions: recordDate<RfcFullInspectionContext>('draftSentDate'),
            },
          },
        },
        commentWindow: {
          meta: { status: 'awaiting_provider_comments' },
          on: {
            COMMENTS_SUBMITTED: { target: 'finalising', actions: assign({ commentsReceived: true }) },
            COMPLAINT_MADE: {
              target: 'complaint',
              actions: recordDate<RfcFullInspectionContext>('complaintReceivedDate'),
            },
            COMMENT_WINDOW_CLOSED: 'finalising',
          },
        },
        complaint: {
          meta: { status: 'complaint_under_review' },
          on: {
            COMPLAINT_RESPONDED: {
              target: 'finalising',
              actions: assign({
                complaintWorkingDays: ({ context, event }) =>
                  context.complaintWorkingDays +
                  workingDaysBetween(context.complaintReceivedDate ?? event.at, event.at),
                judgements: ({ context, event }) =>
                  (event.judgements as RfcJudgements | undefined) ?? context.judgements,
              }),
            },
          },
        },
        finalising: {
          meta: { status: 'finalising_report' },
          on: {
            FINAL_REPORT_SENT: {
              target: '#rfcFullInspection.awaitingPublication',
              actions: recordDate<RfcFullInspectionContext>('finalReportSentDate'),
            },
          },
        },
      },
    },
    awaitingPublication: {
      meta: { status: 'awaiting_publication' },
      on: {
        REPORT_PUBLISHED: {
          target: 'published',
          actions: [
            assign({
              publishedDate: ({ event }) => event.at,
              grade: ({ context }) => context.judgements?.overallExperiencesAndProgress ?? null,
            }),
            'publishReport',
          ],
        },
      },
    },
    published: { meta: { status: 'published' }, type: 'final' },
  },
});

const judgementsField = { judgements: rfcJudgements };

export const rfcFullInspection2024: InspectionTypeDefinition = {
  type: 'sccif-rfc-full',
  version: 1,
  machineRevision: 1,
  title: 'Residential family centre: full inspection (SCCIF 2024)',
  framework: SEED_002,
  inForceFrom: '2024-04-05',
  machine,
  inputSchema: z.strictObject({ scheduledFor: isoDate.optional() }),
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  events: {
    DEFERRAL_REQUESTED: {
      label: 'Provider asks for the inspection to be deferred',
      roles: ['provider', 'manager'],
      schema: payload({ reason: note }),
      source: src002('Deferrals'),
    },
    DEFERRAL_GRANTED: {
      label: 'Deferral granted (deferral policy)',
      roles: ['manager'],
      schema: payload({ newDate: isoDate.optional() }),
      source: src002('Deferrals'),
    },
    DEFERRAL_REFUSED: {
      label: 'Deferral refused; the inspection goes ahead',
      roles: ['manager'],
      schema: payload({}),
      source: src002('Deferrals'),
    },
    INSPECTION_STARTED: {
      label: 'Inspector arrives on site (unannounced)',
      roles: ['inspector'],
      schema: payload({}),
      source: src002('Notice of inspection'),
    },
    INSPECTION_PAUSED: {
      label: 'Inspection paused (exceptional; pausing guidance)',
      roles: ['manager'],
      schema: payload({ reason: note }),
      source: src002('The on-site inspection'),
    },
    INSPECTION_RESUMED: {
      label: 'Paused inspection resumes; on-site clock extended by the pause',
      roles: ['manager'],
      schema: payload({}),
      source: src002('The on-site inspection'),
    },
    ON_SITE_EXTENDED: {
      label: 'RIM agrees additional days on site',
      roles: ['manager'],
      schema: payload({ days: z.number().int().min(1).max(10) }),
      source: src002('Length of inspection'),
    },
    FIELDWORK_COMPLETED: {
      label: 'Fieldwork over; inspector takes advice before feedback',
      roles: ['inspector'],
      schema: payload({}),
      source: src002('End of the inspection and feedback'),
    },
    FEEDBACK_GIVEN: {
      label: 'Feedback meeting held: the end of the inspection, provisional judgements given',
      roles: ['inspector'],
      schema: payload(judgementsField),
      source: `${src002('End of the inspection and feedback')}; ${JUDGEMENTS_SOURCE}`,
    },
    JUDGEMENTS_CHANGED: {
      label: 'Judgements changed at quality assurance',
      roles: ['manager'],
      schema: payload({ ...judgementsField, reasons: note }),
      source: src002('Quality assurance and arrangements for publishing the report'),
    },
    PROVIDER_TOLD_OF_CHANGED_JUDGEMENTS: {
      label: 'Provider told of the revised judgements and the reasons, before the draft',
      roles: ['inspector'],
      schema: payload({}),
      source: src002('Quality assurance and arrangements for publishing the report'),
    },
    DRAFT_REPORT_SENT: {
      label: 'Draft report sent to the provider',
      roles: ['inspector'],
      schema: payload({}),
      source: src002('Quality assurance and arrangements for publishing the report'),
    },
    COMMENTS_SUBMITTED: {
      label: 'Provider returns comments on the draft',
      roles: ['provider'],
      schema: payload({}),
      source: `${src002('Quality assurance and arrangements for publishing the report')}; ${src002('Annex for figures')} step 4`,
    },
    COMPLAINT_MADE: {
      label: 'Provider submits a formal complaint within the comment window',
      roles: ['provider'],
      schema: payload({ summary: note }),
      source: `${src002('Timeframe')} day 26; ${src002('Annex for figures')} step 4`,
    },
    COMPLAINT_RESPONDED: {
      label: 'Ofsted responds to the complaint before finalising the report',
      roles: ['manager'],
      schema: payload({
        outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld']),
        judgements: rfcJudgements.optional(),
      }),
      source: `${src002('Annex for figures')} step 5b`,
    },
    FINAL_REPORT_SENT: {
      label: 'Final report, with responses to comments, sent to the provider',
      roles: ['inspector', 'manager'],
      schema: payload({}),
      source: src002('Quality assurance and arrangements for publishing the report'),
    },
  },
  clocks: [
    {
      id: 'onSiteLength',
      label: 'Time on site',
      runsIn: ['onSite.fieldwork'],
      anchor: 'onSiteStartedAt',
      length: 2,
      unit: 'workingDays',
      extendedBy: ['extraOnSiteDays', 'pausedWorkingDays'],
      kind: 'target',
      rule: 'At most 2½ days on site, unless the RIM agrees more',
      source: `${src002('Length of inspection')}; ${src002('Timeframe')} days 1 to 3`,
      reading:
        'Arrival is day 0 (part day); the half day means on-site work ends by the end of the 2nd working day after arrival (timeframe day 3). Days of a pause do not count.',
    },
    {
      id: 'draftReport',
      label: 'Draft report to the provider',
      runsIn: ['reporting.qualityAssurance'],
      anchor: 'feedbackDate',
      length: 18,
      unit: 'workingDays',
      kind: 'target',
      rule: 'Draft report sent within 18 working days of the end of the inspection',
      source: `${src002('Quality assurance and arrangements for publishing the report')}; ${src002('Timeframe')} day 21; ${src002('Annex for figures')} step 3`,
    },
    {
      id: 'commentWindow',
      label: "Provider's window to comment or complain",
      runsIn: ['reporting.commentWindow'],
      anchor: 'draftSentDate',
      length: 5,
      unit: 'workingDays',
      kind: 'window',
      onExpiry: 'COMMENT_WINDOW_CLOSED',
      rule: 'The provider has 5 working days from the draft being sent to comment or complain',
      source: `${src002('Quality assurance and arrangements for publishing the report')}; ${src002('Annex for figures')} step 4`,
    },
    {
      id: 'finalReport',
      label: 'Final report to the provider',
      runsIn: ['reporting.qualityAssurance', 'reporting.commentWindow', 'reporting.finalising'],
      anchor: 'feedbackDate',
      length: 30,
      unit: 'workingDays',
      extendedBy: ['complaintWorkingDays'],
      kind: 'target',
      rule: 'Final report sent within 30 working days of the end of the inspection, longer after a complaint',
      source: `${src002('Quality assurance and arrangements for publishing the report')}; ${src002('Timeframe')} day 33; ${src002('Annex for figures')} step 6`,
      reading:
        'The seed sets no limit on the extension: the clock stops while a complaint is open and is extended by the working days the complaint took (domain reading §7.6).',
    },
    {
      id: 'publication',
      label: 'Publication on the reports website',
      runsIn: ['awaitingPublication'],
      anchor: 'finalReportSentDate',
      length: 5,
      unit: 'workingDays',
      kind: 'automatic',
      onExpiry: 'REPORT_PUBLISHED',
      rule: 'The report is published 5 working days after the final report is sent',
      source: `${src002('Annex for figures')} step 6; ${src002('Timeframe')} day 38`,
      reading: '"5 days" in the timeframe is read as working days, as the annex says and days 33 to 38 confirm.',
    },
  ],
  effects: {
    publishReport: {
      label: 'Publish the report and grade on the reports website',
      source: `${src002('Annex for figures')} step 6`,
    },
  },
};
