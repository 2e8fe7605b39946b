import { assign, setup } from 'xstate';
import { z } from 'zod';
import { addWorkingDays, workingDaysBetween } from '../../calendar';
import { type InspectionEvent, type InspectionTypeDefinition, isoDate, note, payload, recordDate } from '../kit';
import { JUDGEMENTS_SOURCE, SLAC_SCOPES, type SlacGrade, type SlacJudgements, type SlacScope, headlineGrade, lookedAfterChildrenJudgements, safeguardingJudgements, sectionsOf, slacJudgements } from './judgements';
import { type NextInspectionDue, nextInspectionDue } from './nextInspection';

/**
 * Inspections of safeguarding and looked after children services (seed 001, October 2010): the two
 * inspections run together as one event with one report, each section with its own judgements (¶15, ¶48).
 * Reading: the structured reading of seeds 000 and 001 PART II. Every rule names its paragraph (SL¶n) below.
 *
 * Two parallel regions: `inspection` moves from notice to publication; `complaints` runs beside it, so an
 * open complaint never holds publication back (¶53, ¶65), and the window stays open 30 calendar days after
 * publication. The machine is done when both are.
 */
const SEED = 'seed 001 (inspections of safeguarding and looked after children services, 2010)';
const src = (...paragraphs: number[]) => `${SEED} ${paragraphs.map((p) => `¶${p}`).join(', ')}`;

/** The inspectorate that inspects jointly with Ofsted (¶2, ¶10–11). */
export const JOINT_INSPECTORATE = 'Care Quality Commission' as const;

export interface RiskOfHarmNotice {
  summary: string;
  /** The day the director of children's services was told (orally, immediately: ¶54). */
  toldOn: string;
  toldAt: string;
  /** The day the written confirmation went (¶54). */
  confirmedInWritingOn: string | null;
}

export interface SafeguardingLacContext {
  notifiedAt: string | null;
  plannedFieldworkStart: string | null;
  withoutNoticeReason: 'judged_inadequate_previously' | 'serious_safeguarding_concerns' | null;
  jointInspectorate: { body: typeof JOINT_INSPECTORATE; inspector: string } | null;
  setUpMeetingDate: string | null;
  casesBeforeFieldwork: { safeguarding: number; lookedAfterChildren: number } | null;
  casesAtFieldworkStart: { safeguarding: number; lookedAfterChildren: number } | null;
  caseAuditSharedOn: string | null;
  fieldworkStartedAt: string | null;
  riskNotices: RiskOfHarmNotice[];
  /** The instant the oldest risk not yet confirmed in writing was told: the written-confirmation clock's anchor. */
  riskAwaitingWrittenConfirmationSince: string | null;
  feedbackDate: string | null;
  provisionalJudgements: SlacJudgements | null;
  judgements: SlacJudgements | null;
  draftSentDate: string | null;
  draftLateWorkingDays: number;
  factualAccuracyCommentsReturned: boolean;
  finalReportSentDate: string | null;
  publishedDate: string | null;
  grade: SlacGrade | null;
  complaints: number;
  complaintReceivedDate: string | null;
  complaintWindowClosed: boolean;
}

export interface SafeguardingLacInput {
  plannedFieldworkStart?: string | null;
  scope?: SlacScope;
  separateBecause?: SeparateInspectionReason;
}

/** Why an inspection covers one service only (seed 001 ¶15). */
export const SEPARATE_INSPECTION_REASONS = ['judged_inadequate_previously', 'serious_safeguarding_concerns'] as const;
type SeparateInspectionReason = (typeof SEPARATE_INSPECTION_REASONS)[number];

/** What revision 2 adds to the context: the services inspected and, once published, when the next inspection is due. */
interface Separable {
  scope: SlacScope;
  separateBecause: SeparateInspectionReason | null;
  nextInspectionDue: NextInspectionDue | null;
}

const SECTION_CASES = { safeguarding: 'safeguardingCases', lookedAfterChildren: 'lookedAfterChildrenCases' } as const;

