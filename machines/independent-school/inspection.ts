import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { independentSchoolJudgements } from './judgements';
import { schoolReporting } from './schoolReporting';

/**
 * Standard (graded) inspections of independent schools, aligned with social care where the school is residential
 * (seed 003 IND; reading §2.9). A separate type from the additional inspections (AIIS): a different handbook, graded
 * where those judge compliance. The preparatory call "normally later on in the afternoon" of the notification day is
 * part of the notification step, not a clock (the clocks have day precision, reading §3 T28).
 */
const src = handbookSource('IND');
const reporting = schoolReporting(src('Arrangements for publishing the report'));

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final
 * report (no deadline: IND §"Handling concerns and complaints"), a rule of the same page revision 1 left out. One
 * definition with the revision as its parameter; revision 1 is exactly what it was.
 */
export function independentSchoolInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'independent-school',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Independent school standard inspection'),
    framework: `${SEED_003} IND`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'independentSchool',
    inputSchema: z.strictObject({ aligned: z.boolean().optional().describe('aligned with social care inspectors (a residential school)') }),
    inputDefaults: { aligned: false },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: inspectionSkeleton({
      notification: {
        call: {
          source: src('Preparatory telephone call(s) from the lead inspector to the headteacher'),
          wellbeingSource: src('Inspection planning conversation'),
          calledLeader: 'the headteacher',
        },
      },
      deferral: {
        source: `${src('Requests for deferral or cancellation', 'Inspection planning conversation')} (the lead inspector contacts the regional duty desk immediately)`,
        cutOff: { source: src('Requests for deferral or cancellation') },
      },
      onSite: { earlyWarningSource: src('Keeping leaders informed'), earlyWarningOf: 'may be judged requires improvement or inadequate' },
      pauses: {
        activitySource: src('[Meetings with staff, pupils and parents]'),
        adviceFrom: 'the duty desk',
        inspectionPause: { source: src('[Pausing inspections]'), dfeTold: true },
      },
      feedback: {
        judgements: independentSchoolJudgements,
        judgementsSource: `${src('Keeping leaders informed', 'Providing feedback', 'Minor safeguarding improvements')} (final judgements only at the final team meeting at the end of the last on-site day); ${reading('§3 T10')}`,
        judgementsMadeAt: 'finalTeamMeeting',
        feedbackSource: `${src('Providing feedback')} (in an aligned inspection the social care and education inspectors give feedback too)`,
      },
      nextDayContact: { source: src('Providing feedback', 'Handling concerns and complaints'), handledBy: 'an inspector independent of the inspection' },
      qualityAssurance: { ...reporting.qualityAssurance, judgements: independentSchoolJudgements },
      reportChain: reporting.reportChain,
      // "may wish to lodge a formal complaint when it receives the final report": no deadline.
      ...(v2 && { complaintWindow: { source: src('Handling concerns and complaints') } }),
      closing: { gradeOf: (j) => (j?.overallEffectiveness as string | undefined) ?? null },
    }),
  });
}

export const independentSchoolInspection2024 = independentSchoolInspection(1);
export const independentSchoolInspectionV2 = independentSchoolInspection(2);
