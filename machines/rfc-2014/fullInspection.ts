import { assign, setup } from 'xstate';
import { z } from 'zod';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload, recordDate } from '../kit';
import { JUDGEMENTS_SOURCE_2014, type Rfc2014Judgements, rfc2014Judgements } from './judgements';

/**
 * Residential family centres: the full inspection under the 2014 framework (seed 004), version 0 of
 * `sccif-rfc-full`. Version 1 is the 2024 SCCIF (machines/sccif-rfc/fullInspection.ts); an inspection keeps the
 * version it started under, and a new one takes the version in force on its start date (registry.versionInForce).
 * Reading: the structured reading of seed 004 §2.2, §3 (T3–T5), §5. Every rule names its paragraph below.
 */
export const SEED_004 = 'seed 004 (inspections of residential family centres, 2014)';
export const src004 = (...paragraphs: number[]) => `${SEED_004} ${paragraphs.map((p) => `¶${p}`).join(', ')}`;

/**
 * The seed states no date from which the framework applies: only "Published: September 2014" (its front
 * matter) and the companion guidance promised for October 2014 (footnote 3). Reading: in force from the first
 * day of the month of publication. Any earlier date also gets version 0, the oldest (versionInForce).
 */
export const RFC_2014_IN_FORCE_FROM = '2014-09-01';

export interface Rfc2014FullInspectionContext {
  onSiteStartedAt: string | null;
  feedbackDate: string | null;
  provisionalJudgements: Rfc2014Judgements | null;
  judgements: Rfc2014Judgements | null;
  draftSentDate: string | null;
  commentsReceived: boolean;
  complaintReceivedDate: string | null;
  publishedDate: string | null;
  grade: Rfc2014Judgements['overallExperiences'] | null;
}

const judgementsOf = (event: InspectionEvent) => event.judgements as Rfc2014Judgements;
const changeJudgements = assign<Rfc2014FullInspectionContext, InspectionEvent, undefined, InspectionEvent, never>({
  judgements: ({ event }) => judgementsOf(event),
});

const machine = setup({
  types: {
    context: {} as Rfc2014FullInspectionContext,
    events: {} as InspectionEvent,
  },
  actions: {
    publishReport: () => {},
  },
}).createMachine({
  id: 'rfc2014FullInspection',
  context: {
    onSiteStartedAt: null,
    feedbackDate: null,
    provisionalJudgements: null,
    judgements: null,
    draftSentDate: null,
    commentsReceived: false,
    complaintReceivedDate: null,
    publishedDate: null,
    grade: null,
  },
  initial: 'scheduled',
  states: {
    // ¶14: full inspections are always unannounced, so no notice and no deferral: the next step is arrival.
    scheduled: {
      meta: { status: 'scheduled' },
      on: {
        INSPECTION_STARTED: { target: 'onSite', actions: recordDate<Rfc2014FullInspectionContext>('onSiteStartedAt') },
      },
    },
    onSite: {
      meta: { status: 'on_site' },
      on: {
        // ¶67: oral feedback at the end of the inspection, judgements indicative; the report clocks start (¶63).
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
      on: {
        // ¶78–79, ¶63: a formal complaint is recorded; it does not delay publication, so nothing else moves.
        COMPLAINT_MADE: { actions: recordDate<Rfc2014FullInspectionContext>('complaintReceivedDate') },
      },
      states: {
        qualityAssurance: {
          meta: { status: 'quality_assurance' },
          on: {
            JUDGEMENTS_CHANGED: { actions: changeJudgements }, // ¶75
            DRAFT_REPORT_SENT: {
              target: 'commentWindow',
              actions: recordDate<Rfc2014FullInspectionContext>('draftSentDate'),
            },
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
            // ¶77: factual-accuracy comments are considered as part of quality assurance, which may change
            // provisional judgements (¶75).
            JUDGEMENTS_CHANGED: { actions: changeJudgements },
            REPORT_PUBLISHED: {
              target: '#rfc2014FullInspection.published',
              actions: [
                assign({
                  publishedDate: ({ event }) => event.at,
                  grade: ({ context }) => context.judgements?.overallExperiences ?? null,
                }),
                'publishReport',
              ],
            },
          },
        },
      },
    },
    published: { meta: { status: 'published' }, type: 'final' },
  },
});

const judgementsField = { judgements: rfc2014Judgements };

export const rfcFullInspection2014: InspectionTypeDefinition = {
  type: 'sccif-rfc-full',
  version: 0,
  machineRevision: 1,
  title: 'Residential family centre: full inspection (2014 framework)',
  framework: SEED_004,
  inForceFrom: RFC_2014_IN_FORCE_FROM,
  machine,
  inputSchema: z.strictObject({}),
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  events: {
    INSPECTION_STARTED: {
      label: 'Inspector arrives on site (always unannounced)',
      roles: ['inspector'],
      schema: payload({}),
      source: src004(14, 17),
    },
    FEEDBACK_GIVEN: {
      label: 'Oral feedback given: the end of the inspection, indicative judgements, requirements and recommendations stated',
      roles: ['inspector'],
      schema: payload(judgementsField),
      source: `${src004(63, 67)}; ${JUDGEMENTS_SOURCE_2014}`,
    },
    JUDGEMENTS_CHANGED: {
      label: 'Provisional judgements changed at quality assurance',
      roles: ['manager'],
      schema: payload({ ...judgementsField, reasons: note }),
      source: src004(67, 75, 77),
    },
    DRAFT_REPORT_SENT: {
      label: 'Inspection report sent to the provider for a factual accuracy check',
      roles: ['inspector'],
      schema: payload({}),
      source: src004(63),
    },
    COMMENTS_SUBMITTED: {
      label: 'Provider returns the report with any comments on factual accuracy',
      roles: ['provider'],
      schema: payload({}),
      source: src004(63, 77),
    },
    COMPLAINT_MADE: {
      label: 'Formal complaint under Ofsted’s complaints procedure (does not delay publication)',
      roles: ['provider'],
      schema: payload({ summary: note }),
      source: src004(63, 78, 79),
    },
    REPORT_PUBLISHED: {
      label: 'Final report published on the Ofsted website',
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
      rule: 'The report is sent to the provider within 10 working days of the end of the inspection',
      source: src004(63),
      reading:
        '"The end of the inspection" is the day of the oral feedback (¶67 gives feedback "at the end of the inspection"; docs/ARCHITECTURE.md §4; domain reading E3). Ofsted\'s own timetable: missing it is a breach, it moves nothing.',
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
      reading:
        'The seed does not say from when the five working days run: from the day the report is sent (day 0, docs/ARCHITECTURE.md §4; domain reading E4). A window given to the provider ("should"): it closes by itself and the report goes on without comments.',
    },
    {
      id: 'publication',
      label: 'Final report published on the Ofsted website',
      runsIn: ['reporting.qualityAssurance', 'reporting.commentWindow', 'reporting.finalising'],
      anchor: 'feedbackDate',
      length: 20,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The final report is published within 20 working days of the end of the inspection, irrespective of appeals or complaints',
      source: src004(63, 79),
      reading:
        'Counted from the oral feedback day, like the report clock. A complaint neither stops nor extends it (¶63 "irrespective of appeals or complaints", ¶79). Publication is an Ofsted decision made by a manager: the seed gives only the limit, not the day.',
    },
  ],
  effects: {
    publishReport: {
      label: 'Publish the report and grade on the Ofsted website',
      source: src004(13, 63),
    },
  },
};
