import { rfcCaseReview2024 } from '../../machines/sccif-rfc/caseReview';
import { rfcComplianceNotice2024 } from '../../machines/sccif-rfc/complianceNotice';
import { rfcFullInspection2024v2 } from '../../machines/sccif-rfc/fullInspectionV2';
import { rfcFullInspection2024v3 } from '../../machines/sccif-rfc/fullInspectionV3';
import { rfcMonitoringVisit2024 } from '../../machines/sccif-rfc/monitoringVisit';
import { rfcMonitoringVisit2024v2 } from '../../machines/sccif-rfc/monitoringVisitV2';
import { rfcMonitoringVisit2024v3 } from '../../machines/sccif-rfc/monitoringVisitV3';
import { rfcRecommendation2024 } from '../../machines/sccif-rfc/recommendation';
import { rfcRecommendation2024v2 } from '../../machines/sccif-rfc/recommendationV2';
import { rfcRequirement2024 } from '../../machines/sccif-rfc/requirement';
import { type PathCase, describeEveryPath } from '../support/everyPath';

/**
 * Every path of each enforcement machine of seed 002 (SCCIF residential family centres), generated from the
 * machine's graph with @xstate/graph and replayed through the engine, as test/machines/childrensCentre.test.ts does.
 */

const AT = '2025-04-17'; // Thursday before Good Friday: every clock below crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const good = { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' };
const vacantPost = { position: 'vacant', vacantSince: '2025-01-06', recruitmentEvidence: 'active' };

const fullV2: PathCase = {
  // v2 of the full inspection: with no registered manager in post, so the responsible individual's check is on the way.
  definition: rfcFullInspection2024v2,
  input: { scheduledFor: AT, managerPosition: vacantPost },
  samples: {
    DEFERRAL_REQUESTED: [{ reason: 'manager on leave' }],
    DEFERRAL_GRANTED: [{ newDate: '2025-05-01' }],
    INSPECTION_PAUSED: [{ reason: 'serious incident' }],
    ON_SITE_EXTENDED: [{ days: 1 }],
    FEEDBACK_GIVEN: [
      { judgements: good },
      {
        judgements: good,
        requirements: [{ requirementId: 'R-1', regulation: 'Regulation 12', dueDate: AT }],
        recommendations: [{ recommendationId: 'N-1', standard: 'NMS 5' }],
      },
    ],
    JUDGEMENTS_CHANGED: [{ judgements: { ...good, overallExperiencesAndProgress: 'requires_improvement' }, reasons: 'moderation' }],
    COMPLAINT_MADE: [{ summary: 'evidence misread' }],
    COMPLAINT_RESPONDED: [{ outcome: 'not_upheld' }],
    NO_FAMILIES_FOUND: [
      { dueToAcceptFamily: true, familiesSinceLastInspection: true },
      { dueToAcceptFamily: false, familiesSinceLastInspection: false },
    ],
    INSPECTION_POSTPONED: [{ newDate: '2025-06-02', reason: 'a family arrives in May' }],
    CLOSED_CENTRE_INSPECTED: [{ closedFor: '5 months', notOperationalFor: '6 months' }],
    MANAGER_POSITION_RECORDED: [{ managerPosition: { position: 'registered_manager_in_post' } }],
    RESPONSIBLE_INDIVIDUAL_CHECKED: [{ interviewed: true, fitnessSteps: 'satisfactory' }],
    SAFEGUARDING_CONCERN_RECORDED: [
      { concern: 'a child at risk', personInChargeTold: true, allegationAgainstStaff: false, referredTo: ['local_authority_childrens_services'], placingAuthorityDcs: 'told' },
    ],
    SAFEGUARDING_FOLLOW_UP_RECORDED: [{ localAuthorityAction: 'child protection enquiry opened' }],
    OFFENCE_SUSPECTED: [{ advisedBy: 'social_care_compliance_inspector', summary: 'unregistered provision' }],
    INSPECTION_STOPPED_FOR_OFFENCE: [{ reason: 'police investigation' }],
  },
  // What a guard reads (the no-families answer, the responsible individual checked, a concern to follow up, changed
  // judgements not yet told), and, only in the state where it shows, what an event left behind (a deferral granted,
  // a postponement, extra days, the position recorded, comments or a complaint, advice followed), so that every event
  // is on some path. A refused deferral and a resumed pause leave nothing behind: they are in the scenario tests.
  facts: (c, state) => {
    const concerns = (c.safeguardingConcerns as unknown[]).length;
    const followedUp = (c.safeguardingFollowUps as unknown[]).length > 0;
    return {
      noFamilies: (c.noFamilies as { dueToAcceptFamily: boolean } | null)?.dueToAcceptFamily ?? null,
      riChecked: state.matches('onSite') && c.responsibleIndividual !== null,
      concern: concerns === 0 ? 'none' : state.matches('scheduled') && followedUp ? 'followed_up' : 'open',
      notTold: c.changedJudgementsNotTold,
      changed: state.matches({ reporting: 'qualityAssurance' }) && JSON.stringify(c.judgements) !== JSON.stringify(c.provisionalJudgements),
      rescheduled: state.matches('scheduled') && [c.deferrals, c.postponements].join(),
      extended: state.matches('onSite') && (c.extraOnSiteDays as number) > 0,
      inPost: state.matches('onSite') && (c.managerPosition as { position: string }).position,
      continued: state.matches('onSite') && (c.offence as { decision: string } | null)?.decision,
      finalising: state.matches({ reporting: 'finalising' }) && [c.commentsReceived, c.complaintReceivedDate !== null].join(),
    };
  },
  exempt: ['DEFERRAL_REFUSED', 'INSPECTION_RESUMED'],
};

