import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addCalendarYears, addWorkingDays } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload, recordDate } from '../kit';
import {
  type ChildrensCentreGrade,
  type ChildrensCentreJudgements,
  JUDGEMENTS_SOURCE,
  childrensCentreJudgements,
  hasInadequateJudgement,
} from './judgements';

/**
 * Children's centre inspection (seed 000: the framework for children's centre inspection, September 2011),
 * from scheduling to the local authority's action plan. Reading: the structured reading of seeds 000 and 001 PART I.
 * Every rule names its seed paragraph (¶) below; where the seed is silent the domain default is named (E1..E20).
 */
const SEED = "seed 000 (children's centre inspection framework, 2011)";
const src = (...paragraphs: number[]) => `${SEED} ${paragraphs.map((p) => `¶${p}`).join(', ')}`;

/** The statutory date for every centre's first inspection (seed 000 ¶14, Regulations 2010). */
export const FIRST_INSPECTION_STATUTORY_DEADLINE = '2015-08-31';

export interface LinkedInspection {
  id: string;
  kind: 'early_years' | 'school';
  /** The linked inspection's own report, sent under its own framework; the centre's report is separate. */
  reportSentDate: string | null;
}

export interface ChildrensCentreInspectionContext {
  designationDate: string | null;
  inCluster: boolean;
  previousInspectionDate: string | null;
  /** seed 000 ¶15: not normally inspected until 3 years after designation, unless in a cluster. */
  notNormallyInspectedBefore: string | null;
  /** seed 000 ¶14: this inspection is due by 31 Aug 2015 (first one) or the 5th anniversary of the previous. */
  inspectionDueBy: string;
  notificationDate: string | null;
  notifiedAt: string | null;
  notifiedBy: 'ofsted' | 'inspection_service_provider' | null;
  earliestStartDate: string | null;
  leadInspectorContactedAt: string | null;
  noticeGiven: boolean | null;
  noNoticeReason: string | null;
  deferrals: number;
  linkedInspections: LinkedInspection[];
  onSiteStartedAt: string | null;
  extraOnSiteDays: number;
  feedbackDate: string | null;
  provisionalJudgements: ChildrensCentreJudgements | null;
  judgements: ChildrensCentreJudgements | null;
  draftSentDate: string | null;
  draftInadequate: boolean | null;
  commentsReceived: boolean;
  publicationExtensionDays: number;
  publishedDate: string | null;
  grade: ChildrensCentreGrade | null;
  reportReceivedDate: string | null;
  actionPlanEscalatedDate: string | null;
  actionPlanReceivedDate: string | null;
  complaints: number;
  complaintReceivedDate: string | null;
  /** seed 000 ¶14: the next inspection is due on or before the 5th anniversary of this one. */
  nextInspectionDueBy: string | null;
  /** seed 000 ¶16: inspected "more frequently" after an inadequate judgement (no interval given). */
  moreFrequentInspection: boolean;
}

export interface ChildrensCentreInspectionInput {
  designationDate?: string | null;
  inCluster?: boolean;
  previousInspectionDate?: string | null;
}

const judgementsOf = (event: InspectionEvent) => event.judgements as ChildrensCentreJudgements;

const upsertLinked = (list: readonly LinkedInspection[], event: InspectionEvent): LinkedInspection[] => {
  const linked: LinkedInspection = { id: event.linkedId as string, kind: event.kind as LinkedInspection['kind'], reportSentDate: null };
  return list.some((l) => l.id === linked.id) ? list.map((l) => (l.id === linked.id ? { ...linked, reportSentDate: l.reportSentDate } : l)) : [...list, linked];
};

const recordLinked = { LINKED_INSPECTION_RECORDED: { actions: 'recordLinkedInspection' as const } };
const extendPublication = { PUBLICATION_EXTENDED: { actions: 'extendPublication' as const } };

