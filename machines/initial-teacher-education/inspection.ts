import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { iteJudgements } from './judgements';

/**
 * Initial teacher education inspections (seed 003 ITE; reading §2.11): notified through the inspection support
 * administrator, a reflective conversation and planning discussion, four days on site with final judgements at the
 * final team meeting at the end of day 4, the draft for comment within 18 working days, 5 working days to comment.
 * One type: the page describes one kind of ITE inspection (a multi-phase provider gets a preparation call per phase,
 * the same lifecycle).
 */
const src = handbookSource('ITE');
const ENGAGING = "Engaging with the provider's representative, leaders and managers";

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receipt of the final report
 * (no deadline: ITE §"Handling concerns and complaints"), a rule of the same page revision 1 left out. One definition
 * with the revision as its parameter; revision 1 is exactly what it was.
 */
export function iteInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'initial-teacher-education',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Initial teacher education inspection'),
    framework: `${SEED_003} ITE`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'iteInspection',
    inputSchema: z.strictObject({}),
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: inspectionSkeleton({
      notification: {
        call: {
          source: src('Requests for deferral or cancellation', 'Preparation'),
          wellbeingSource: src('Inspection planning discussion'),
          calledLeader: 'the provider representative (notified through the inspection support administrator)',
        },
      },
      deferral: { source: src('Requests for deferral or cancellation'), cutOff: { source: src('Requests for deferral or cancellation') } },
      onSite: {
        earlyWarningSource: src(ENGAGING),
        earlyWarningOf: 'may be judged requires improvement or inadequate (by the end of day 1, or on any later day)',
        length: {
          days: 4,
          source: `${src(ENGAGING, 'Inspection planning discussion')} ("final judgements … at the final team meeting at the end of day 4")`,
        },
      },
      pauses: {
        activitySource: src('Meeting with stakeholders'),
        adviceFrom: 'the regional duty desk and/or the regional SHMI for Teacher Development',
        inspectionPause: { source: src('Pausing inspections', 'Requests for deferral or cancellation') },
      },
      feedback: {
        judgements: iteJudgements,
        judgementsSource: `${src(ENGAGING)}; ${reading('§6.1')}`,
        judgementsMadeAt: 'finalTeamMeeting',
        feedbackSource: `${src('Providing feedback')} (support people connected to the ITE provider; attendance voluntary)`,
      },
      nextDayContact: { source: src('Handling concerns and complaints', 'Providing feedback'), handledBy: 'an inspector independent of the inspection' },
      qualityAssurance: {
        source: src('Arrangements for publishing the report'),
        judgements: iteJudgements,
        thirdPartySharing: { bodies: 'the DfE', source: src('Arrangements for publishing the report') },
        draft: {
          days: 18,
          source: src('Arrangements for publishing the report'),
          reading: `"Invited to comment on the draft normally within 18 working days of the end": the draft is sent by then, from the feedback day (${reading('§3 T33')}).`,
        },
      },
      reportChain: {
        // No final-report or publication timing: "not complete until … the final report has been sent" (reading §3.2).
        source: `${src('Arrangements for publishing the report', 'Handling concerns and complaints')}; ${reading('§3.2')}`,
        comments: { days: 5, source: src('Arrangements for publishing the report') },
      },
      // "may wish to lodge a formal complaint when it receives the final report": no deadline.
      ...(v2 && { complaintWindow: { source: src('Handling concerns and complaints') } }),
      closing: { gradeOf: (j) => (j?.overallEffectiveness as string | undefined) ?? null },
    }),
  });
}

export const iteInspection2024 = iteInspection(1);
export const iteInspectionV2 = iteInspection(2);
