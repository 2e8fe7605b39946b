import { z } from 'zod';
import { payload } from '../kit';
import { SEED_003, SEED_003_IN_FORCE_FROM, type Fragment, type FragmentGuard, defineInspection, handbookSource, inspectionSkeleton, reading, update, visitFindings, formalComplaintRevision } from '../fragments';
import { ILACS_INSPECTIONS, ILACS_KINDS, ilacsJudgements } from './judgements';

/**
 * Inspections of local authority children's services (seed 003 ILACS; reading §2.13): standard and short inspections,
 * and visits (focused and monitoring visits [bg]: the page says only "inspection/visit"). One type with a `kind`:
 * the page gives every one of them one lifecycle (notification, deferral before fieldwork, daily meetings with the
 * DCS, a final-day feedback meeting, the QA manager the next working day, a draft "report/letter" for review); the
 * kinds differ only in what the team decides at the end: provisional judgements, or a visit's findings.
 */
const src = handbookSource('ILACS');

const isInspection: FragmentGuard = function shortOrStandardInspection({ context }) {
  return ILACS_INSPECTIONS.includes(context.kind as string);
};
const isVisit: FragmentGuard = function visit({ context }) {
  return !ILACS_INSPECTIONS.includes(context.kind as string);
};
// "In short and standard inspections, the lead inspector will inform the DCS of the provisional judgements before the meeting."
const dcsNotYetTold: FragmentGuard = function inspectionWithDcsNotYetTold({ context }) {
  return ILACS_INSPECTIONS.includes(context.kind as string) && context.dcsToldJudgementsOn === null;
};
const dcsToldWhereJudged: FragmentGuard = function dcsToldProvisionalJudgementsBeforeTheMeeting({ context }) {
  return !ILACS_INSPECTIONS.includes(context.kind as string) || context.dcsToldJudgementsOn !== null;
};

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final report
 * (no deadline: ILACS §"Concerns and complaints about an inspection"), a rule of the same page revision 1 left out.
 * One definition with the revision as its parameter; revision 1 is exactly what it was.
 */
export function ilacsInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'ilacs',
    version: 1,
    ...formalComplaintRevision(machineRevision, "Local authority children's services: standard or short inspection, focused or monitoring visit"),
    framework: `${SEED_003} ILACS`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'ilacsInspection',
    inputSchema: z.strictObject({
      kind: z.enum(ILACS_KINDS).optional().describe('standard (the default), short, focused_visit or monitoring_visit'),
    }),
    inputDefaults: { kind: 'standard' },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: [
      ...inspectionSkeleton({
        notification: {
          call: {
            source: src('Notifying the local authority and requesting information'),
            wellbeingSource: `${src('Notifying the local authority and requesting information')} (in the week before inspectors are on site: who to contact about someone's wellbeing)`,
            calledLeader: 'the DCS and/or the link person',
          },
        },
        deferral: { source: `${src('Deferring an inspection')} ("after they have been notified and before fieldwork starts")` },
        onSite: {
          earlyWarningSource: src('Engaging the DCS during an inspection/visit'),
          earlyWarningOf: 'emerging findings, shared with the DCS or another senior leader (likely daily)',
        },
        // ILACS writes only the activity-level break ("the discussion will resume after the necessary steps"): no inspection pause.
        pauses: { activitySource: src('Engaging with leaders and staff'), adviceFrom: 'the lead inspector and the QA manager' },
        feedback: {
          judgements: ilacsJudgements,
          judgementsSource: `${src('Feedback at the end of the inspection/visit')} (provisional judgements in short and standard inspections); ${reading('§6.1')}`,
          judgementsMadeAt: 'finalTeamMeeting',
          judgementsGuard: isInspection,
          feedbackSource: `${src('Feedback at the end of the inspection/visit')} (on the final day on site; attendance voluntary)`,
        },
        nextDayContact: {
          source: src('Concerns and complaints about an inspection'),
          handledBy: 'the quality assurance manager, a senior HMI independent of the inspection team',
        },
        qualityAssurance: {
          source: `${src('Feedback at the end of the inspection/visit')} (the draft report/letter shared for the local authority to review; no timings on the page)`,
          judgements: ilacsJudgements,
          moderationLocked: { when: isVisit, source: `${src('Feedback at the end of the inspection/visit')} (a visit gives findings, no judgements to change)` },
        },
        reportChain: { source: `${src('Feedback at the end of the inspection/visit', 'Concerns and complaints about an inspection')}; ${reading('§3.2')} (no report timings)` },
        // "may wish to lodge a formal complaint when it receives the final report": no deadline.
        ...(v2 && { complaintWindow: { source: src('Concerns and complaints about an inspection') } }),
        closing: { gradeOf: (j) => (j?.overallEffectiveness as string | undefined) ?? null },
      }),
      visitFindings({
        isVisit,
        label: 'End of a focused or monitoring visit: the findings for the letter agreed (no judgements)',
        source: src('Feedback at the end of the inspection/visit'),
      }),
      dcsToldJudgements(),
    ],
  });
}

export const ilacsInspection2024 = ilacsInspection(1);
export const ilacsInspectionV2 = ilacsInspection(2);

/**
 * "In short and standard inspections, the lead inspector will inform the DCS of the provisional judgements before the
 * meeting": recorded, only between the judgements and the feedback meeting, as a record of when rather than a gate
 * on the feedback (as the early warning, reading §3 T09; a missing record is for QA to see, reading §7 E36).
 */
function dcsToldJudgements(): Fragment {
  return {
    context: { dcsToldJudgementsOn: null },
    states: {
      onSite: {
        states: {
          awaitingFeedback: {
            on: { DCS_TOLD_PROVISIONAL_JUDGEMENTS: { guard: dcsNotYetTold, actions: update((_c, e) => ({ dcsToldJudgementsOn: e.at })) } },
          },
        },
      },
    },
    events: {
      DCS_TOLD_PROVISIONAL_JUDGEMENTS: {
        label: 'Lead inspector tells the DCS the provisional judgements before the feedback meeting',
        roles: ['inspector'],
        schema: payload({}),
        source: src('Feedback at the end of the inspection/visit'),
      },
    },
  };
}
