import { rfcCaseReview2024 } from '../../machines/sccif-rfc/caseReview';
import { rfcComplianceNotice2024 } from '../../machines/sccif-rfc/complianceNotice';
import { rfcMonitoringVisit2024 } from '../../machines/sccif-rfc/monitoringVisit';
import { rfcRecommendation2024 } from '../../machines/sccif-rfc/recommendation';
import { rfcRequirement2024 } from '../../machines/sccif-rfc/requirement';
import { type PathCase, describeEveryPath } from '../support/everyPath';

/**
 * Every path of each enforcement machine of seed 002 (SCCIF residential family centres), generated from the
 * machine's graph with @xstate/graph and replayed through the engine, as test/machines/childrensCentre.test.ts does.
 */

const AT = '2025-04-17'; // Thursday before Good Friday: every clock below crosses Easter 2025
const RECORDED = '2025-04-17T11:00:00.000Z';

const CASES: PathCase[] = [
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
  {
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
  },
  {
    definition: rfcRequirement2024,
    input: { requirementId: 'R-1', regulation: 'Regulation 12', dueDate: AT },
    samples: {
      REQUIREMENT_CHECKED: [{ outcome: 'met' }, { outcome: 'not_met' }],
      ESCALATED_TO_ENFORCEMENT: [{ action: 'compliance_notice' }],
    },
  },
  {
    definition: rfcRecommendation2024,
    input: { recommendationId: 'REC-1', standard: 'NMS 5', nextInspectionDueBy: '2025-10-17' },
    samples: {
      RECOMMENDATION_CHECKED: [
        { outcome: 'met' },
        { outcome: 'not_met' },
        { outcome: 'turned_into_requirement', requirementDueDate: '2025-05-01', regulation: 'Regulation 12' },
      ],
    },
  },
];

describeEveryPath(CASES, AT, RECORDED);
