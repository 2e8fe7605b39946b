import { type AnyStateMachine, assign, createMachine } from 'xstate';
import { z } from 'zod';
import { type InspectionEvent, type InspectionTypeDefinition, type SccifGrade, isoDate, note, payload, recordDate } from '../kit';
import { type FeedbackFindings, duplicateIds, recommendationMade, requirementDatedBeforeFeedback, requirementMade, trackedFindings } from './feedbackFindings';
import { type RfcFullInspectionContext, rfcFullInspection2024 as v1 } from './fullInspection';
import { JUDGEMENTS_SOURCE, type RfcJudgements, rfcJudgements } from './judgements';
import { NO_FAMILIES_SOURCE, type ClosedCentre, closedCentre } from './noFamilies';
import { type OffenceContext, offenceRule } from './offence';
import { type DepartureReasons, MANAGER_RULES_SOURCE, type ManagerPosition, departureReasons, hasNoRegisteredManager, managerPosition, managerRuleBroken } from './registeredManager';
import { SAFEGUARDING_SOURCE, type SafeguardingConcern, safeguardingConcernPayload } from './safeguardingConcern';
import { extended } from './transitions';
import { SEED_002, src002 } from './source';

/**
 * SCCIF residential family centres (2024), full inspection, machine revision 2: revision 1
 * (machines/sccif-rfc/fullInspection.ts) unchanged on every path it had, plus the situations of the same framework that
 * change the course of an inspection (seed 002), and the requirements and recommendations made at feedback started as
 * their own tracked items. Built from revision 1's own config, so no rule is written twice. A revision, not an edit of
 * revision 1 (docs/CHANGING_MACHINES.md): the judgements now also answer to the manager rules, and feedback starts
 * child workflows, which revision 1 histories never did.
 */
const RI_SOURCE = `${src002('Checks on responsible individuals')}; ${src002('Interviews')} (no registered manager in post)`;

export interface RfcFullInspectionV2Context extends OffenceContext {
  postponements: number;
  noFamilies: { dueToAcceptFamily: boolean; familiesSinceLastInspection: boolean; lastFamilyLeftOn: string | null; foundOn: string } | null;
  evidenceBasis: 'families_living_at_the_centre' | 'past_placements' | 'closed_centre';
  closedCentre: ClosedCentre | null;
  managerPosition: ManagerPosition | null;
  responsibleIndividual: { interviewed: boolean; fitnessSteps: 'satisfactory' | 'not_satisfactory'; checkedOn: string } | null;
  safeguardingConcerns: SafeguardingConcern[];
  safeguardingFollowUps: { localAuthorityAction: string; recordedOn: string }[];
  requirements: FeedbackFindings['requirements'];
  recommendations: FeedbackFindings['recommendations'];
  departureReasons: DepartureReasons | null;
}

type Context = RfcFullInspectionContext & RfcFullInspectionV2Context;
type Args = { context: Context; event: InspectionEvent };

// ---- rules that depend on what was recorded before: one function each, used by the guard and by the refusal -----

const judgementsIn = (event: InspectionEvent) => event.judgements as RfcJudgements | undefined;
const departureOf = (event: InspectionEvent) => event.departureReasons as DepartureReasons | undefined;

/** The manager rules, for any event that records judgements (feedback, a change at QA, a complaint's response). */
function judgementsBreak(context: Record<string, unknown>, event: InspectionEvent): string | null {
  const judgements = judgementsIn(event);
  if (!judgements) return null;
  return managerRuleBroken(context.managerPosition as ManagerPosition | null, judgements, departureOf(event), event.at);
}

function feedbackBreaks(context: Record<string, unknown>, event: InspectionEvent): string | null {
  return judgementsBreak(context, event) ?? requirementDatedBeforeFeedback(event.requirements as FeedbackFindings['requirements'] | undefined, event.at);
}

function pastPlacementsBreak(context: Record<string, unknown>): string | null {
  const found = context.noFamilies as Context['noFamilies'];
  return found && !found.familiesSinceLastInspection
    ? 'no family has been accommodated since the last inspection, so there are no past placements to inspect on: postpone, or complete the inspection with the registration condition if the centre will stay closed'
    : null;
}

