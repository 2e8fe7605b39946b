import { assign, setup } from 'xstate';
import { z } from 'zod';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload, recordDate } from '../kit';
import { JUDGEMENTS_SOURCE, type RfcJudgements, rfcJudgements } from './judgements';
import { SEED_002, src002 } from './source';

/**
 * SCCIF residential family centres: a monitoring visit (seed 002 §"Monitoring visits" and the sections under it),
 * from planning to publication or the regional director's decision not to publish.
 * Reading: the structured reading of seed 002 §2.5, T37–T39, §7.15, §7.26.
 */
const QA = src002('Quality assurance and arrangements for publishing the report');
const REVIEW = src002('Review of the monitoring report and evidence base');
const REPORTS = src002('Monitoring visit reports');

/** Why the visit is made (seed 002 §"Monitoring visits"). */
export const MONITORING_VISIT_KINDS = ['compliance_or_enforcement', 'progress_after_inadequate', 'specific_concern'] as const;
export type MonitoringVisitKind = (typeof MONITORING_VISIT_KINDS)[number];

export interface JointVisit {
  agency: string;
  legalServicesView: string;
  authorisedOn: string;
  decidedBy: 'regional_director';
}

export interface PublicationWithheld {
  reasons: string;
  decidedOn: string;
  decidedBy: 'regional_director';
}

export interface MonitoringVisitContext {
  kind: MonitoringVisitKind | null;
  announced: boolean;
  jointVisit: JointVisit | null;
  visitStartedOn: string | null;
  /** What the provider was told on arrival: the report's opening must match it (seed 002 §"Monitoring visit reports"). */
  purpose: string | null;
  /** The end of the visit: verbal feedback at the end of the visit. */
  feedbackDate: string | null;
  judgements: RfcJudgements | null;
  /** The new overall grade when the visit makes a new judgement, else null (the previous grade stands). */
  grade: RfcJudgements['overallExperiencesAndProgress'] | null;
  draftSentDate: string | null;
  commentsReceived: boolean;
  finalReportSentDate: string | null;
  publicationWithheld: PublicationWithheld | null;
  publishedDate: string | null;
}

export interface MonitoringVisitInput {
  kind?: MonitoringVisitKind;
  announced?: boolean;
}

const withheldBy = (event: InspectionEvent): PublicationWithheld => ({
  reasons: event.reasons as string,
  decidedOn: event.at,
  decidedBy: 'regional_director',
});

const machine = setup({
  types: {
    context: {} as MonitoringVisitContext,
    events: {} as InspectionEvent,
    input: {} as MonitoringVisitInput,
  },
  guards: {
    notJoint: ({ context }) => context.jointVisit === null,
    publicationWithheld: ({ context }) => context.publicationWithheld !== null,
    publicationNotWithheld: ({ context }) => context.publicationWithheld === null,
  },
  actions: {
    publishReport: () => {},
    withholdPublication: assign({ publicationWithheld: ({ event }) => withheldBy(event) }),
  },
}).createMachine({
  id: 'rfcMonitoringVisit',
  context: ({ input }) => ({
    kind: input?.kind ?? null,
    announced: input?.announced ?? false,
    jointVisit: null,
    visitStartedOn: null,
    purpose: null,
    feedbackDate: null,
    judgements: null,
    grade: null,
    draftSentDate: null,
    commentsReceived: false,
    finalReportSentDate: null,
    publicationWithheld: null,
    publishedDate: null,
  }),
  initial: 'planned',
  states: {
    planned: {
      meta: { status: 'planned' },
      on: {
        JOINT_VISIT_AUTHORISED: {
          guard: 'notJoint',
          actions: assign({
            jointVisit: ({ event }) => ({
              agency: event.agency as string,
              legalServicesView: event.legalServicesView as string,
              authorisedOn: event.at,
              decidedBy: 'regional_director' as const,
            }),
          }),
        },
        VISIT_STARTED: {
          target: 'onSite',
          actions: assign({ visitStartedOn: ({ event }) => event.at, purpose: ({ event }) => event.purpose as string }),
        },
      },
    },
    onSite: {
      meta: { status: 'on_site' },
      on: {
        FEEDBACK_GIVEN: {
          target: 'reporting',
          actions: assign({
            feedbackDate: ({ event }) => event.at,
            judgements: ({ event }) => (event.judgements as RfcJudgements | undefined) ?? null,
            grade: ({ event }) => (event.judgements as RfcJudgements | undefined)?.overallExperiencesAndProgress ?? null,
          }),
        },
      },
    },
    reporting: {
      initial: 'managerReview',
      on: {
        PUBLICATION_WITHHELD: { guard: 'publicationNotWithheld', actions: 'withholdPublication' },
      },
      states: {
        managerReview: {
          meta: { status: 'manager_review' },
          on: {
            DRAFT_REPORT_SENT: { target: 'commentWindow', actions: recordDate<MonitoringVisitContext>('draftSentDate') },
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
            FINAL_REPORT_SENT: [
              { guard: 'publicationWithheld', target: '#rfcMonitoringVisit.notPublished', actions: recordDate<MonitoringVisitContext>('finalReportSentDate') },
              { target: '#rfcMonitoringVisit.awaitingPublication', actions: recordDate<MonitoringVisitContext>('finalReportSentDate') },
            ],
          },
        },
      },
    },
    awaitingPublication: {
      meta: { status: 'awaiting_publication' },
      on: {
        PUBLICATION_WITHHELD: { target: 'notPublished', actions: 'withholdPublication' },
        REPORT_PUBLISHED: {
          target: 'published',
          actions: [assign({ publishedDate: ({ event }) => event.at }), 'publishReport'],
        },
      },
    },
    published: { meta: { status: 'published' }, type: 'final' },
    notPublished: { meta: { status: 'not_published' }, type: 'final' },
  },
});