/**
 * A separate inspection covers one service (¶15): its judgements and its case samples are that section's only, and a
 * joint inspection's are both. The reason the event breaks the rule, or null.
 */
export const sectionsInScope = function sectionsMatchTheServicesInspected(context: Record<string, unknown>, event: InspectionEvent): string | null {
  const sections = sectionsOf((context.scope as SlacScope | undefined) ?? 'both');
  const judgements = event.judgements as Record<string, unknown> | undefined;
  const given = judgements
    ? Object.keys(judgements)
    : Object.entries(SECTION_CASES)
        .filter(([, field]) => event[field] !== undefined)
        .map(([section]) => section);
  const what = judgements ? 'judgements' : 'cases';
  const missing = sections.filter((s) => !given.includes(s));
  const extra = given.filter((s) => !sections.includes(s as keyof SlacJudgements));
  if (missing.length === 0 && extra.length === 0) return null;
  return `this inspection covers ${sections.join(' and ')}: ${what} ${missing.length ? `for ${missing.join(' and ')} are required` : `for ${extra.join(' and ')} are not taken`}`;
};

const judgementsOf = (event: InspectionEvent) => event.judgements as SlacJudgements;
const casesOf = (event: InspectionEvent) => ({
  safeguarding: event.safeguardingCases as number,
  lookedAfterChildren: event.lookedAfterChildrenCases as number,
});
const cqc = (event: InspectionEvent): SafeguardingLacContext['jointInspectorate'] => ({
  body: JOINT_INSPECTORATE,
  inspector: event.cqcInspector as string,
});
const oldestUnconfirmed = (notices: readonly RiskOfHarmNotice[]) =>
  notices.find((n) => n.confirmedInWritingOn === null)?.toldAt ?? null;