function closedCentreBreaks(context: Record<string, unknown>): string | null {
  const found = context.noFamilies as Context['noFamilies'];
  return found?.dueToAcceptFamily
    ? 'the centre is due to accept a family: the registration condition is for a centre that does not intend to take placements and will remain closed for some time; postpone, or inspect on past placements'
    : null;
}

function fieldworkEndBreaks(context: Record<string, unknown>): string | null {
  return hasNoRegisteredManager(context.managerPosition as ManagerPosition | null) && context.responsibleIndividual === null
    ? 'there is no registered manager in post, so the inspector always asks to interview the responsible individual: record RESPONSIBLE_INDIVIDUAL_CHECKED before fieldwork ends'
    : null;
}

const followUpBreaks = (context: Record<string, unknown>) =>
  (context.safeguardingConcerns as unknown[]).length === 0 ? 'there is no safeguarding concern recorded to follow up' : null;

const holds = (rule: (context: Record<string, unknown>, event: InspectionEvent) => string | null) => ({ context, event }: Args) =>
  rule(context as unknown as Record<string, unknown>, event) === null;

// ---- the machine: v1's config, extended --------------------------------------------------------------------------

type StateNode = { on?: Record<string, unknown>; states?: Record<string, StateNode>; [key: string]: unknown };
const v1Machine = v1.machine as AnyStateMachine;
const base = v1Machine.config as unknown as StateNode & { context: (args: { input: Record<string, unknown> }) => Record<string, unknown> };
const states = base.states!;
const onSite = states.onSite!;
const reportingStates = states.reporting!.states!;

const recordDeparture = assign({ departureReasons: ({ event, context }: Args) => departureOf(event) ?? context.departureReasons });
const recordFindings = assign({
  requirements: ({ event }: Args) => (event.requirements as Context['requirements'] | undefined) ?? [],
  recommendations: ({ event }: Args) => (event.recommendations as Context['recommendations'] | undefined) ?? [],
});
const hasFindings = ({ event }: Args) => ((event.requirements as unknown[] | undefined)?.length ?? 0) + ((event.recommendations as unknown[] | undefined)?.length ?? 0) > 0;
const raiseFindings = {
  type: 'raiseRequirementsAndRecommendations',
  params: ({ event }: Args) => ({
    requirements: event.requirements ?? [],
    recommendations: event.recommendations ?? [],
    feedbackOn: event.at,
    grade: judgementsIn(event)?.overallExperiencesAndProgress ?? null,
  }),
};
const startOnSite = (basis: RfcFullInspectionV2Context['evidenceBasis']) => [recordDate<Context>('onSiteStartedAt'), assign({ evidenceBasis: basis })];

const offence = offenceRule({
  machineId: 'rfcFullInspection',
  resumeAt: 'onSite.fieldwork',
  visit: 'inspection',
  stoppedReading:
    "The incomplete-inspections policy is not in the seed: a stopped inspection ends, ungraded and with no report clocks (domain §7.21); the previous grade stays in force and a centre cycle schedules the next inspection by it.",
});

const feedback = onSite.on!.FEEDBACK_GIVEN;
const complaintResponded = reportingStates.complaint!.on!.COMPLAINT_RESPONDED;

