import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, type FragmentGuard, defineInspection, handbookSource, inspectionSkeleton, reading, visitFindings, formalComplaintRevision } from '../fragments';
import { CAFCASS_KINDS, cafcassJudgements } from './judgements';

/**
 * Inspections and visits of Cafcass (seed 003 CAF; reading §2.12). One type with a `kind`: the page writes one
 * "inspection/visit" lifecycle (deferral, final-day feedback to the CEO, the QA manager the next working day, a draft
 * "report/letter" for comments, the final version to Cafcass and the Ministry of Justice, then published); an
 * inspection ends with judgements, a visit with findings.
 */
const src = handbookSource('CAF');

const isInspection: FragmentGuard = function cafcassInspection({ context }) {
  return context.kind === 'inspection';
};
const isVisit: FragmentGuard = function cafcassVisit({ context }) {
  return context.kind === 'visit';
};

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final report
 * (no deadline: CAF §"Complaints"), a rule of the same page revision 1 left out. One definition with the revision as
 * its parameter; revision 1 is exactly what it was.
 */
export function cafcassInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'cafcass',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Cafcass: inspection or visit'),
    framework: `${SEED_003} CAF`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'cafcassInspection',
    inputSchema: z.strictObject({ kind: z.enum(CAFCASS_KINDS).optional().describe('inspection (the default) or visit') }),
    inputDefaults: { kind: 'inspection' },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: [
      ...inspectionSkeleton({
        notification: { call: { source: `${src('Deferring an inspection')} ("the initial notification call"); ${reading('§1')}`, calledLeader: 'the CEO' } },
        // "During the initial notification call or at the earliest opportunity", no end stated: read as until the
        // fieldwork starts, after which only an activity pause exists (reading §7 E07, T03).
        deferral: { source: src('Deferring an inspection') },
        onSite: {
          earlyWarningSource: src('Feedback at the end of the inspection/visit'),
          earlyWarningOf: 'emerging findings, shared at the daily meetings ("there should be no surprises")',
        },
        // CAF writes no inspection-level pause (reading §2.12).
        pauses: { activitySource: src('Engaging with leaders and staff'), adviceFrom: 'their manager or the regional duty manager' },
        feedback: {
          judgements: cafcassJudgements,
          judgementsSource: `${src('Feedback at the end of the inspection/visit')} (the team's provisional judgements, heard at the final-day meeting); ${reading('§6.1')}`,
          judgementsMadeAt: 'finalTeamMeeting',
          judgementsGuard: isInspection,
          // "Usually no longer than 60 minutes": a meeting's length, with no start and end recorded, so no clock.
          feedbackSource: `${src('Feedback at the end of the inspection/visit')} (on the final day on site, to the CEO and senior leaders; attendance voluntary)`,
        },
        nextDayContact: {
          source: src('Complaints', 'Feedback at the end of the inspection/visit'),
          handledBy: 'the quality assurance manager, a senior HMI independent of the inspection team',
        },
        qualityAssurance: {
          source: `${src('Clearing and publishing inspection reports and letters')} (the QA manager reviews; the National Director, Regulation and Social Care reviews reports; no timings)`,
          judgements: cafcassJudgements,
          moderationLocked: { when: isVisit, source: `${src('Feedback at the end of the inspection/visit')} (a visit gives findings, no judgements to change)` },
        },
        reportChain: {
          source: `${src('Clearing and publishing inspection reports and letters', 'Complaints')} (the final version to Cafcass and the Ministry of Justice, then published; ${reading('§3.2')}: no timings)`,
        },
        // "may wish to lodge a formal complaint when it receives the final report": no deadline.
        ...(v2 && { complaintWindow: { source: src('Complaints') } }),
        closing: { gradeOf: (j) => (j?.overallEffectiveness as string | undefined) ?? null },
      }),
      visitFindings({
        isVisit,
        label: 'End of a visit: the findings for the letter agreed (no judgements)',
        source: src('Feedback at the end of the inspection/visit'),
      }),
    ],
  });
}

export const cafcassInspection2024 = cafcassInspection(1);
export const cafcassInspectionV2 = cafcassInspection(2);
