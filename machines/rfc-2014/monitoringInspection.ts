import { assign, setup } from 'xstate';
import { z } from 'zod';
import { type InspectionEvent, type InspectionTypeDefinition, note, payload, recordDate } from '../kit';
import { reportSteps2014 } from './reportSteps';
import { RFC_2014_IN_FORCE_FROM, SEED_004, src004 } from './source';

/**
 * Residential family centres: the monitoring inspection under the 2014 framework (seed 004 ¶13–14), version 0
 * of `rfc-2014-monitoring`. The seed says little about it (domain reading §2.3, T15, E12): it "may" be carried out
 * after an incident, complaint or concern, or to follow up enforcement; it is usually unannounced; no timing,
 * grades or report are stated for it. Readings chosen, each beside its rule below:
 * - no grades (¶13 gives graded judgements to the full inspection only), so no limiting rules and no grade;
 * - a report is a manager's decision after feedback (E12: "whether to publish is a policy switch"); when there
 *   is one, ¶63's timetable applies to it, since ¶63 speaks of "the inspection report" of "the inspection"
 *   under the general heading "Reporting findings at inspections", not of full inspections only;
 * - the outcome recorded at feedback says where the findings go (requirements ¶26, ¶40; a case discussion to
 *   consider enforcement ¶27–29, ¶44).
 */
export const MONITORING_TRIGGERS = ['incident', 'complaint', 'concern', 'enforcement_follow_up'] as const;
export const MONITORING_OUTCOMES = ['no_further_action', 'requirements_set', 'case_discussion'] as const;

export interface Rfc2014MonitoringContext {
  trigger: (typeof MONITORING_TRIGGERS)[number] | null;
  announced: boolean;
  onSiteStartedAt: string | null;
  feedbackDate: string | null;
  outcome: (typeof MONITORING_OUTCOMES)[number] | null;
  draftSentDate: string | null;
  commentsReceived: boolean;
  complaintReceivedDate: string | null;
  publishedDate: string | null;
}

export interface Rfc2014MonitoringInput {
  trigger?: Rfc2014MonitoringContext['trigger'];
  announced?: boolean;
}

const machine = setup({
  types: {
    context: {} as Rfc2014MonitoringContext,
    events: {} as InspectionEvent,
    input: {} as Rfc2014MonitoringInput,
  },
  actions: {
    publishReport: () => {},
  },
}).createMachine({
  id: 'rfc2014MonitoringInspection',
  context: ({ input }) => ({
    trigger: input?.trigger ?? null,
    announced: input?.announced ?? false,
    onSiteStartedAt: null,
    feedbackDate: null,
    outcome: null,
    draftSentDate: null,
    commentsReceived: false,
    complaintReceivedDate: null,
    publishedDate: null,
  }),
  initial: 'scheduled',
  states: {
    scheduled: {
      meta: { status: 'scheduled' },
      on: {
        INSPECTION_STARTED: { target: 'onSite', actions: recordDate<Rfc2014MonitoringContext>('onSiteStartedAt') },
        // ¶13: a monitoring inspection "may" be carried out, so a manager may also decide against it.
        INSPECTION_CANCELLED: 'cancelled',
      },
    },
    onSite: {
      meta: { status: 'on_site' },
      on: {
        FEEDBACK_GIVEN: {
          target: 'reporting',
          actions: assign({
            feedbackDate: ({ event }) => event.at,
            outcome: ({ event }) => event.outcome as Rfc2014MonitoringContext['outcome'],
          }),
        },
      },
    },
    reporting: {
      initial: 'qualityAssurance',
      on: {
        COMPLAINT_MADE: { actions: recordDate<Rfc2014MonitoringContext>('complaintReceivedDate') },
      },
      states: {
        qualityAssurance: {
          meta: { status: 'quality_assurance' },
          on: {
            DRAFT_REPORT_SENT: { target: 'commentWindow', actions: recordDate<Rfc2014MonitoringContext>('draftSentDate') },
            NO_REPORT_DECIDED: '#rfc2014MonitoringInspection.closedWithoutReport',
          },
        },
        commentWindow: {
          meta: { status: 'awaiting_provider_comments' },
          on: {
            COMMENTS_SUBMITTED: { target: 'finalising', actions: assign({ commentsReceived: true }) },
            COMMENT_WINDOW_CLOSED: 'finalising',
          },
        },
        finalising: {
          meta: { status: 'finalising_report' },
          on: {
            REPORT_PUBLISHED: {
              target: '#rfc2014MonitoringInspection.published',
              actions: [assign({ publishedDate: ({ event }) => event.at }), 'publishReport'],
            },
          },
        },
      },
    },
    published: { meta: { status: 'published' }, type: 'final' },
    closedWithoutReport: { meta: { status: 'closed_without_report' }, type: 'final' },
    cancelled: { meta: { status: 'cancelled' }, type: 'final' },
  },
});