const config = {
  ...base,
  id: 'rfcFullInspection',
  context: (args: { input: Record<string, unknown> }) => ({
    ...base.context(args),
    postponements: 0,
    noFamilies: null,
    evidenceBasis: 'families_living_at_the_centre',
    closedCentre: null,
    managerPosition: (args.input?.managerPosition as ManagerPosition | undefined) ?? null,
    responsibleIndividual: null,
    safeguardingConcerns: [],
    safeguardingFollowUps: [],
    ...offence.context,
    requirements: [],
    recommendations: [],
    departureReasons: null,
  }),
  // A safeguarding concern may arise at any point, and its follow-up may come at any point after it.
  on: {
    SAFEGUARDING_CONCERN_RECORDED: {
      actions: assign({
        safeguardingConcerns: ({ context, event }: Args) => {
          const { type: _t, at, recordedAt: _r, occurredAt: _o, actorId: _a, role: _role, note: _n, ...concern } = event;
          return [...context.safeguardingConcerns, { ...(concern as Omit<SafeguardingConcern, 'recordedOn'>), recordedOn: at }];
        },
      }),
    },
    SAFEGUARDING_FOLLOW_UP_RECORDED: {
      guard: holds(followUpBreaks),
      actions: assign({
        safeguardingFollowUps: ({ context, event }: Args) => [...context.safeguardingFollowUps, { localAuthorityAction: event.localAuthorityAction as string, recordedOn: event.at }],
      }),
    },
  },
  states: {
    ...states,
    scheduled: {
      ...states.scheduled,
      on: {
        ...states.scheduled!.on,
        NO_FAMILIES_FOUND: {
          target: 'noFamilies',
          actions: assign({
            noFamilies: ({ event }: Args) => ({
              dueToAcceptFamily: event.dueToAcceptFamily as boolean,
              familiesSinceLastInspection: event.familiesSinceLastInspection as boolean,
              lastFamilyLeftOn: (event.lastFamilyLeftOn as string | undefined) ?? null,
              foundOn: event.at,
            }),
          }),
        },
        MANAGER_POSITION_RECORDED: { actions: 'recordManagerPosition' },
      },
    },
    noFamilies: {
      meta: { status: 'no_families_living' },
      on: {
        INSPECTION_POSTPONED: {
          target: 'scheduled',
          actions: assign({
            postponements: ({ context }: Args) => context.postponements + 1,
            scheduledFor: ({ event }: Args) => event.newDate as string,
          }),
        },
        PAST_PLACEMENTS_INSPECTED: { guard: holds(pastPlacementsBreak), target: 'onSite', actions: startOnSite('past_placements') },
        CLOSED_CENTRE_INSPECTED: {
          guard: holds(closedCentreBreaks),
          target: 'onSite',
          actions: [
            ...startOnSite('closed_centre'),
            assign({ closedCentre: ({ event }: Args) => closedCentre(event.closedFor as string, event.notOperationalFor as string) }),
          ],
        },
      },
    },
    onSite: {
      ...onSite,
      states: {
        ...onSite.states,
        fieldwork: {
          ...onSite.states!.fieldwork,
          on: {
            ...onSite.states!.fieldwork!.on,
            FIELDWORK_COMPLETED: extended(onSite.states!.fieldwork!.on!.FIELDWORK_COMPLETED, [], holds(fieldworkEndBreaks)),
            RESPONSIBLE_INDIVIDUAL_CHECKED: {
              actions: assign({
                responsibleIndividual: ({ event }: Args) => ({
                  interviewed: event.interviewed as boolean,
                  fitnessSteps: event.fitnessSteps as 'satisfactory' | 'not_satisfactory',
                  checkedOn: event.at,
                }),
              }),
            },
            ...offence.onSite,
          },
        },
      },
      on: {
        ...onSite.on,
        MANAGER_POSITION_RECORDED: { actions: 'recordManagerPosition' },
        FEEDBACK_GIVEN: [
          extended(feedback, [recordDeparture, recordFindings, raiseFindings], ({ context, event }: Args) => holds(feedbackBreaks)({ context, event }) && hasFindings({ context, event })),
          extended(feedback, [recordDeparture], holds(feedbackBreaks)),
        ],
      },
    },
    ...offence.states,
    reporting: {
      ...states.reporting,
      states: {
        ...reportingStates,
        qualityAssurance: {
          ...reportingStates.qualityAssurance,
          on: {
            ...reportingStates.qualityAssurance!.on,
            JUDGEMENTS_CHANGED: extended(reportingStates.qualityAssurance!.on!.JUDGEMENTS_CHANGED, [recordDeparture], holds(judgementsBreak)),
          },
        },
        complaint: {
          ...reportingStates.complaint,
          on: { ...reportingStates.complaint!.on, COMPLAINT_RESPONDED: extended(complaintResponded, [recordDeparture], holds(judgementsBreak)) },
        },
      },
    },
  },
};

