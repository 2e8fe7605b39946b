import { childminderAgencyInspection2024 } from '../../machines/childminder-agency/inspection';
import { fesInspection2024 } from '../../machines/fes-inspection/inspection';
import { childrensHomeInspection2024 } from '../../machines/sccif-childrens-home/inspection';
import { MONITORING_KINDS } from '../../machines/school-monitoring/judgements';
import { schoolMonitoringInspection2024 } from '../../machines/school-monitoring/inspection';
import { type PathCase, describeEveryPath } from '../support/everyPath';
import { SKELETON_SAMPLES, agencyGood, deemedGood, fesGrades, monitoringJudgement, sccifGood } from './seed003Samples';

/** Every path of every seed 003 machine, per kind of inspection, generated from its graph and replayed through the engine. */
const AT = '2025-04-17'; // Thursday before Good Friday: every clock below crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

/** Decisions that return to a state already reached (a deferral, a resumed pause, an early warning) are told apart by the event. */
const via = (event: { type: string } | undefined) => ({ via: event?.type });

const fes = (kind: string): PathCase => ({
  name: `fes-inspection v1 (${kind})`,
  definition: fesInspection2024,
  input: { kind },
  samples: {
    ...SKELETON_SAMPLES,
    NOTIFIED: [{ wellbeingContact: 'chair of governors', nominee: 'Vice principal' }],
    FINAL_TEAM_MEETING_HELD: [{ judgements: fesGrades }],
    SHORT_INSPECTION_OUTCOME_DECIDED: ['remains_good_or_outstanding', 'may_no_longer_be_good_or_outstanding', 'improvement_shown'].map((outcome) => ({ outcome })),
    MONITORING_FINDINGS_AGREED: [{ findings: 'reasonable progress in apprenticeships' }],
    JUDGEMENTS_CHANGED: [{ judgements: { ...fesGrades, overallEffectiveness: 'requires_improvement' }, reasons: 'moderation' }],
  },
  facts: (c, _s, e) => ({ kind: c.kind, outcome: c.shortInspectionOutcome, ...via(e) }),
  neverAllowed: Object.fromEntries(
    Object.entries({ full: 'FINAL_TEAM_MEETING_HELD', short: 'SHORT_INSPECTION_OUTCOME_DECIDED', monitoring: 'MONITORING_FINDINGS_AGREED' })
      .filter(([k]) => k !== kind && !(kind === 'short' && k === 'full'))
      .map(([k, event]) => [event, `only for a ${k} inspection`]),
  ),
});

const monitoring = (kind: string): PathCase => ({
  name: `school-monitoring v1 (${kind})`,
  definition: schoolMonitoringInspection2024,
  input: { kind, gradedReportPublishedOn: AT },
  samples: {
    ...SKELETON_SAMPLES,
    FEEDBACK_GIVEN: [
      { judgements: monitoringJudgement },
      { judgements: deemedGood },
      { judgements: { ...deemedGood, deemedGraded: { overallEffectiveness: 'inadequate', safeguardingEffective: false } } },
    ],
    JUDGEMENTS_CHANGED: [{ judgements: { leadersTakingEffectiveAction: false }, reasons: 'moderation' }],
  },
  facts: (_c, _s, e) => via(e),
  ...(kind === 'special_measures' && { neverAllowed: { JUDGEMENTS_CHANGED: 'the special measures judgement is not subject to moderation' } }),
});

const CASES: PathCase[] = [
  ...['full', 'short', 'monitoring'].map(fes),
  ...MONITORING_KINDS.map(monitoring),
  {
    definition: childminderAgencyInspection2024,
    input: { previousInspectionEndedOn: '2022-06-01' },
    samples: {
      ...SKELETON_SAMPLES,
      INSPECTION_PAUSED: [{ reason: 'significant event involving a child', dutyDeskContacted: true, regionalDirectorAdvice: 'pause for two days' }],
      FEEDBACK_GIVEN: [{ judgements: agencyGood }],
      JUDGEMENTS_CHANGED: [{ judgements: { overallEffectiveness: 'ineffective' }, reasons: 'QA' }],
    },
    facts: (_c, _s, e) => via(e),
  },
  {
    definition: childrensHomeInspection2024,
    input: { kind: 'full' },
    samples: {
      ...SKELETON_SAMPLES,
      INSPECTION_STARTED_UNANNOUNCED: [{ wellbeingContact: 'responsible individual', feedbackAttendees: 'registered manager and RI' }],
      FEEDBACK_GIVEN: [{ judgements: sccifGood, likelyRequirements: ['Regulation 12: protection of children'] }],
      JUDGEMENTS_CHANGED: [{ judgements: { ...sccifGood, overallExperiencesAndProgress: 'requires_improvement' }, reasons: 'manager review' }],
    },
    facts: (c, _s, e) => ({ untold: c.changedJudgementsNotTold, ...via(e) }),
  },
];

describeEveryPath(CASES, AT, RECORDED);
