import { z } from 'zod';
import { isoDate } from '../kit';
import { SEED_003, type FragmentGuard, defineInspection, handbookSource, SEED_003_IN_FORCE_FROM, inspectionSkeleton, reading } from '../fragments';
import { cancellationAskedAtCall, closureCheck, closureCheckDecidedBeforeTheStart, confirmedClosure } from './closureCheck';
import { governorsMeeting } from './governorsMeeting';
import { DEEMABLE_KINDS, MONITORING_KINDS, type MonitoringJudgements, type MonitoringKind, monitoringJudgements } from './judgements';

/**
 * School monitoring inspections (seed 003 SMH; reading §2.16): routine, special measures, serious weaknesses, and the
 * early monitoring inspection after a graded inspection judged the school inadequate solely because safeguarding was
 * ineffective. One type with a `kind`: the handbook runs them as one lifecycle, and only deeming and moderation differ.
 */
const src = handbookSource('SMH');

const judgementsFitTheKind: FragmentGuard = function deemedGradedOnlyWhereTheHandbookAllows({ context, event }) {
  const deemed = (event.judgements as MonitoringJudgements | undefined)?.deemedGraded;
  if (!deemed) return true;
  if (!DEEMABLE_KINDS.includes(context.kind as MonitoringKind)) return false;
  // SMH §"Deeming … solely due to safeguarding": deemed graded because "safeguarding is now effective".
  return context.kind !== 'early_safeguarding' || deemed.safeguardingEffective;
};

const specialMeasures: FragmentGuard = function specialMeasuresNotSubjectToModeration({ context }) {
  return context.kind === 'special_measures';
};

const REQUESTS = src('Requests for inspections to be deferred or cancelled');

/**
 * The January 2024 framework at revision 1 and revision 2, which adds three rules of the same page that revision 1
 * left out: the closure check at notification (T42), the meeting with governors about a lack of urgency (T45) and the
 * formal complaint on receiving the final report (§2.1 step 12). One definition with the revision as its parameter,
 * so no rule is written twice; revision 1 is exactly what it was (its histories are recorded).
 */
export function schoolMonitoringInspection(machineRevision: 1 | 2) {
  const v2 = machineRevision === 2;
  return defineInspection({
    type: 'school-monitoring',
    version: 1,
    machineRevision,
    ...(v2 && { revisionNote: 'adds the closure check at notification, the meeting with governors about a lack of urgency and the formal complaint on receiving the final report' }),
    ...(v2 && { migratesFrom: { revisions: [1], note: 'the closure check, the governors meeting and the formal complaint become open to record' } }),
    title: v2
      ? 'School monitoring inspection: routine, special measures, serious weaknesses or early, with the closure check, the governors meeting and the complaint'
      : 'School monitoring inspection: routine, special measures, serious weaknesses or early (January 2024)',
    framework: `${SEED_003} SMH`,
    inForceFrom: SEED_003_IN_FORCE_FROM,
    id: 'schoolMonitoring',
    inputSchema: z.strictObject({
      kind: z.enum(MONITORING_KINDS).optional().describe('routine (the default), special_measures, serious_weaknesses or early_safeguarding'),
      gradedReportPublishedOn: isoDate.optional().describe('early monitoring: when the graded inspection report was published'),
      ...(v2 && { confirmedClosure: confirmedClosure.optional().describe('a confirmed closure: its date and the evidence (closure check at notification)') }),
    }),
    inputDefaults: { kind: 'routine', gradedReportPublishedOn: null, ...(v2 && { confirmedClosure: null }) },
    gradeField: 'grade',
    endDateField: 'feedbackDate',
    fragments: [
      ...inspectionSkeleton({
        notification: {
          call: {
            source: src('Notification'),
            calledLeader: 'the headteacher (wellbeing contact normally the local authority or trust)',
            ...(v2 && { fields: cancellationAskedAtCall, startsOnlyIf: closureCheckDecidedBeforeTheStart }),
          },
        },
        deferral: { source: REQUESTS, cutOff: { source: REQUESTS } },
        onSite: { earlyWarningSource: src('[Keeping leaders informed]'), earlyWarningOf: 'gives the lead inspector serious concerns' },
        pauses: {
          activitySource: src('Activities carried out by inspectors'),
          adviceFrom: 'the duty desk',
          inspectionPause: { source: src('[Pausing inspections]', 'Activities carried out by inspectors') },
        },
        feedback: {
          judgements: monitoringJudgements,
          judgementsSource: src('Feedback at the end of the monitoring inspection', 'Deeming of monitoring inspections of schools that are inadequate with serious weaknesses'),
          judgementsMadeAt: 'feedbackMeeting',
          judgementsGuard: judgementsFitTheKind,
          feedbackSource: src('Feedback at the end of the monitoring inspection'),
        },
        nextDayContact: { source: src('Quality assurance and complaints', 'Feedback at the end of the monitoring inspection'), handledBy: 'an inspector independent of the inspection' },
        qualityAssurance: {
          source: src('Arrangements for publishing the report'),
          judgements: monitoringJudgements,
          moderationLocked: { when: specialMeasures, source: src('Inadequate schools that are subject to special measures') },
          thirdPartySharing: { bodies: 'the DfE and others', source: src('Arrangements for publishing the report') },
          draft: { days: 18, source: src('Arrangements for publishing the report') },
        },
        reportChain: {
          source: src('Arrangements for publishing the report', 'Quality assurance and complaints'),
          comments: { days: 5, source: src('Arrangements for publishing the report') },
          final: { days: 30, source: src('Arrangements for publishing the report') },
        },
        ...(v2 && { complaintWindow: { source: src('Quality assurance and complaints') } }),
        closing: { gradeOf: (j) => (j as MonitoringJudgements | null)?.deemedGraded?.overallEffectiveness ?? null },
      }),
      ...(v2 ? [closureCheck(`${REQUESTS}; ${src('Notification')}`), governorsMeeting(src('Feedback at the end of the monitoring inspection'))] : []),
      {
        clocks: [
          {
            id: 'earlyMonitoring',
            label: 'Early monitoring inspection after a safeguarding-only inadequate',
            runsIn: ['scheduled', 'notified', 'deferralRequested'],
            anchor: 'gradedReportPublishedOn',
            length: 3,
            unit: 'months',
            kind: 'target',
            rule: 'The early monitoring inspection may take place at any point within 3 months of the publication of the graded inspection report',
            source: src("Ofsted's monitoring policy"),
            reading: `Runs only when the graded report's publication date is given. The "around 12 school weeks after the graded inspection" target needs each school's term calendar and is not a clock here (${reading('§7 E11')}).`,
          },
        ],
      },
    ],
  });
}

export const schoolMonitoringInspection2024 = schoolMonitoringInspection(1);
export const schoolMonitoringInspectionV2 = schoolMonitoringInspection(2);