export const rfcMonitoringInspection2014: InspectionTypeDefinition = {
  type: 'rfc-2014-monitoring',
  version: 0,
  machineRevision: 1,
  title: 'Residential family centre: monitoring inspection (2014 framework)',
  framework: SEED_004,
  inForceFrom: RFC_2014_IN_FORCE_FROM,
  machine,
  inputSchema: z.strictObject({
    trigger: z.enum(MONITORING_TRIGGERS).optional().describe('why it is carried out (¶13)'),
    announced: z.boolean().optional().describe('usually unannounced (¶14); the seed gives no notice period'),
  }),
  events: {
    INSPECTION_STARTED: {
      label: 'Inspector arrives on site (usually unannounced)',
      roles: ['inspector'],
      schema: payload({}),
      source: src004(13, 14),
    },
    INSPECTION_CANCELLED: {
      label: 'Monitoring inspection not carried out after all',
      roles: ['manager'],
      schema: payload({ reason: note }),
      source: src004(13),
    },
    FEEDBACK_GIVEN: {
      label: 'Oral feedback given at the end of the inspection, with the outcome of the findings',
      roles: ['inspector'],
      schema: payload({ outcome: z.enum(MONITORING_OUTCOMES), findings: note }),
      source: src004(26, 29, 44, 67),
    },
    NO_REPORT_DECIDED: {
      label: 'Manager decides the findings are not reported or published',
      roles: ['manager'],
      schema: payload({ reason: note }),
      source: src004(13, 62),
    },
    ...reportSteps2014,
    REPORT_PUBLISHED: {
      label: 'Report published on the Ofsted website',
      roles: ['manager'],
      schema: payload({}),
      source: src004(63),
    },
  },
  clocks: [
    {
      id: 'draftReport',
      label: 'Report to the provider for a factual accuracy check',
      runsIn: ['reporting.qualityAssurance'],
      anchor: 'feedbackDate',
      length: 10,
      unit: 'workingDays',
      kind: 'target',
      rule: 'A reported monitoring inspection: the report is sent to the provider within 10 working days of the end of the inspection',
      source: src004(63),
      reading:
        'The seed sets no timing for monitoring inspections (domain reading T15, E12); ¶63 is read as applying to any inspection that is reported. It runs from the feedback day until a manager decides there is no report.',
    },
    {
      id: 'commentWindow',
      label: "Provider's factual accuracy check",
      runsIn: ['reporting.commentWindow'],
      anchor: 'draftSentDate',
      length: 5,
      unit: 'workingDays',
      kind: 'window',
      onExpiry: 'COMMENT_WINDOW_CLOSED',
      rule: 'The provider should return the report with any factual accuracy comments within 5 working days',
      source: src004(63),
      reading: 'From the day the report is sent (day 0); closes by itself (domain reading E4).',
    },
    {
      id: 'publication',
      label: 'Report published on the Ofsted website',
      runsIn: ['reporting.qualityAssurance', 'reporting.commentWindow', 'reporting.finalising'],
      anchor: 'feedbackDate',
      length: 20,
      unit: 'workingDays',
      kind: 'target',
      rule: 'A reported monitoring inspection: published within 20 working days of the end of the inspection, irrespective of complaints',
      source: src004(63, 79),
      reading: 'As for the full inspection; stops only when a manager decides there is no report.',
    },
  ],
  effects: {
    publishReport: {
      label: 'Publish the monitoring report on the Ofsted website (no grade)',
      source: src004(63),
    },
  },
};
