import { z } from 'zod';
import { isoDate } from '../kit';
import { SEED_003, SEED_003_IN_FORCE_FROM, defineInspection, handbookSource, inspectionSkeleton, reading } from '../fragments';
import { childminderVisits } from './childminderVisits';
import { agencyJudgements } from './judgements';

/**
 * Childminder agency inspections with their childminder visits (seed 003 CMA; reading §2.5), from the notification to
 * publication, through the only complaint deadline on the page: 5 working days from receiving the final report.
 */
const src = handbookSource('CMA');

const cycleClock = (id: string, anchor: string, months: number, rule: string) => ({
  id,
  label: rule,
  runsIn: ['scheduled', 'notified', 'deferralRequested'],
  anchor,
  length: months,
  unit: 'months' as const,
  kind: 'target' as const,
  rule,
  source: src('Inspecting childminder agencies'),
  reading: `Runs only when the anchor date is given at the start (${reading('§7 E13')}).`,
});

export const childminderAgencyInspection2024 = defineInspection({
  type: 'childminder-agency',
  version: 1,
  title: 'Childminder agency inspection, with childminder visits (January 2024)',
  framework: `${SEED_003} CMA`,
  inForceFrom: SEED_003_IN_FORCE_FROM,
  id: 'childminderAgency',
  inputSchema: z.strictObject({
    firstChildcareProviderRegisteredOn: isoDate.optional().describe('first inspection: when the agency registered its first childcare provider'),
    previousInspectionEndedOn: isoDate.optional().describe('later inspections: the end of the first or previous inspection'),
  }),
  inputDefaults: { firstChildcareProviderRegisteredOn: null, previousInspectionEndedOn: null },
  gradeField: 'grade',
  endDateField: 'feedbackDate',
  fragments: [
    ...inspectionSkeleton({
      notification: { call: { source: src('Notification of inspection', 'Start of the inspection'), calledLeader: "the agency's owner or nominated individual" } },
      deferral: { source: src('Requests for deferral') },
      onSite: { earlyWarningSource: src('Start of the inspection'), earlyWarningOf: 'may be judged ineffective' },
      pauses: {
        activitySource: src('Start of the inspection'),
        adviceFrom: 'the duty desk',
        inspectionPause: { source: src('[Pausing inspections]'), regionalDirectorAdvises: true },
      },
      feedback: {
        judgements: agencyJudgements,
        judgementsSource: `${src('Start of the inspection')} ("final judgements are not made until the feedback meeting on the final day")`,
        judgementsMadeAt: 'feedbackMeeting',
        feedbackSource: src('End of the inspection and feedback'),
      },
      nextDayContact: { source: src('End of the inspection and feedback', 'After the inspection'), handledBy: 'an inspector independent of the inspection' },
      qualityAssurance: {
        source: `${src('After the inspection')} (draft "as quickly as reasonably possible": no number, so no clock)`,
        judgements: agencyJudgements,
        thirdPartySharing: { bodies: 'the DfE and other bodies', source: src('End of the inspection and feedback') },
      },
      reportChain: {
        source: src('After the inspection'),
        comments: { days: 5, source: src('After the inspection') },
        final: {
          days: 30,
          source: src('After the inspection'),
          reading: `"Within 30 working days after the inspection" is counted from its end, the feedback day (${reading('§7 E03')}).`,
        },
        next: 'complaintWindow',
      },
      complaintWindow: { days: 5, source: src('After the inspection') },
      closing: {
        gradeOf: (j) => (j?.overallEffectiveness as string | undefined) ?? null,
        nextInspection: { months: 36, source: src('Inspecting childminder agencies') },
      },
    }),
    childminderVisits(src('Childminder visits')),
    {
      clocks: [
        cycleClock('firstInspection', 'firstChildcareProviderRegisteredOn', 12, 'First inspection within 12 months of registering the first childcare provider'),
        cycleClock('nextInspection', 'previousInspectionEndedOn', 36, 'Inspection within 36 months of the first or previous inspection'),
      ],
    },
  ],
});