const regionalDirector = z.literal('regional_director');

export const rfcMonitoringVisit2024: InspectionTypeDefinition = {
  type: 'sccif-rfc-monitoring-visit',
  version: 1,
  machineRevision: 1,
  title: 'Residential family centre: monitoring visit (SCCIF 2024)',
  framework: SEED_002,
  inForceFrom: '2024-04-05',
  machine,
  inputSchema: z.strictObject({ kind: z.enum(MONITORING_VISIT_KINDS), announced: z.boolean().optional() }),
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  events: {
    JOINT_VISIT_AUTHORISED: {
      label: 'Regional director authorises a joint visit with another agency, after the legal services view',
      roles: ['manager'],
      schema: payload({ decidedBy: regionalDirector, agency: note, legalServicesView: note }),
      source: src002('Monitoring with other statutory agencies'),
    },
    VISIT_STARTED: {
      label: 'Inspector arrives and tells the provider the purpose of the visit',
      roles: ['inspector'],
      schema: payload({ purpose: note }),
      source: `${src002('Monitoring for any other reason')}; ${REPORTS}`,
    },
    FEEDBACK_GIVEN: {
      label: 'Verbal feedback at the end of the visit, with a new judgement where the visit makes one',
      roles: ['inspector'],
      schema: payload({ judgements: rfcJudgements.optional() }),
      source: `${src002('Feedback at the end of the monitoring visit')}; ${REPORTS}; ${JUDGEMENTS_SOURCE}`,
    },
    DRAFT_REPORT_SENT: {
      label: "Draft monitoring report sent to the provider, after the manager's review",
      roles: ['inspector'],
      schema: payload({}),
      source: `${REVIEW}; ${QA}`,
    },
    COMMENTS_SUBMITTED: {
      label: 'Provider returns comments on the draft',
      roles: ['provider'],
      schema: payload({}),
      source: `${REVIEW}; ${QA}`,
    },
    FINAL_REPORT_SENT: {
      label: 'Final monitoring report sent to the provider',
      roles: ['inspector', 'manager'],
      schema: payload({}),
      source: `${REVIEW}; ${QA}`,
    },
    PUBLICATION_WITHHELD: {
      label: 'Regional director decides not to publish the monitoring report (exceptional; reasons recorded)',
      roles: ['manager'],
      schema: payload({ decidedBy: regionalDirector, reasons: note }),
      source: `${REPORTS}; ${src002('Subsequent inspection activity')}`,
    },
  },
  clocks: [
    {
      id: 'draftReport',
      label: 'Draft monitoring report to the provider',
      runsIn: ['reporting.managerReview'],
      anchor: 'feedbackDate',
      length: 18,
      unit: 'workingDays',
      kind: 'target',
      rule: 'Draft report within 18 working days of the end of the visit, as for a full inspection',
      source: `${REVIEW}; ${QA}; domain reading T39`,
      reading: 'The end of the visit is the day of the verbal feedback at its end, as the end of a full inspection is.',
    },
    {
      id: 'commentWindow',
      label: "Provider's window to comment",
      runsIn: ['reporting.commentWindow'],
      anchor: 'draftSentDate',
      length: 5,
      unit: 'workingDays',
      kind: 'window',
      onExpiry: 'COMMENT_WINDOW_CLOSED',
      rule: 'The provider has 5 working days from the draft being sent to comment',
      source: `${REVIEW}; ${QA}`,
    },
    {
      id: 'finalReport',
      label: 'Final monitoring report to the provider',
      runsIn: ['reporting.managerReview', 'reporting.commentWindow', 'reporting.finalising'],
      anchor: 'feedbackDate',
      length: 30,
      unit: 'workingDays',
      kind: 'target',
      rule: 'Final report within 30 working days of the end of the visit',
      source: `${REVIEW}; ${QA}`,
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
      rule: 'Published 5 working days after the final report is sent, unless the regional director decides not to publish',
      source: `${REPORTS}; ${src002('Annex for figures')} step 6`,
      reading:
        'The regional director decides before publication: at any point from feedback until the clock runs out. A report withheld does not wait in awaiting publication, so this clock never runs for it.',
    },
  ],
  effects: {
    publishReport: {
      label: 'Publish the monitoring report (and any new grade) on the reports website',
      source: REPORTS,
    },
  },
};