const OFFENCE_SAMPLES = {
  OFFENCE_SUSPECTED: [{ advisedBy: 'social_care_compliance_inspector', summary: 'unregistered provision' }],
  INSPECTION_STOPPED_FOR_OFFENCE: [{ reason: 'police investigation' }],
};

/**
 * v3 of the full inspection: v2's paths and the concerns ladder. What the ladder leaves behind shows only where it can
 * still change what follows (the last concern on site while on site, the next-day concern at quality assurance, a
 * complaint on the final report while awaiting publication), so the graph stays near v2's size times the ladder's rungs.
 */
const fullV3: PathCase = {
  ...fullV2,
  definition: rfcFullInspection2024v3,
  samples: {
    ...fullV2.samples,
    CONCERN_RAISED_ON_SITE: [{ summary: 'the night staff were not seen' }],
    CONCERN_ANSWERED_BY_INSPECTOR: [
      { actionTaken: 'night visit arranged', resolved: true },
      { actionTaken: 'sampling explained', resolved: false },
    ],
    CONCERN_ANSWERED_BY_RIM: [
      { response: 'a further case added', resolved: true },
      { response: 'sampling stands', resolved: false },
    ],
    CONCERN_RAISED: [{ summary: 'parents\' evidence not considered' }],
    // The graph's every event is sent by one actor ("graph"), who gave the feedback: routed to them, it is refused.
    CONCERN_ROUTED: [{ handlerId: 'graph' }, { handlerId: 'rim-independent' }],
    CONCERN_ANSWERED_BY_INDEPENDENT_RIM: [{ outcome: 'carried_into_draft_comments', answer: 'send it with your comments' }],
    FINAL_REPORT_COMPLAINT_MADE: [{ summary: 'complaint about the outcome' }],
  },
  facts: (c, state, e) => {
    const last = (c.onSiteConcerns as { status: string; rimId: string | null }[]).at(-1);
    // What the next rung depends on; after the RIM's answer (resolved or not) nothing is open, and the RIM is not independent.
    const closed = last?.rimId ? 'answered_by_rim' : last?.status === 'unresolved' ? 'can_go_to_rim' : 'resolved_by_inspector';
    const onSiteConcern = !last ? 'none' : ['with_inspector', 'with_rim'].includes(last.status) ? last.status : closed;
    const nextDay = (c.concerns as { answeredOn?: string }[]).at(-1);
    return {
      ...fullV2.facts!(c, state, e),
      onSiteConcern: state.matches('onSite') && onSiteConcern,
      nextDay: state.matches({ reporting: 'qualityAssurance' }) && (nextDay === undefined ? 'none' : nextDay.answeredOn ? 'answered' : 'open'),
      finalComplaint: state.matches('awaitingPublication') && c.finalReportComplaint !== null,
    };
  },
};

