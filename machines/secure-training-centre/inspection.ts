import { z } from 'zod';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading, formalComplaintRevision } from '../fragments';
import { cqcRequirements } from './cqcRequirements';
import { stcJudgements } from './judgements';

/**
 * Full inspections of secure training centres, by Ofsted with CQC (health) and an FE and skills HMI (education)
 * (seed 003 STC; reading §2.14). One type: the page describes only the full inspection. "Minimum or no notice": a
 * short notification call to the director, or none. The page writes no deferral and no inspection-level pause, so the
 * type has neither. The report "timeframe section" is referred to but not on the page (reading §7 E28): no report clock.
 */
const src = handbookSource('STC');

/**
 * The January 2024 framework at revision 1 and revision 2, which adds the formal complaint on receiving the final
 * report (no deadline: STC §"Complaints"), a rule of the same page revision 1 left out. One definition with the
 * revision as its parameter; revision 1 is exactly what it was.
 */
export function secureTrainingCentreInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'secure-training-centre',
    version: 1,
    ...formalComplaintRevision(machineRevision, 'Secure training centre: full inspection with CQC and an FE and skills HMI'),
    framework: `${SEED_003} STC`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'secureTrainingCentreInspection',
    inputSchema: z.strictObject({}),
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: [
      ...inspectionSkeleton({
        notification: {
          call: {
            source: `${src('The focus of inspections')} ("the minimum or no notice"); ${src('Conduct during inspections')} (preparatory conversations)`,
            calledLeader: 'the director',
          },
          unannounced: { source: `${src('The focus of inspections')} ("the minimum or no notice")` },
        },
        onSite: {
          earlyWarningSource: src('Discussions with managers and staff'),
          earlyWarningOf: 'headline summaries of emerging findings, at the daily keep-in-touch meeting with the director',
        },
        pauses: { activitySource: src('Discussions with managers and staff'), adviceFrom: 'their manager or the regional duty manager' },
        feedback: {
          judgements: stcJudgements,
          judgementsSource: `${src('End of the full inspection and feedback')} (provisional judgements, using the grade descriptors); ${reading('§6.1')}`,
          judgementsMadeAt: 'feedbackMeeting',
          extraFields: { healthcareStandardsMet: z.boolean().describe("CQC confirms whether the healthcare provider has met the required standards") },
          feedbackSource: `${src('End of the full inspection and feedback')} (by the lead inspector, the FE and skills HMI and the CQC inspector; the day of feedback is the last day of the inspection)`,
        },
        nextDayContact: { source: src('Concerns', 'End of the full inspection and feedback'), handledBy: 'Ofsted, informally, someone other than the lead inspector' },
        qualityAssurance: {
          source: `${src('End of the full inspection and feedback')} ("confirm when the report will be sent to the director for comments on factual accuracy (see the timeframe section)": not on the page, ${reading('§7 E28')})`,
          judgements: stcJudgements,
        },
        reportChain: { source: `${src('End of the full inspection and feedback', 'Concerns', 'Complaints')}; ${reading('§3.2')} (factual-accuracy comments, no timings)` },
        // "may wish to lodge a formal complaint when it receives the final report": no deadline.
        ...(v2 && { complaintWindow: { source: src('Complaints') } }),
        closing: { gradeOf: (j) => (j?.overallExperiencesAndProgress as string | undefined) ?? null },
      }),
      cqcRequirements(src('End of the full inspection and feedback')),
    ],
  });
}

export const secureTrainingCentreInspection2024 = secureTrainingCentreInspection(1);
export const secureTrainingCentreInspectionV2 = secureTrainingCentreInspection(2);
