/**
 * Valid payloads for the decisions of the seed 003 machines (shared by the path tests and the lifecycle tests):
 * what the fragments' events carry, then each type's judgements.
 */
export const SKELETON_SAMPLES: Record<string, Record<string, unknown>[]> = {
  NOTIFIED: [{ wellbeingContact: 'chair of governors' }],
  INSPECTION_STARTED_UNANNOUNCED: [{ wellbeingContact: 'responsible individual' }],
  DEFERRAL_REQUESTED: [{ reason: 'headteacher in hospital' }],
  EARLY_WARNING_GIVEN: [{ concern: 'attendance records incomplete' }],
  ACTIVITY_PAUSED_FOR_WELLBEING: [{ summary: 'deputy upset in a meeting', wellbeingContactTold: true }],
  INSPECTION_PAUSED: [{ reason: 'serious incident involving a child', dutyDeskContacted: true }],
  INSPECTION_DECLARED_INCOMPLETE: [{ reason: 'cannot resume this term' }],
  CONCERN_RAISED: [{ summary: 'an inspector spoke sharply to staff' }],
  CONCERN_ROUTED: [{ handlerId: 'inspector-2' }],
  DRAFT_SHARED_WITH_THIRD_PARTY: [{ body: 'DfE' }],
  COMPLAINT_MADE: [{ summary: 'findings not supported by the evidence' }],
  COMPLAINT_RESPONDED: [{ outcome: 'not_upheld' }],
  CHILDMINDER_VISIT_ENDED: [{ childcareProvider: 'CM-42', supportedBy: 'agency support worker' }],
};

export const fesGrades = { overallEffectiveness: 'good', leadershipAndManagement: 'good' };
export const monitoringJudgement = { leadersTakingEffectiveAction: true };
export const deemedGood = { leadersTakingEffectiveAction: true, deemedGraded: { overallEffectiveness: 'good', safeguardingEffective: true } };
export const sccifGood = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
export const agencyGood = { overallEffectiveness: 'good' };