function buildMachine(separable: boolean) {
  const inScope = ({ context, event }: { context: SafeguardingLacContext; event: InspectionEvent }) =>
    sectionsInScope(context as unknown as Record<string, unknown>, event) === null;
  return setup({
  types: {
    context: {} as SafeguardingLacContext & Partial<Separable>,
    events: {} as InspectionEvent,
    input: {} as SafeguardingLacInput,
  },
  guards: {
    inScope,
    riskAwaitingWrittenConfirmation: ({ context }) => context.riskAwaitingWrittenConfirmationSince !== null,
    // ¶65 "at any stage during an inspection": read as from notification (domain reading F6).
    complaintsOpen: ({ context }) => context.notifiedAt !== null,
    complaintWindowClosed: ({ context }) => context.complaintWindowClosed,
    // The window is counted from publication: before it, its expiry cannot come (and is ignored).
    reportPublished: ({ context }) => context.publishedDate !== null,
  },
  actions: {
    publishReport: () => {},
  },
}).createMachine({
  id: 'safeguardingLac',
  type: 'parallel',
  context: ({ input }) => ({
    notifiedAt: null,
    plannedFieldworkStart: input?.plannedFieldworkStart ?? null,
    withoutNoticeReason: null,
    jointInspectorate: null,
    setUpMeetingDate: null,
    casesBeforeFieldwork: null,
    casesAtFieldworkStart: null,
    caseAuditSharedOn: null,
    fieldworkStartedAt: null,
    riskNotices: [],
    riskAwaitingWrittenConfirmationSince: null,
    feedbackDate: null,
    provisionalJudgements: null,
    judgements: null,
    draftSentDate: null,
    draftLateWorkingDays: 0,
    factualAccuracyCommentsReturned: false,
    finalReportSentDate: null,
    publishedDate: null,
    grade: null,
    complaints: 0,
    complaintReceivedDate: null,
    complaintWindowClosed: false,
    ...(separable && { scope: input?.scope ?? 'both', separateBecause: input?.separateBecause ?? null, nextInspectionDue: null }),
  }),
  states: {
    inspection: {
      initial: 'scheduled',
      on: {
        // The written confirmation may follow after fieldwork ("at the earliest opportunity", ¶54).
        RISK_CONFIRMED_IN_WRITING: {
          guard: 'riskAwaitingWrittenConfirmation',
          actions: assign(({ context, event }) => {
            let done = false;
            const riskNotices = context.riskNotices.map((n) => {
              if (done || n.confirmedInWritingOn !== null) return n;
              done = true;
              return { ...n, confirmedInWritingOn: event.at };
            });
            return { riskNotices, riskAwaitingWrittenConfirmationSince: oldestUnconfirmed(riskNotices) };
          }),
        },
      },
      states: {
        scheduled: {
          meta: { status: 'scheduled' },
          on: {
            NOTICE_GIVEN: {
              target: 'notified',
              actions: assign({
                notifiedAt: ({ event }) => event.at,
                plannedFieldworkStart: ({ event }) => event.fieldworkStartsOn as string,
                jointInspectorate: ({ event }) => cqc(event),
              }),
            },
            INSPECTION_STARTED_WITHOUT_NOTICE: {
              target: 'onSite',
              actions: assign({
                notifiedAt: ({ event }) => event.at,
                plannedFieldworkStart: ({ event }) => event.at,
                fieldworkStartedAt: ({ event }) => event.at,
                withoutNoticeReason: ({ event }) => event.reason as SafeguardingLacContext['withoutNoticeReason'],
                jointInspectorate: ({ event }) => cqc(event),
              }),
            },
          },
        },
        notified: {
          meta: { status: 'notified' },
          on: {
            SET_UP_MEETING_HELD: {
              target: 'caseSampling',
              actions: recordDate<SafeguardingLacContext>('setUpMeetingDate'),
            },
          },
        },
        caseSampling: {
          meta: { status: 'case_sampling' },
          on: {
            CASES_SELECTED: {
              ...(separable && { guard: 'inScope' as const }),
              target: 'readyForFieldwork',
              actions: assign({ casesBeforeFieldwork: ({ event }) => casesOf(event) }),
            },
          },
        },
        readyForFieldwork: {
          meta: { status: 'awaiting_fieldwork' },
          on: {
            FIELDWORK_STARTED: {
              target: 'onSite',
              actions: recordDate<SafeguardingLacContext>('fieldworkStartedAt'),
            },
          },
        },
        onSite: {
          initial: 'fieldwork',
          states: {
            fieldwork: {
              meta: { status: 'on_site' },
              on: {
                FURTHER_CASES_SELECTED: {
                  ...(separable && { guard: 'inScope' as const }),
                  actions: assign({ casesAtFieldworkStart: ({ event }) => casesOf(event) }),
                },
                CASE_AUDIT_SHARED: {
                  actions: recordDate<SafeguardingLacContext>('caseAuditSharedOn'),
                },
                SIGNIFICANT_RISK_TOLD_TO_DCS: {
                  actions: assign(({ context, event }) => {
                    const riskNotices = [
                      ...context.riskNotices,
                      { summary: event.summary as string, toldOn: event.at, toldAt: event.occurredAt, confirmedInWritingOn: null },
                    ];
                    return { riskNotices, riskAwaitingWrittenConfirmationSince: oldestUnconfirmed(riskNotices) };
                  }),
                },
                FEEDBACK_GIVEN: {
                  ...(separable && { guard: 'inScope' as const }),
                  target: '#safeguardingLac.inspection.reporting',
                  actions: assign({
                    feedbackDate: ({ event }) => event.at,
                    provisionalJudgements: ({ event }) => judgementsOf(event),
                    judgements: ({ event }) => judgementsOf(event),
                  }),
                },
              },
            },
          },
        },
        reporting: {
          initial: 'drafting',
          states: {
            drafting: {
              meta: { status: 'drafting_report' },
              on: {
                JUDGEMENTS_CHANGED: {
                  ...(separable && { guard: 'inScope' as const }),
                  actions: assign({ judgements: ({ event }) => judgementsOf(event) }),
                },
                DRAFT_REPORT_SENT: {
                  target: 'factualAccuracy',
                  actions: assign({
                    draftSentDate: ({ event }) => event.at,
                    // A late draft still leaves the DCS five working days (domain reading F3: the later of the two).
                    draftLateWorkingDays: ({ context, event }) =>
                      Math.max(0, workingDaysBetween(addWorkingDays(context.feedbackDate ?? event.at, 10), event.at)),
                  }),
                },
              },
            },
            factualAccuracy: {
              meta: { status: 'awaiting_factual_accuracy_comments' },
              on: {
                FACTUAL_ACCURACY_COMMENTS_RETURNED: {
                  target: 'finalising',
                  actions: assign({ factualAccuracyCommentsReturned: true }),
                },
                FACTUAL_ACCURACY_WINDOW_CLOSED: 'finalising',
              },
            },
            finalising: {
              meta: { status: 'finalising_report' },
              on: {
                FINAL_REPORT_SENT: {
                  target: '#safeguardingLac.inspection.awaitingPublication',
                  actions: recordDate<SafeguardingLacContext>('finalReportSentDate'),
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
                  grade: ({ context }) => (context.judgements ? headlineGrade(context.judgements) : null),
                  ...(separable && {
                    nextInspectionDue: ({ context }: { context: SafeguardingLacContext }) =>
                      context.feedbackDate && context.judgements ? nextInspectionDue(context.feedbackDate, headlineGrade(context.judgements)) : null,
                  }),
                }),
                'publishReport',
              ],
            },
          },
        },
        published: { meta: { status: 'published' }, type: 'final' },
      },
    },
    complaints: {
      initial: 'noComplaint',
      states: {
        noComplaint: {
          meta: { status: 'no_open_complaint' },
          on: {
            COMPLAINT_MADE: {
              guard: 'complaintsOpen',
              target: 'underReview',
              actions: assign({
                complaints: ({ context }) => context.complaints + 1,
                complaintReceivedDate: ({ event }) => event.at,
              }),
            },
            COMPLAINT_WINDOW_CLOSED: {
              guard: 'reportPublished',
              target: 'closed',
              actions: assign({ complaintWindowClosed: true }),
            },
          },
        },
        underReview: {
          meta: { status: 'complaint_under_review' },
          on: {
            // The window closing does not end a complaint already made: it is still answered.
            COMPLAINT_WINDOW_CLOSED: { guard: 'reportPublished', actions: assign({ complaintWindowClosed: true }) },
            COMPLAINT_RESOLVED: [
              { guard: 'complaintWindowClosed', target: 'closed', actions: assign({ complaintReceivedDate: null }) },
              { target: 'noComplaint', actions: assign({ complaintReceivedDate: null }) },
            ],
          },
        },
        closed: { meta: { status: 'complaints_closed' }, type: 'final' },
      },
    },
  },
});
}