const machine = createMachine(config as never, {
  ...v1Machine.implementations,
  actions: {
    ...v1Machine.implementations.actions,
    // the payload was checked against its schema before it reached the machine
    recordManagerPosition: assign({ managerPosition: ({ event, context }: Args) => (event.managerPosition as ManagerPosition | undefined) ?? context.managerPosition }) as never,
    raiseRequirementsAndRecommendations: () => {},
  },
} as never) as AnyStateMachine;

// ---- the definition: v1's, with the new and changed events --------------------------------------------------------

const departure = { departureReasons: departureReasons.optional() };
const findings = {
  requirements: z.array(requirementMade).max(50).optional(),
  recommendations: z.array(recommendationMade).max(50).optional(),
};
const feedbackPayload = payload({ judgements: rfcJudgements, ...departure, ...findings }).superRefine((p, ctx) => {
  const duplicates = duplicateIds(p);
  if (duplicates.length > 0) ctx.addIssue({ code: 'custom', path: ['requirements'], message: `each requirement and recommendation has its own id; repeated: ${duplicates.join(', ')}` });
});

export const rfcFullInspection2024v2: InspectionTypeDefinition = {
  ...v1,
  machineRevision: 2,
  revisionNote:
    "adds the situations of the same framework that change an inspection's course: no families at the centre, the 26-week and 12-week registered manager rules, the responsible individual's check, safeguarding notifications and a possible offence",
  migratesFrom: { revisions: [1], note: 'the situations become open to record (no families, the manager rules, safeguarding, a possible offence); requirements and recommendations made at feedback are tracked from then on' },
  title: 'Residential family centre: full inspection (SCCIF 2024), with the situations that change its course',
  machine,
  inputSchema: z.strictObject({ scheduledFor: isoDate.optional(), managerPosition: managerPosition.optional() }),
  events: {
    ...v1.events,
    NO_FAMILIES_FOUND: {
      label: 'No families living at the centre: the inspector has contacted it (is it due to accept a family?)',
      roles: ['inspector'],
      schema: payload({ dueToAcceptFamily: z.boolean(), familiesSinceLastInspection: z.boolean(), lastFamilyLeftOn: isoDate.optional() }),
      source: `${NO_FAMILIES_SOURCE}; domain reading §2.6 step 1`,
      reading:
        "The inspector contacts an otherwise unannounced centre to learn whether a family is due (domain §7.19); the answers decide which of the three ways on is open: past placements only if families stayed since the last inspection, the registration condition only if the centre is not due to take a family.",
    },
    INSPECTION_POSTPONED: {
      label: 'Planned inspection postponed: no families living at the centre',
      roles: ['inspector', 'manager'],
      schema: payload({ newDate: isoDate, reason: note }),
      source: `${NO_FAMILIES_SOURCE}; domain reading §2.6 step 2`,
    },
    PAST_PLACEMENTS_INSPECTED: {
      label: 'Inspection goes ahead on the evidence of placements since the last inspection',
      roles: ['inspector'],
      schema: payload({}),
      source: `${NO_FAMILIES_SOURCE}; domain reading §2.6 step 3`,
      breaks: pastPlacementsBreak,
    },
    CLOSED_CENTRE_INSPECTED: {
      label: 'Centre closed for some time: inspection completed, condition imposed on registration, fixed statement in the report',
      roles: ['inspector'],
      schema: payload({ closedFor: note, notOperationalFor: note }),
      source: `${NO_FAMILIES_SOURCE}; domain reading §2.6 step 4, §7.19`,
      breaks: closedCentreBreaks,
      reading:
        "The certificate condition and the report statement are the seed's fixed wording, kept as data with the two lengths of time filled in (facts.closedCentre). The certificate's 3 months binds, not the looser \"before\" that follows it (domain §7.19).",
    },
    MANAGER_POSITION_RECORDED: {
      label: "The registered manager's post: in post, vacant (since when, recruitment evidence), or a manager not yet registered",
      roles: ['inspector', 'manager'],
      schema: payload({ managerPosition }),
      source: `${MANAGER_RULES_SOURCE}; domain reading §2.7`,
      reading:
        "Measured on the day judgements are given. Vacant more than 26 weeks with no or limited evidence of recruiting: leadership never better than requires improvement (the seed's \"never\"), and inadequate unless departureReasons.leadershipAndManagement says why not (\"usually\"); overall outstanding only with departureReasons.overallExperiencesAndProgress (\"unlikely to be better than good\"). A manager appointed more than 12 weeks without applying to register: leadership inadequate unless departureReasons.leadershipAndManagement (domain §7.17). A centre cycle passes the post on from the changes notified to it.",
    },
    RESPONSIBLE_INDIVIDUAL_CHECKED: {
      label: 'Responsible individual: interviewed or not, and the steps the provider took to find them fit',
      roles: ['inspector'],
      schema: payload({ interviewed: z.boolean(), fitnessSteps: z.enum(['satisfactory', 'not_satisfactory']) }),
      source: `${RI_SOURCE}; domain reading §2.8`,
    },
    FIELDWORK_COMPLETED: {
      ...v1.events.FIELDWORK_COMPLETED!,
      source: `${v1.events.FIELDWORK_COMPLETED!.source}; ${RI_SOURCE}`,
      reading:
        "With no registered manager in post (a vacancy, or a manager not yet registered), fieldwork ends only once the responsible individual's check is recorded, interviewed or not: the seed says the inspector always asks.",
      breaks: fieldworkEndBreaks,
    },
    SAFEGUARDING_CONCERN_RECORDED: {
      label: 'Serious safeguarding or child-protection concern, with the notifications made at once',
      roles: ['inspector', 'manager'],
      schema: safeguardingConcernPayload,
      source: `${SAFEGUARDING_SOURCE}; domain reading §2.9, T14, T15`,
      reading:
        "The seed gives no numeric deadline for \"immediately\" (domain §7.30): the notifications are recorded in the same decision as the concern. Allowed in every stage before the end; it does not move the inspection.",
    },
    SAFEGUARDING_FOLLOW_UP_RECORDED: {
      label: 'Regional Senior HMI follows up what the local authority did',
      roles: ['manager'],
      schema: payload({ localAuthorityAction: note }),
      source: `${SAFEGUARDING_SOURCE}; domain reading §2.9 step 4`,
      breaks: followUpBreaks,
    },
    ...offence.events,
    FEEDBACK_GIVEN: {
      ...v1.events.FEEDBACK_GIVEN!,
      label: 'Feedback meeting held: the end of the inspection, provisional judgements, requirements (each with its date) and recommendations',
      schema: feedbackPayload,
      source: `${v1.events.FEEDBACK_GIVEN!.source}; ${src002('Making requirements and recommendations')}; ${MANAGER_RULES_SOURCE}`,
      reading:
        "Each requirement (its own date, which may be before the report but not before feedback) and each recommendation is started as its own tracked workflow at once, so a requirement is tracked from feedback, not publication (domain §7.10). A recommendation is checked by the date the next full inspection is due by, from the grade given at feedback.",
      breaks: feedbackBreaks,
    },
    JUDGEMENTS_CHANGED: {
      ...v1.events.JUDGEMENTS_CHANGED!,
      schema: payload({ judgements: rfcJudgements, reasons: note, ...departure }),
      source: `${v1.events.JUDGEMENTS_CHANGED!.source}; ${MANAGER_RULES_SOURCE}`,
      breaks: judgementsBreak,
    },
    COMPLAINT_RESPONDED: {
      ...v1.events.COMPLAINT_RESPONDED!,
      schema: payload({ outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld']), judgements: rfcJudgements.optional(), ...departure }),
      source: `${v1.events.COMPLAINT_RESPONDED!.source}; ${MANAGER_RULES_SOURCE}`,
      breaks: judgementsBreak,
    },
  },
  effects: {
    ...v1.effects,
    raiseRequirementsAndRecommendations: {
      label: 'Track each requirement (with its own date) and each recommendation (checked at the next inspection) made at feedback',
      source: `${src002('Making requirements and recommendations')}; ${JUDGEMENTS_SOURCE}; domain reading §2.4, §7.10`,
      starts: (params) =>
        trackedFindings(
          { requirements: params.requirements as FeedbackFindings['requirements'], recommendations: params.recommendations as FeedbackFindings['recommendations'] },
          params.feedbackOn as string,
          params.grade as SccifGrade,
        ),
    },
  },
};