const monitoringVisitV1: PathCase = {
  definition: rfcMonitoringVisit2024,
  input: { kind: 'progress_after_inadequate', announced: false },
  samples: {
    JOINT_VISIT_AUTHORISED: [{ decidedBy: 'regional_director', agency: 'police', legalServicesView: 'no objection' }],
    VISIT_STARTED: [{ purpose: 'progress since the inadequate inspection' }],
    FEEDBACK_GIVEN: [{}, { judgements: { overallExperiencesAndProgress: 'requires_improvement', helpAndProtection: 'requires_improvement', leadershipAndManagement: 'requires_improvement' } }],
    PUBLICATION_WITHHELD: [{ decidedBy: 'regional_director', reasons: 'a criminal investigation would be prejudiced' }],
  },
  // Comments received and a re-grade change no guard; they are kept apart so that both ways are replayed.
  facts: (c) => ({ joint: c.jointVisit !== null, withheld: c.publicationWithheld !== null, comments: c.commentsReceived, regraded: c.grade !== null }),
};

const CASES: PathCase[] = [
  fullV2,
  fullV3,
  {
    definition: rfcComplianceNotice2024,
    input: { noticeId: 'CN-1', requirement: 'Regulation 12: keep children safe', complianceDate: AT },
    samples: {
      FOLLOW_UP_VISITED: [{ visitId: 'MV-1' }],
      NOTICE_OUTCOME_RECORDED: [{ outcome: 'met' }, { outcome: 'not_met' }, { outcome: 'met_but_new_failure' }],
      NOTICE_CASE_REVIEW_DECIDED: ['close', 'further_notice', 'cancel_registration', 'prosecution_considered'].map((decision) => ({ decision })),
    },
    facts: (c) => ({ outcome: c.outcome }),
  },
  {
    definition: rfcCaseReview2024,
    input: { inspectionEndedOn: AT },
    samples: {
      DEBRIEF_HELD: [{ recommendation: 'reinspect within 6 months; compliance notice on safeguarding' }],
      CASE_REVIEW_DECIDED: [
        {
          nextInspectionBy: '2025-10-17',
          nextInspectionType: 'full',
          monitoringVisits: { everyWeeks: 2, announced: false },
          complianceNotices: [{ noticeId: 'CN-1', requirement: 'Regulation 12', complianceDate: '2025-05-01' }],
        },
      ],
      LA_ALERTS_SENT: [
        { currentAuthorities: 2, previousSixMonthsAuthorities: 3 },
        { currentAuthorities: 0, previousSixMonthsAuthorities: 0 },
      ],
    },
  },
  monitoringVisitV1,
  {
    // v2 of the visit: v1's paths and a possible offence, continued (back on site, advice taken) or stopped.
    ...monitoringVisitV1,
    definition: rfcMonitoringVisit2024v2,
    samples: { ...monitoringVisitV1.samples, ...OFFENCE_SAMPLES },
    facts: (c, state, e) => ({ ...monitoringVisitV1.facts!(c, state, e), continued: state.matches('onSite') && (c.offence as { decision: string } | null)?.decision }),
  },
  {
    // Revision 3: revision 2's paths and the formal complaint on the draft, answered with or without a changed re-grade.
    ...monitoringVisitV1,
    definition: rfcMonitoringVisit2024v3,
    samples: {
      ...monitoringVisitV1.samples,
      ...OFFENCE_SAMPLES,
      COMPLAINT_MADE: [{ summary: 'the evidence base does not support the re-grade' }],
      COMPLAINT_RESPONDED: [{ outcome: 'not_upheld' }, { outcome: 'upheld', judgements: { overallExperiencesAndProgress: 'good', helpAndProtection: 'good', leadershipAndManagement: 'good' } }],
    },
    facts: (c, state, e) => ({
      ...monitoringVisitV1.facts!(c, state, e),
      continued: state.matches('onSite') && (c.offence as { decision: string } | null)?.decision,
      complained: c.complaintReceivedDate !== null,
    }),
  },
  {
    definition: rfcRequirement2024,
    input: { requirementId: 'R-1', regulation: 'Regulation 12', dueDate: AT },
    samples: {
      REQUIREMENT_CHECKED: [{ outcome: 'met' }, { outcome: 'not_met' }],
      ESCALATED_TO_ENFORCEMENT: [{ action: 'compliance_notice' }],
    },
  },
  ...[rfcRecommendation2024, rfcRecommendation2024v2].map((definition) => ({
    definition,
    input: { recommendationId: 'REC-1', standard: 'NMS 5', nextInspectionDueBy: '2025-10-17' },
    samples: {
      RECOMMENDATION_CHECKED: [
        { outcome: 'met' },
        { outcome: 'not_met' },
        { outcome: 'turned_into_requirement', requirementDueDate: '2025-05-01', regulation: 'Regulation 12' },
      ],
    },
  })),
];

describeEveryPath(CASES, AT, RECORDED);
