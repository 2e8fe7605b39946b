import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { schoolReporting } from '../independent-school/schoolReporting';
import { AIIS_KINDS, complianceJudgement, complianceOutcome } from './compliance';

/**
 * Additional inspections of independent schools: pre-registration (a proposed school) and material change (seed 003
 * AIIS; reading §2.10). One type with a `kind`: the page gives both one lifecycle and differs only in what the planning
 * call covers. The report goes to the DfE, which decides the registration or the change. The planning call "at a
 * suitable time" after the notification has no time (reading §3 T30): part of the notification step.
 */
const src = handbookSource('AIIS');
const reporting = schoolReporting(src('Arrangements for publishing the report'));

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final
 * report (no deadline: AIIS §"Handling concerns and complaints"), a rule of the same page revision 1 left out. One
 * definition with the revision as its parameter; revision 1 is exactly what it was.
 */
export function additionalSchoolInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'independent-school-additional',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Additional inspection of an independent school: pre-registration or material change'),
    framework: `${SEED_003} AIIS`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'independentSchoolAdditional',
    inputSchema: z.strictObject({ kind: z.enum(AIIS_KINDS).optional().describe('pre_registration (the default) or material_change') }),
    inputDefaults: { kind: 'pre_registration' },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: inspectionSkeleton({
      notification: {
        call: {
          source: src("The lead inspector's inspection planning telephone call"),
          calledLeader: 'the headteacher or proprietor (wellbeing contact normally the LA or trust)',
        },
      },
      // No 4.30pm cut-off in the AIIS text, although it shares IND wording elsewhere (reading §7 E06).
      deferral: { source: `${src('Requests for deferral or cancellation')} (the lead inspector contacts the regional duty desk immediately); ${reading('§7 E06')}` },
      onSite: {
        earlyWarningSource: src('Gathering and recording evidence'),
        earlyWarningOf: 'may not meet the independent school standards (emerging findings with the headteacher)',
      },
      pauses: {
        activitySource: src('Gathering and recording evidence'),
        adviceFrom: 'the duty desk',
        inspectionPause: { source: src('[Pausing inspections]'), dfeTold: true },
      },
      feedback: {
        judgements: complianceJudgement,
        // With a single inspector there is no team meeting, only discussions of emerging and final findings: the
        // judgements are recorded at the feedback meeting for both.
        judgementsSource: `${src('Gathering and recording evidence', 'Providing feedback', 'Minor safeguarding improvements')}; ${reading('§3 T10')}`,
        judgementsMadeAt: 'feedbackMeeting',
        feedbackSource: `${src('Providing feedback')} (one person may hold several roles; aligned attendees only for a pre-registration inspection)`,
      },
      nextDayContact: { source: src('Providing feedback', 'Handling concerns and complaints'), handledBy: 'an inspector independent of the inspection' },
      qualityAssurance: { ...reporting.qualityAssurance, judgements: complianceJudgement },
      reportChain: reporting.reportChain,
      // "may wish to lodge a formal complaint when it receives the final report": no deadline.
      ...(v2 && { complaintWindow: { source: src('Handling concerns and complaints') } }),
      closing: { gradeOf: complianceOutcome },
    }),
  });
}

export const additionalSchoolInspection2024 = additionalSchoolInspection(1);
export const additionalSchoolInspectionV2 = additionalSchoolInspection(2);