const judgementsField = { judgements: slacJudgements };
/** A staff reference, not a name: the ledger keeps no personal data (docs/ARCHITECTURE.md §3 decision 4). */
const staffRef = z.string().trim().min(1).max(100);
const caseCount = (minimum: number) => z.number().int().min(minimum).max(10_000);

/**
 * The 2010 framework at revision 1 and revision 2, which adds what revision 1 left out of ¶7 and ¶15: an inspection of
 * one service only (safeguarding, or looked after children), exceptionally, where it was judged inadequate before or
 * serious safeguarding concerns were raised; and, at publication, when the next inspection is due in the three-year
 * programme. One definition with the revision as its parameter; revision 1 is exactly what it was.
 */
export function safeguardingLacInspection(machineRevision: 1 | 2): InspectionTypeDefinition {
  const r2 = machineRevision === 2;
  const sectionsRule = r2 ? { breaks: sectionsInScope } : {};
  const judgementsPayload = r2
    ? { judgements: z.strictObject({ safeguarding: safeguardingJudgements.optional(), lookedAfterChildren: lookedAfterChildrenJudgements.optional() }) }
    : judgementsField;
  const cases = (minimum: number) =>
    r2 ? { safeguardingCases: caseCount(minimum).optional(), lookedAfterChildrenCases: caseCount(minimum).optional() } : { safeguardingCases: caseCount(minimum), lookedAfterChildrenCases: caseCount(minimum) };
  return {
  type: 'safeguarding-lac',
  version: 1,
  machineRevision,
  ...(r2 && {
    revisionNote: 'adds the separate inspection of safeguarding or of looked after children services, and the next inspection due in the three-year programme',
    migratesFrom: { revisions: [1], note: 'an inspection runs as a joint inspection of both services (scope both); publication records when the next inspection is due' },
  }),
  title: r2
    ? 'Inspection of safeguarding and looked after children services (2010), together or exceptionally separately, with the next inspection due'
    : 'Inspection of safeguarding and looked after children services (2010)',
  framework: SEED,
  inForceFrom: '2010-10-01',
  machine: buildMachine(r2),
  inputSchema: r2
    ? z
        .strictObject({
          plannedFieldworkStart: isoDate.optional(),
          scope: z.enum(SLAC_SCOPES).optional().describe('both services together (the default), or exceptionally one of them (¶15)'),
          separateBecause: z.enum(SEPARATE_INSPECTION_REASONS).optional().describe('why one service is inspected on its own: required for a separate inspection (¶15)'),
        })
        .refine((i) => (i.scope ?? 'both') === 'both' || i.separateBecause !== undefined, {
          message: 'a separate inspection of one service is made exceptionally, where it was judged inadequate previously or serious safeguarding concerns were raised: give separateBecause (seed 001 ¶15)',
          path: ['separateBecause'],
        })
        .refine((i) => (i.scope ?? 'both') !== 'both' || i.separateBecause === undefined, { message: 'separateBecause is for a separate inspection of one service only', path: ['separateBecause'] })
    : z.strictObject({ plannedFieldworkStart: isoDate.optional() }),
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  events: {
    NOTICE_GIVEN: {
      label: 'Notification letter sent to the local authority, with the fieldwork start date and the CQC inspector',
      roles: ['manager'],
      schema: payload({ fieldworkStartsOn: isoDate, cqcInspector: staffRef }),
      source: src(8, 10, 11, 30),
    },
    INSPECTION_STARTED_WITHOUT_NOTICE: {
      label: 'Full inspection begun on site without notice (already inadequate, or serious safeguarding concerns)',
      roles: ['manager'],
      schema: payload({
        reason: z.enum(['judged_inadequate_previously', 'serious_safeguarding_concerns']),
        cqcInspector: staffRef,
      }),
      source: `${src(8, 15)}; reading: the set-up meeting is merged into the first day on site and all cases are selected then (domain reading F1)`,
    },
    SET_UP_MEETING_HELD: {
      label: 'Set-up meeting held: lead inspector, CQC, the local authority and its partners',
      roles: ['inspector'],
      schema: payload({}),
      source: src(32, 33, 39),
    },
    CASES_SELECTED: {
      label: r2
        ? 'Inspectors select at least 4 cases of each service inspected (safeguarding, looked after children) before fieldwork'
        : 'Inspectors select at least 4 safeguarding and 4 looked after children cases before fieldwork',
      roles: ['inspector'],
      schema: payload(cases(4)),
      source: src(41),
      ...sectionsRule,
    },
    FIELDWORK_STARTED: {
      label: 'Fieldwork begins on site (week one)',
      roles: ['inspector'],
      schema: payload({}),
      source: src(11, 33, 41),
    },
    FURTHER_CASES_SELECTED: {
      label: r2
        ? 'At the start of fieldwork, at least 6 more cases of each service inspected selected'
        : 'At the start of fieldwork, at least 6 more safeguarding and 6 looked after children cases selected',
      roles: ['inspector'],
      schema: payload(cases(6)),
      source: src(41),
      ...sectionsRule,
    },
    CASE_AUDIT_SHARED: {
      label: "Local authority shares its audit of the cases selected before fieldwork",
      roles: ['provider'],
      schema: payload({}),
      source: src(41),
    },
    SIGNIFICANT_RISK_TOLD_TO_DCS: {
      label: "Unresolved significant risk of harm to a child: the director of children's services told immediately",
      roles: ['inspector'],
      schema: payload({ summary: note }),
      source: src(54),
    },
    RISK_CONFIRMED_IN_WRITING: {
      label: 'Risk of harm told to the director confirmed in writing (oldest unconfirmed first)',
      roles: ['inspector'],
      schema: payload({}),
      source: src(54),
    },
    FEEDBACK_GIVEN: {
      label: r2
        ? "Oral feedback on draft findings to the director: the end of the inspection, the judgements of each service inspected"
        : "Oral feedback on draft findings to the director: the end of the inspection, both sets of judgements",
      roles: ['inspector'],
      schema: payload(judgementsPayload),
      source: r2 ? `${src(15, 55)}; ${JUDGEMENTS_SOURCE}` : `${src(55)}; ${JUDGEMENTS_SOURCE}`,
      ...sectionsRule,
    },
    JUDGEMENTS_CHANGED: {
      label: 'Judgements changed at quality assurance (feedback gave draft findings)',
      roles: ['manager'],
      schema: payload({ ...judgementsPayload, reasons: note }),
      source: src(55, 61),
      ...sectionsRule,
    },
    DRAFT_REPORT_SENT: {
      label: "Draft report sent to the director for a factual accuracy check (copied to PCT chief executives)",
      roles: ['inspector', 'manager'],
      schema: payload({}),
      source: src(50),
    },
    FACTUAL_ACCURACY_COMMENTS_RETURNED: {
      label: 'Director returns the draft with any factual accuracy comments',
      roles: ['provider'],
      schema: payload({}),
      source: src(51),
    },
    FINAL_REPORT_SENT: {
      label: 'Final report sent to the director (copied to the Lead Member, LSCB Chair and Chief Executive)',
      roles: ['inspector', 'manager'],
      schema: payload({}),
      source: src(52),
    },
    REPORT_PUBLISHED: {
      label: 'Report published on the Ofsted website (before the 25th working day if ready)',
      roles: ['manager'],
      schema: payload({}),
      source: src(53),
    },
    COMPLAINT_MADE: {
      label: 'Formal complaint made (health care aspects are referred to the CQC); it does not hold publication back',
      roles: ['provider', 'manager'],
      schema: payload({ summary: note, healthCareAspects: z.boolean().optional() }),
      source: src(64, 65, 67),
    },
    COMPLAINT_RESOLVED: {
      label: 'Complaint resolved early or investigated under the complaints procedure',
      roles: ['manager'],
      schema: payload({
        outcome: z.enum(['resolved_early', 'upheld', 'partly_upheld', 'not_upheld', 'referred_to_cqc', 'withdrawn']),
      }),
      source: src(64, 66),
    },
  },
  clocks: [
    {
      id: 'notice',
      label: 'Fieldwork to begin within the notice period',
      runsIn: ['inspection.notified', 'inspection.caseSampling', 'inspection.readyForFieldwork'],
      anchor: 'notifiedAt',
      length: 10,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The notice period is at most, usually, 10 working days',
      source: src(8),
      reading:
        'A maximum, not a minimum: fieldwork may begin sooner; the planned start given with the notice is recorded, not derived (domain reading F2). Fieldwork not begun by the 10th working day after the letter is a breach.',
    },
    {
      id: 'setUpMeeting',
      label: 'Set-up meeting',
      runsIn: ['inspection.notified'],
      anchor: 'notifiedAt',
      length: 4,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The set-up meeting is normally held four days after notification',
      source: src(32),
      reading:
        '"four days" has no unit: read as working days, as the notice period around it is (docs/ARCHITECTURE.md §4; domain reading F1). Held by then, else a breach.',
    },
    {
      id: 'onSiteLength',
      label: 'Time on site',
      runsIn: ['inspection.onSite.fieldwork'],
      anchor: 'fieldworkStartedAt',
      length: 9,
      unit: 'workingDays',
      kind: 'target',
      rule: 'Inspectors are usually on site for up to 10 working days (week one and week two)',
      source: src(11, 33),
      reading:
        'The first day on site is the first of the 10: fieldwork ends, with the oral feedback, by the end of the 9th working day after it (two working weeks).',
    },
    {
      id: 'writtenRiskConfirmation',
      label: "Written confirmation to the director of a significant risk of harm",
      runsIn: ['inspection'],
      anchor: 'riskAwaitingWrittenConfirmationSince',
      length: 24,
      unit: 'hours',
      kind: 'target',
      rule: 'A significant risk of harm told to the director immediately is confirmed in writing at the earliest opportunity',
      source: src(54),
      reading:
        'The seed gives no time ("at the earliest opportunity"). Domain reading F13 recommends a service level with escalation: 24 clock hours from the instant the director was told, as recorded, is chosen; missing it raises a breach for a manager and moves nothing.',
    },
    {
      id: 'draftReport',
      label: 'Draft report to the director',
      runsIn: ['inspection.reporting.drafting'],
      anchor: 'feedbackDate',
      length: 10,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The draft report is sent within 10 working days of the end of the inspection',
      source: src(50, 55),
      reading: 'The end of the inspection is the day of the oral feedback at its end (¶55; docs/ARCHITECTURE.md §4).',
    },
    {
      id: 'factualAccuracyWindow',
      label: "Director's window to return factual accuracy comments",
      runsIn: ['inspection.reporting.factualAccuracy'],
      anchor: 'feedbackDate',
      length: 15,
      unit: 'workingDays',
      extendedBy: ['draftLateWorkingDays'],
      kind: 'window',
      onExpiry: 'FACTUAL_ACCURACY_WINDOW_CLOSED',
      rule: 'Comments are returned within five days: 15 working days after the end of the inspection',
      source: src(51),
      reading:
        'Fixed at 15 working days after the end (the seed gives that date); a draft sent after its 10th working day moves the close by as many working days, so the director always has five working days (the later of the two, domain reading F3). Silence is read as no comments: the window closes by itself.',
    },
    {
      id: 'finalReport',
      label: 'Final report to the director',
      runsIn: ['inspection.reporting.drafting', 'inspection.reporting.factualAccuracy', 'inspection.reporting.finalising'],
      anchor: 'feedbackDate',
      length: 20,
      unit: 'workingDays',
      kind: 'target',
      rule: 'The final report is sent within 20 working days of the end of the inspection',
      source: src(52),
    },
    {
      id: 'publication',
      label: 'Publication on the Ofsted website',
      runsIn: ['inspection.awaitingPublication'],
      anchor: 'feedbackDate',
      length: 25,
      unit: 'workingDays',
      kind: 'automatic',
      onExpiry: 'REPORT_PUBLISHED',
      rule: 'The final report is published within 25 days of the end of the inspection, irrespective of appeals or complaints',
      source: src(53, 65),
      reading:
        '"25 days" has no unit: read as working days, since 25 calendar days would fall before the 20-working-day final report (domain reading F4). Published by itself on the 25th working day unless a manager publishes sooner; an open complaint does not hold it (complaints run in a parallel region).',
    },
    {
      id: 'complaintWindow',
      label: 'Window for complaints',
      runsIn: ['complaints'],
      anchor: 'publishedDate',
      length: 30,
      unit: 'calendarDays',
      kind: 'window',
      onExpiry: 'COMPLAINT_WINDOW_CLOSED',
      rule: 'A complaint can normally be made at any stage during the inspection or up to 30 calendar days from publication',
      source: src(65),
      reading:
        'Opens with the notification letter ("any stage during an inspection", domain reading F6); closes at the end of the 30th calendar day after publication. A complaint open then is still answered before the inspection is closed.',
    },
  ],
  effects: {
    publishReport: {
      label: 'Publish the report and its headline grade on the reports website',
      source: src(53),
    },
  },
};
}

export const safeguardingLacInspection2010 = safeguardingLacInspection(1);
export const safeguardingLacInspection2010v2 = safeguardingLacInspection(2);