const machine = setup({
  types: {
    context: {} as ChildrensCentreInspectionContext,
    events: {} as InspectionEvent,
    input: {} as ChildrensCentreInspectionInput,
  },
  guards: {
    // seed 000 ¶65, read per domain E13: the inadequate flag is taken when the draft is sent, so a grade
    // moderated to (or away from) inadequate changes the window.
    judgedInadequate: ({ context }) => context.judgements !== null && hasInadequateJudgement(context.judgements),
    // Without a linkedId (when listing what may be decided now) any outstanding linked report will do.
    linkedReportOutstanding: ({ context, event }) =>
      context.linkedInspections.some((l) => l.reportSentDate === null && (event.linkedId === undefined || l.id === event.linkedId)),
    allLinkedReportsSent: ({ context }) => context.linkedInspections.every((l) => l.reportSentDate !== null),
  },
  actions: {
    publishReport: () => {},
    recordLinkedInspection: assign({ linkedInspections: ({ context, event }) => upsertLinked(context.linkedInspections, event) }),
    extendPublication: assign({
      publicationExtensionDays: ({ context, event }) => context.publicationExtensionDays + (event.days as number),
    }),
  },
}).createMachine({
  id: 'childrensCentreInspection',
  context: ({ input }) => {
    const designationDate = input?.designationDate ?? null;
    const inCluster = input?.inCluster ?? false;
    const previousInspectionDate = input?.previousInspectionDate ?? null;
    return {
      designationDate,
      inCluster,
      previousInspectionDate,
      // seed 000 ¶15: 3 calendar years from designation, a policy agreed with the DfE ("not normally");
      // clusters, hub-and-spoke and shared management may be inspected earlier, so no date for them.
      notNormallyInspectedBefore: designationDate && !inCluster ? addCalendarYears(designationDate, 3) : null,
      // seed 000 ¶14: first inspection by the end of August 2015, thereafter on or before the 5th anniversary
      // of the previous inspection (calendar years; 29 Feb rolls back to 28 Feb, domain E8).
      inspectionDueBy: previousInspectionDate ? addCalendarYears(previousInspectionDate, 5) : FIRST_INSPECTION_STATUTORY_DEADLINE,
      notificationDate: null,
      notifiedAt: null,
      notifiedBy: null,
      earliestStartDate: null,
      leadInspectorContactedAt: null,
      noticeGiven: null,
      noNoticeReason: null,
      deferrals: 0,
      linkedInspections: [],
      onSiteStartedAt: null,
      extraOnSiteDays: 0,
      feedbackDate: null,
      provisionalJudgements: null,
      judgements: null,
      draftSentDate: null,
      draftInadequate: null,
      commentsReceived: false,
      publicationExtensionDays: 0,
      publishedDate: null,
      grade: null,
      reportReceivedDate: null,
      actionPlanEscalatedDate: null,
      actionPlanReceivedDate: null,
      complaints: 0,
      complaintReceivedDate: null,
      nextInspectionDueBy: null,
      moreFrequentInspection: false,
    };
  },
  initial: 'scheduled',
  states: {
    scheduled: {
      meta: { status: 'scheduled' },
      on: {
        ...recordLinked,
        CENTRE_NOTIFIED: {
          target: 'notice',
          actions: assign({
            notificationDate: ({ event }) => event.at,
            notifiedAt: ({ event }) => event.occurredAt,
            notifiedBy: ({ event }) => event.notifiedBy as ChildrensCentreInspectionContext['notifiedBy'],
            // seed 000 ¶33 read per domain E7: notified Monday, on site Thursday at the earliest.
            earliestStartDate: ({ event }) => addWorkingDays(event.at, 3),
            noticeGiven: true,
          }),
        },
        INSPECTION_STARTED_WITHOUT_NOTICE: {
          target: 'onSite',
          actions: assign({
            noticeGiven: false,
            noNoticeReason: ({ event }) => event.reason as string,
            onSiteStartedAt: ({ event }) => event.at,
          }),
        },
        INSPECTION_CANCELLED: 'cancelled',
      },
    },
    notice: {
      type: 'parallel',
      on: {
        ...recordLinked,
        INSPECTION_DEFERRED: {
          target: 'scheduled',
          actions: assign({
            deferrals: ({ context }) => context.deferrals + 1,
            notificationDate: null,
            notifiedAt: null,
            notifiedBy: null,
            earliestStartDate: null,
            leadInspectorContactedAt: null,
            noticeGiven: null,
          }),
        },
        INSPECTION_CANCELLED: 'cancelled',
      },
      states: {
        contact: {
          initial: 'awaited',
          states: {
            awaited: {
              meta: { status: 'awaiting_lead_inspector_contact' },
              on: {
                LEAD_INSPECTOR_CONTACTED: {
                  target: 'made',
                  actions: assign({ leadInspectorContactedAt: ({ event }) => event.occurredAt }),
                },
              },
            },
            made: { meta: { status: 'lead_inspector_contact_made' } },
          },
        },
        period: {
          initial: 'running',
          states: {
            running: {
              meta: { status: 'notice_period' },
              on: { NOTICE_PERIOD_ELAPSED: 'served' },
            },
            served: {
              meta: { status: 'notice_served' },
              on: {
                INSPECTION_STARTED: {
                  target: '#childrensCentreInspection.onSite',
                  actions: recordDate<ChildrensCentreInspectionContext>('onSiteStartedAt'),
                },
              },
            },
          },
        },
      },
    },
    onSite: {
      meta: { status: 'on_site' },
      on: {
        ...recordLinked,
        ON_SITE_EXTENDED: {
          actions: assign({ extraOnSiteDays: ({ context, event }) => context.extraOnSiteDays + (event.days as number) }),
        },
        FEEDBACK_GIVEN: {
          target: 'afterInspection',
          actions: assign({
            feedbackDate: ({ event }) => event.at,
            provisionalJudgements: ({ event }) => judgementsOf(event),
            judgements: ({ event }) => judgementsOf(event),
            // seed 000 ¶14 read per domain E8: the 5th anniversary of the end of this inspection (the
            // formal feedback day, docs/ARCHITECTURE.md §4), in calendar years.
            nextInspectionDueBy: ({ event }) => addCalendarYears(event.at, 5),
          }),
        },
      },
    },
    afterInspection: {
      type: 'parallel',
      onDone: 'closed',
      states: {
        report: {
          initial: 'qualityAssurance',
          states: {
            qualityAssurance: {
              meta: { status: 'quality_assurance' },
              on: {
                ...extendPublication,
                JUDGEMENTS_MODERATED: { actions: assign({ judgements: ({ event }) => judgementsOf(event) }) },
                DRAFT_SENT: [
                  {
                    guard: 'judgedInadequate',
                    target: 'commentWindowInadequate',
                    actions: assign({ draftSentDate: ({ event }) => event.at, draftInadequate: true }),
                  },
                  {
                    target: 'commentWindow',
                    actions: assign({ draftSentDate: ({ event }) => event.at, draftInadequate: false }),
                  },
                ],
              },
            },
            commentWindow: {
              meta: { status: 'awaiting_factual_accuracy_comments' },
              on: {
                ...extendPublication,
                COMMENTS_SUBMITTED: { target: 'finalising', actions: assign({ commentsReceived: true }) },
                COMMENT_WINDOW_CLOSED: 'finalising',
              },
            },
            commentWindowInadequate: {
              meta: { status: 'awaiting_factual_accuracy_comments' },
              on: {
                ...extendPublication,
                COMMENTS_SUBMITTED: { target: 'finalising', actions: assign({ commentsReceived: true }) },
                COMMENT_WINDOW_CLOSED: 'finalising',
              },
            },
            finalising: {
              meta: { status: 'finalising_report' },
              on: {
                ...extendPublication,
                REPORT_PUBLISHED: {
                  target: 'actionPlanDue',
                  actions: [
                    assign({
                      publishedDate: ({ event }) => event.at,
                      grade: ({ context }) => context.judgements?.overallEffectiveness ?? null,
                      // seed 000 ¶67, read per domain E4: the copy goes to the local authority on publication;
                      // until the authority confirms another date, that is the day it received the report.
                      reportReceivedDate: ({ event }) => event.at,
                      moreFrequentInspection: ({ context }) => context.judgements !== null && hasInadequateJudgement(context.judgements),
                    }),
                    'publishReport',
                  ],
                },
              },
            },
            actionPlanDue: {
              meta: { status: 'awaiting_action_plan' },
              on: {
                REPORT_RECEIPT_CONFIRMED: { actions: recordDate<ChildrensCentreInspectionContext>('reportReceivedDate') },
                ACTION_PLAN_ESCALATED: {
                  target: 'actionPlanEscalated',
                  actions: recordDate<ChildrensCentreInspectionContext>('actionPlanEscalatedDate'),
                },
                ACTION_PLAN_RECEIVED: {
                  target: 'actionPlanReceived',
                  actions: recordDate<ChildrensCentreInspectionContext>('actionPlanReceivedDate'),
                },
              },
            },
            actionPlanEscalated: {
              meta: { status: 'action_plan_escalated' },
              on: {
                ACTION_PLAN_RECEIVED: {
                  target: 'actionPlanReceived',
                  actions: recordDate<ChildrensCentreInspectionContext>('actionPlanReceivedDate'),
                },
              },
            },
            actionPlanReceived: { meta: { status: 'action_plan_received' }, type: 'final' },
          },
        },
        complaints: {
          initial: 'open',
          states: {
            open: {
              meta: { status: 'complaint_window_open' },
              on: {
                COMPLAINT_MADE: {
                  target: 'underReview',
                  actions: assign({
                    complaints: ({ context }) => context.complaints + 1,
                    complaintReceivedDate: ({ event }) => event.at,
                  }),
                },
                COMPLAINT_WINDOW_CLOSED: 'closed',
              },
            },
            // seed 000 is silent on whether a complaint holds up publication; it does not (domain E17).
            underReview: {
              meta: { status: 'complaint_under_review' },
              on: { COMPLAINT_RESPONDED: 'open' },
            },
            closed: { meta: { status: 'complaint_window_closed' }, type: 'final' },
          },
        },
        linkedReports: {
          initial: 'outstanding',
          states: {
            outstanding: {
              meta: { status: 'linked_reports_outstanding' },
              always: { guard: 'allLinkedReportsSent', target: 'sent' },
              on: {
                LINKED_REPORT_SENT: {
                  guard: 'linkedReportOutstanding',
                  actions: assign({
                    linkedInspections: ({ context, event }) =>
                      context.linkedInspections.map((l) =>
                        l.id === event.linkedId && l.reportSentDate === null ? { ...l, reportSentDate: event.at } : l,
                      ),
                  }),
                },
              },
            },
            sent: { meta: { status: 'linked_reports_sent' }, type: 'final' },
          },
        },
      },
    },
    closed: { meta: { status: 'closed' }, type: 'final' },
    cancelled: { meta: { status: 'cancelled' }, type: 'final' },
  },
});

