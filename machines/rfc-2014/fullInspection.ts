import { assign, setup } from 'xstate';
import { z } from 'zod';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload, recordDate } from '../kit';
import { JUDGEMENTS_SOURCE_2014, type Rfc2014Judgements, rfc2014Judgements } from './judgements';
import { type NextInspectionDue, nextInspectionDue } from './nextInspection';
import { type Rfc2014InadequateFollowUp, followUpMissing, inadequateFollowUpEvents, inadequateFollowedUp } from './inadequateFollowUp';
import { reportSteps2014 } from './reportSteps';
import { RFC_2014_IN_FORCE_FROM, SEED_004, src004 } from './source';

/**
 * Residential family centres: the full inspection under the 2014 framework (seed 004), version 0 of
 * `sccif-rfc-full`. Version 1 is the 2024 SCCIF (machines/sccif-rfc/fullInspection.ts); an inspection keeps the
 * version it started under, and a new one takes the version in force on its start date (registry.versionInForce).
 * Reading: the structured reading of seed 004 §2.2, §3 (T3–T5), §5. Every rule names its paragraph below.
 */
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

type Context = Rfc2014FullInspectionContext & Partial<Rfc2014InadequateFollowUp>;

const judgementsOf = (event: InspectionEvent) => event.judgements as Rfc2014Judgements;
const changeJudgements = assign<Context, InspectionEvent, undefined, InspectionEvent, never>({
  judgements: ({ event }) => judgementsOf(event),
});

function buildMachine(followsUpInadequate: boolean) {
  const followedUp = ({ context }: { context: Context }) => followUpMissing(context) === null;
  const followUpSteps = followsUpInadequate
    ? {
        COMPLIANCE_INSPECTOR_CONSULTED: {
          guard: ({ context }: { context: Context }) => context.complianceConsultation === null,
          actions: assign<Context, InspectionEvent, undefined, InspectionEvent, never>({
            complianceConsultation: ({ event }) => ({
              consultedOn: event.at,
              complianceInspector: event.complianceInspector as string,
              immediateRiskOffenceOrConditionsBreach: event.immediateRiskOffenceOrConditionsBreach as boolean,
            }),
          }),
        },
        CASE_DISCUSSION_INSTIGATED: {
          guard: ({ context }: { context: Context }) => context.complianceConsultation !== null && context.caseDiscussion === null,
          actions: assign<Context, InspectionEvent, undefined, InspectionEvent, never>({
            caseDiscussion: ({ event }) => ({ instigatedOn: event.at, enforcementToConsider: event.enforcementToConsider as string }),
          }),
        },
      }
    : {};
  return setup({
    types: {
      context: {} as Context,
      events: {} as InspectionEvent,
      input: {} as { previousInspectionInadequate?: boolean },
    },
    actions: {
      publishReport: () => {},
    },
  }).createMachine({
    id: 'rfc2014FullInspection',
    context: ({ input }) => ({
      onSiteStartedAt: null,
      feedbackDate: null,
      provisionalJudgements: null,
      judgements: null,
      draftSentDate: null,
      commentsReceived: false,
      complaintReceivedDate: null,
      publishedDate: null,
      grade: null,
      ...(followsUpInadequate && {
        previousInspectionInadequate: input?.previousInspectionInadequate ?? false,
        complianceConsultation: null,
        caseDiscussion: null,
        nextInspectionDue: null,
      }),
    }),
    initial: 'scheduled',
    states: {
      // ¶14: full inspections are always unannounced, so no notice and no deferral: the next step is arrival.
      scheduled: {
        meta: { status: 'scheduled' },
        on: {
          INSPECTION_STARTED: { target: 'onSite', actions: recordDate<Context>('onSiteStartedAt') },
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
          COMPLAINT_MADE: { actions: recordDate<Context>('complaintReceivedDate') },
          ...followUpSteps,
        },
        states: {
          qualityAssurance: {
            meta: { status: 'quality_assurance' },
            on: {
              JUDGEMENTS_CHANGED: { actions: changeJudgements }, // ¶75
              DRAFT_REPORT_SENT: {
                ...(followsUpInadequate && { guard: followedUp }),
                target: 'commentWindow',
                actions: recordDate<Context>('draftSentDate'),
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
                ...(followsUpInadequate && { guard: followedUp }),
                target: '#rfc2014FullInspection.published',
                actions: [
                  assign({
                    publishedDate: ({ event }) => event.at,
                    grade: ({ context }) => context.judgements?.overallExperiences ?? null,
                    ...(followsUpInadequate && {
                      nextInspectionDue: ({ context }: { context: Context }) =>
                        context.feedbackDate && context.judgements ? nextInspectionDue(context.feedbackDate, context.judgements.overallExperiences) : null,
                    }),
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
}

const judgementsField = { judgements: rfc2014Judgements };

/**
 * The 2014 framework at revision 1 and revision 2, which adds the rules of ¶12, ¶27–29, ¶42–45 that revision 1 left
 * out: the compliance inspector consulted on an inadequate judgement, the case discussion where its criteria are met,
 * and the next inspection due (within 12 months after inadequate, else within the three-year cycle). One definition
 * with the revision as its parameter; revision 1 is exactly what it was.
 */
export function rfcFullInspection2014Revision(machineRevision: 1 | 2): InspectionTypeDefinition {
  const r2 = machineRevision === 2;
  return {
  type: 'sccif-rfc-full',
  version: 0,
  machineRevision,
  ...(r2 && {
    revisionNote: 'adds the compliance inspector consulted on an inadequate judgement, the case discussion where its criteria are met, and the next inspection due (12 months after inadequate, else the three-year cycle)',
    migratesFrom: { revisions: [1], note: 'an inadequate judgement is followed by the compliance inspector consultation (and the case discussion where its criteria are met) before the report is sent or published; publication records when the next inspection is due' },
  }),
  title: r2 ? 'Residential family centre: full inspection (2014 framework), with the inadequate follow-up and the next inspection due' : 'Residential family centre: full inspection (2014 framework)',
  framework: SEED_004,
  inForceFrom: RFC_2014_IN_FORCE_FROM,
  machine: buildMachine(r2),
  inputSchema: r2
    ? z.strictObject({
        previousInspectionInadequate: z.boolean().optional().describe("the centre's last inspection judged overall experiences inadequate (¶27, ¶42: a case discussion follows another inadequate)"),
      })
    : z.strictObject({}),
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
    ...reportSteps2014,
    DRAFT_REPORT_SENT: { ...reportSteps2014.DRAFT_REPORT_SENT, ...(r2 && { breaks: inadequateFollowedUp }) },
    REPORT_PUBLISHED: {
      label: 'Final report published on the Ofsted website',
      roles: ['manager'],
      schema: payload({}),
      source: src004(63),
      ...(r2 && { breaks: inadequateFollowedUp }),
    },
    ...(r2 && inadequateFollowUpEvents),
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
}

export const rfcFullInspection2014 = rfcFullInspection2014Revision(1);
export const rfcFullInspection2014v2 = rfcFullInspection2014Revision(2);