const judgementsField = { judgements: childrensCentreJudgements };
const linkedId = z.string().trim().min(1).max(64);

export const childrensCentreInspection2011: InspectionTypeDefinition = {
  type: 'childrens-centre',
  version: 1,
  machineRevision: 1,
  title: "Children's centre inspection (framework, September 2011)",
  framework: SEED,
  inForceFrom: '2011-09-01',
  machine,
  inputSchema: z.strictObject({
    designationDate: isoDate.optional(),
    inCluster: z.boolean().optional(),
    previousInspectionDate: isoDate.optional(),
  }),
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  events: {
    LINKED_INSPECTION_RECORDED: {
      label: 'Linked inspection of early years provision or a school, held at the same time (separate report)',
      roles: ['manager'],
      schema: payload({ linkedId, kind: z.enum(['early_years', 'school']) }),
      source: src(12, 13, 17),
    },
    CENTRE_NOTIFIED: {
      label: "Centre told of the inspection (3 working days' notice)",
      roles: ['manager', 'inspector'],
      schema: payload({ notifiedBy: z.enum(['ofsted', 'inspection_service_provider']) }),
      source: src(33),
    },
    INSPECTION_STARTED_WITHOUT_NOTICE: {
      label: "Inspection without notice, for particular reasons such as children's welfare",
      roles: ['manager', 'inspector'],
      schema: payload({ reason: note }),
      source: src(34, 16),
    },
    INSPECTION_DEFERRED: {
      label: 'Inspection deferred (exceptional; deferral policy)',
      roles: ['manager'],
      schema: payload({ reason: note }),
      source: src(18),
    },
    INSPECTION_CANCELLED: {
      label: 'Inspection cancelled (exceptional)',
      roles: ['manager'],
      schema: payload({ reason: note }),
      source: src(18),
    },
    LEAD_INSPECTOR_CONTACTED: {
      label: 'Lead inspector contacts the centre leader (or most senior member of staff available)',
      roles: ['inspector'],
      schema: payload({}),
      source: src(33, 38),
    },
    INSPECTION_STARTED: {
      label: 'Inspectors arrive on site',
      roles: ['inspector'],
      schema: payload({}),
      source: src(33, 43),
    },
    ON_SITE_EXTENDED: {
      label: 'More days on site (size of centre, linked inspections)',
      roles: ['manager'],
      schema: payload({ days: z.number().int().min(1).max(10) }),
      source: src(43),
    },
    FEEDBACK_GIVEN: {
      label: 'Formal feedback at the end of the inspection, with the provisional judgements',
      roles: ['inspector'],
      schema: payload(judgementsField),
      source: `${src(62, 63)}; ${JUDGEMENTS_SOURCE}`,
    },
    JUDGEMENTS_MODERATED: {
      label: 'Judgements changed at moderation before the draft goes to the centre',
      roles: ['manager'],
      schema: payload({ ...judgementsField, reasons: note }),
      source: src(52, 65),
    },
    DRAFT_SENT: {
      label: 'Draft report sent to the centre for a factual accuracy check',
      roles: ['inspector', 'manager'],
      schema: payload({}),
      source: src(64, 65),
    },
    COMMENTS_SUBMITTED: {
      label: 'Centre returns its comments on factual accuracy',
      roles: ['provider'],
      schema: payload({}),
      source: src(65),
    },
    PUBLICATION_EXTENDED: {
      label: 'Manager extends the normal period for completing the report (exceptional)',
      roles: ['manager'],
      schema: payload({ days: z.number().int().min(1).max(15), reason: note }),
      source: src(68),
    },
    REPORT_PUBLISHED: {
      label: 'Report published on the website; copies to the local authority and the centre leader',
      roles: ['manager'],
      schema: payload({}),
      source: src(66, 67),
    },
    REPORT_RECEIPT_CONFIRMED: {
      label: 'Local authority confirms the day it received the report',
      roles: ['provider'],
      schema: payload({}),
      source: src(7, 70),
    },
    ACTION_PLAN_ESCALATED: {
      label: "Manager escalates the local authority's overdue action plan",
      roles: ['manager'],
      schema: payload({ reason: note }),
      source: src(7, 10, 70),
      whenOverdue: 'actionPlan',
    },
    ACTION_PLAN_RECEIVED: {
      label: "Local authority's action plan in response to the report's recommendations received",
      roles: ['provider', 'manager'],
      schema: payload({}),
      source: src(7, 70),
    },
    COMPLAINT_MADE: {
      label: 'Formal complaint lodged (within 3 months of the inspection)',
      roles: ['provider'],
      schema: payload({ summary: note }),
      source: src(71, 72, 73),
    },
    COMPLAINT_RESPONDED: {
      label: 'Ofsted responds to the formal complaint',
      roles: ['manager'],
      schema: payload({ outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld']) }),
      source: src(73),
    },
    LINKED_REPORT_SENT: {
      label: "A linked inspection's own report sent (under its own framework)",
      roles: ['inspector', 'manager'],
      schema: payload({ linkedId }),
      source: src(12, 13),
    },
  },
  clocks: [
    {
      id: 'noticePeriod',
      label: "Three working days' notice",
      runsIn: ['notice.period.running'],
      anchor: 'notificationDate',
      length: 2,
      unit: 'workingDays',
      kind: 'automatic',
      onExpiry: 'NOTICE_PERIOD_ELAPSED',
      rule: "Centres receive three working days' notice of an inspection",
      source: src(33),
      reading:
        'The seed does not say how the days are counted (domain E7): the earliest start is the 3rd working day after notification (notified Monday, on site Thursday), so the notice is served at the end of the 2nd working day after the notification day. Zero notice is its own route (¶34).',
    },
    {
      id: 'leadInspectorContact',
      label: 'Lead inspector contacts the centre',
      runsIn: ['notice.contact.awaited'],
      anchor: 'notifiedAt',
      length: 24,
      unit: 'hours',
      kind: 'target',
      rule: 'The lead inspector contacts the centre as soon as possible after notification, and always within 24 hours',
      source: src(33, 38),
      reading:
        'Clock hours, not working time (domain E6), from the instant the notification is recorded: ¶33 anchors on the notification, ¶38 on the centre being made aware; the recorded notification is the one instant the system knows. "Always": missing it is a breach for a manager. No-notice inspections have no such call (contact is made on arrival).',
    },
    {
      id: 'onSiteLength',
      label: 'Time on site',
      runsIn: ['onSite'],
      anchor: 'onSiteStartedAt',
      length: 1,
      unit: 'workingDays',
      extendedBy: ['extraOnSiteDays'],
      kind: 'target',
      rule: 'Inspections do not normally last longer than two days',
      source: src(43),
      reading:
        'The arrival day is the first of the two days, so on-site work normally ends by the end of the next working day; a manager may add days for the size of the centre or linked inspections (¶43).',
    },
    {
      id: 'draftToCentre',
      label: 'Draft report to the centre for a factual check',
      runsIn: ['afterInspection.report.qualityAssurance'],
      anchor: 'feedbackDate',
      length: 10,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The centre leader receives the report to comment on factual accuracy within ten days of the inspection',
      source: src(64),
      reading:
        '"Ten days" has no unit and no anchor in the seed (domain E1): read as receipt by the centre within 10 working days of the end of the inspection (the formal feedback day), as the rest of the timetable is in working days.',
    },
    {
      id: 'factualAccuracyComments',
      label: "Centre's window to comment on factual accuracy",
      runsIn: ['afterInspection.report.commentWindow'],
      anchor: 'draftSentDate',
      length: 1,
      unit: 'workingDays',
      kind: 'window',
      onExpiry: 'COMMENT_WINDOW_CLOSED',
      rule: 'One working day is allocated to the centre to comment on the draft',
      source: src(65),
      reading: 'The window closing without comments is read as "no comments" and the report goes on (domain CC-T13).',
    },
    {
      id: 'factualAccuracyCommentsInadequate',
      label: "Centre's window to comment on factual accuracy (inadequate judgement)",
      runsIn: ['afterInspection.report.commentWindowInadequate'],
      anchor: 'draftSentDate',
      length: 5,
      unit: 'workingDays',
      kind: 'window',
      onExpiry: 'COMMENT_WINDOW_CLOSED',
      rule: 'Where the centre receives an inadequate judgement, five days are allowed for comments',
      source: src(65),
      reading:
        '"Five days" has no unit: working days, as the 1-day window beside it (domain E2). "An inadequate judgement" is any judgement graded inadequate, headline or area, as the judgements stand when the draft is sent (E13).',
    },
    {
      id: 'publication',
      label: 'Report published on the website',
      runsIn: [
        'afterInspection.report.qualityAssurance',
        'afterInspection.report.commentWindow',
        'afterInspection.report.commentWindowInadequate',
        'afterInspection.report.finalising',
      ],
      anchor: 'feedbackDate',
      length: 15,
      unit: 'workingDays',
      extendedBy: ['publicationExtensionDays'],
      kind: 'target',
      rule: 'The report is published within 15 working days of the end of the inspection, unless extended in exceptional circumstances',
      source: src(66, 68),
      reading:
        'The end of the inspection is the formal feedback day (¶62, docs/ARCHITECTURE.md §4). The seed sets no limit to the exceptional extension (¶68): a manager adds working days, each extension audited with its reason.',
    },
    {
      id: 'actionPlan',
      label: "Local authority's action plan",
      runsIn: ['afterInspection.report.actionPlanDue', 'afterInspection.report.actionPlanEscalated'],
      anchor: 'reportReceivedDate',
      length: 2,
      unit: 'months',
      kind: 'target',
      rule: 'The local authority must prepare an action plan no more than two months after the date the report was received',
      source: src(7, 70),
      reading:
        'Calendar months from the day the local authority received the report, clamped at month end (domain E4); until the authority confirms the day, it is the publication day, when the copy is sent (¶67). Late: a breach, and a manager may escalate.',
    },
    {
      id: 'complaintWindow',
      label: 'Formal complaint window',
      runsIn: ['afterInspection.complaints.open'],
      anchor: 'feedbackDate',
      length: 3,
      unit: 'months',
      kind: 'window',
      onExpiry: 'COMPLAINT_WINDOW_CLOSED',
      rule: 'A formal complaint must be lodged within three months of the inspection',
      source: src(73),
      reading:
        '"Of the inspection" has no anchor in the seed: read as 3 calendar months from the end of the inspection, the formal feedback day (domain E5). A complaint does not hold up publication (E17).',
    },
  ],
  effects: {
    publishReport: {
      label: 'Publish the report and overall effectiveness grade on the reports website',
      source: src(66, 67),
    },
  },
};
